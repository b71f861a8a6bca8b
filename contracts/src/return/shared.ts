import { z } from 'zod';

// Field helpers of the return's input schemas.
export const Text = (max: number) => z.string().trim().min(3).max(max);
export const Name = z.string().trim().min(2).max(200);
export const Language = z.string().trim().min(2).max(40);
export const required = (message: string) => ({ message, params: { code: 'required' } });
