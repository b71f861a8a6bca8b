import { z } from 'zod';

export const RoleSchema = z.enum([
  'admin',
  'supervisor',
  'caseworker',
  'field_officer',
  'guardian',
  'social_services',
  'court',
  'ministry',
  'dpo',
]);
export type Role = z.infer<typeof RoleSchema>;
export const ROLES = RoleSchema.options;

export const IOM_STAFF_ROLES = ['supervisor', 'caseworker'] as const satisfies readonly Role[];
export const EXTERNAL_ROLES = ['guardian', 'social_services', 'court', 'ministry'] as const satisfies readonly Role[];

export const OrganisationTypeSchema = z.enum([
  'IOM_UNIT',
  'IOM_MISSION',
  'SOCIAL_SERVICES',
  'JUVENILE_COURT',
  'MINISTRY',
  'GUARDIANS',
]);
export type OrganisationType = z.infer<typeof OrganisationTypeSchema>;

// Which roles a user of each organisation type may hold: a court clerk cannot be created inside a
// municipal office, a caseworker cannot belong to a mission abroad.
export const ROLES_BY_ORGANISATION_TYPE: Record<OrganisationType, readonly Role[]> = {
  IOM_UNIT: ['admin', 'supervisor', 'caseworker', 'dpo'],
  IOM_MISSION: ['field_officer'],
  SOCIAL_SERVICES: ['social_services'],
  JUVENILE_COURT: ['court'],
  MINISTRY: ['ministry'],
  GUARDIANS: ['guardian'],
};

// Relation of a grant on a case. A grant names either a user or an organisation.
export const GrantRelationSchema = z.enum([
  'assigned_caseworker',
  'supervising_unit',
  'guardian',
  'social_services',
  'court',
  'field_mission',
  'ministry',
]);
export type GrantRelation = z.infer<typeof GrantRelationSchema>;

// The case file is visible through these relations only. A field mission works on the redacted
// tracing packet, the ministry on routed reports: neither ever opens the case file.
export const CASE_FILE_RELATIONS_BY_ROLE: Record<Role, readonly GrantRelation[]> = {
  admin: [],
  supervisor: ['supervising_unit'],
  caseworker: ['assigned_caseworker'],
  field_officer: [],
  guardian: ['guardian'],
  social_services: ['social_services'],
  court: ['court'],
  ministry: [],
  dpo: [],
};

// Grants to a user (the person) versus to an organisation (every user of it with a matching role).
export const USER_GRANT_RELATIONS: readonly GrantRelation[] = ['assigned_caseworker', 'guardian'];
