import type { z } from 'zod';
import { apiUrl, ApiError, errorFromResponse } from './api-client';

// api-client has no PATCH yet: the same headers (CSRF), cookie, error shape and session handling.
// (The return's and the mission's assistance items, features/return and features/field-returns.)
export const patch = async <T>(path: string, body: unknown, schema: z.ZodType<T>): Promise<T> => {
  let response: Response;
  try {
    response = await fetch(apiUrl(path), {
      method: 'PATCH',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'X-Requested-With': 'fetch' },
      credentials: 'same-origin',
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError('NETWORK_ERROR', 0, 'The server could not be reached');
  }
  if (!response.ok) throw await errorFromResponse(path, response);
  const parsed = schema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) throw new ApiError('INVALID_RESPONSE', response.status, 'The server answered with an unexpected shape');
  return parsed.data;
};
