import { z } from 'zod';
import { CursorQuerySchema, IdSchema, IsoDateTimeSchema, pageOf } from './common';
import { PasswordSchema } from './auth';
import { OrganisationTypeSchema, RoleSchema } from './roles';

export const OrganisationSchema = z.object({
  id: IdSchema,
  name: z.string(),
  type: OrganisationTypeSchema,
  country: z.string().nullable(),
  municipality: z.string().nullable(),
  district: z.string().nullable(),
  createdAt: IsoDateTimeSchema,
});
export type Organisation = z.infer<typeof OrganisationSchema>;

// Where an organisation of each type sits: a mission has a country, an office a municipality, a
// court a district. The server enforces it; the admin form marks the field.
export type OrganisationPlace = 'country' | 'municipality' | 'district';
export const REQUIRED_PLACE_BY_ORGANISATION_TYPE: Partial<Record<z.infer<typeof OrganisationTypeSchema>, OrganisationPlace>> = {
  IOM_MISSION: 'country',
  SOCIAL_SERVICES: 'municipality',
  JUVENILE_COURT: 'district',
};

export const CreateOrganisationSchema = z.strictObject({
  name: z.string().trim().min(2).max(200),
  type: OrganisationTypeSchema,
  country: z.string().trim().length(2).toUpperCase().optional(),
  municipality: z.string().trim().min(2).max(120).optional(),
  district: z.string().trim().min(2).max(120).optional(),
});
export type CreateOrganisationInput = z.infer<typeof CreateOrganisationSchema>;

export const UserSchema = z.object({
  id: IdSchema,
  email: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  organisationId: IdSchema,
  organisationName: z.string(),
  active: z.boolean(),
  createdAt: IsoDateTimeSchema,
});
export type User = z.infer<typeof UserSchema>;

export const CreateUserSchema = z.strictObject({
  email: z.email().max(254).transform((v) => v.toLowerCase()),
  displayName: z.string().trim().min(2).max(120),
  role: RoleSchema,
  organisationId: IdSchema,
  password: PasswordSchema,
});
export type CreateUserInput = z.infer<typeof CreateUserSchema>;

export const ResetPasswordSchema = z.strictObject({ password: PasswordSchema });
export type ResetPasswordInput = z.infer<typeof ResetPasswordSchema>;

export const UserListQuerySchema = CursorQuerySchema.extend({
  organisationId: IdSchema.optional(),
});
export const UserPageSchema = pageOf(UserSchema);
export const OrganisationListSchema = z.object({ items: z.array(OrganisationSchema) });
