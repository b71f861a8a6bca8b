import { z } from 'zod';
import { IdSchema } from './common';
import { OrganisationTypeSchema, RoleSchema } from './roles';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export const LoginSchema = z.strictObject({
  email: z.email().max(254),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});
export type LoginInput = z.infer<typeof LoginSchema>;

export const PasswordSchema = z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH);

export const LocaleSchema = z.enum(['it', 'en']);
export type Locale = z.infer<typeof LocaleSchema>;

export const CurrentUserSchema = z.object({
  id: IdSchema,
  email: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  organisation: z.object({ id: IdSchema, name: z.string(), type: OrganisationTypeSchema }),
});
export type CurrentUser = z.infer<typeof CurrentUserSchema>;
