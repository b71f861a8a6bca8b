import type { Role } from '@app/contracts';

// The returned minors of a mission are the field officer's only (IOM Rome works from the case file).
export const canSeeFieldReturns = (role: Role): boolean => role === 'field_officer';
