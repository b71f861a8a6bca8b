import type { FieldError, OrganisationType } from '@app/contracts';
import { AppError } from '../common/app-error';
import type { Executor } from '../database/db';

// Checks of the references and dates of intake and edit input that need the database or the
// clock. Problems are collected and thrown together as one 400 naming every field.
export class FieldProblems {
  readonly fields: FieldError[] = [];

  add(path: string, code: string, message: string): void {
    this.fields.push({ path, code, message });
  }

  throwIfAny(): void {
    if (this.fields.length) throw new AppError('VALIDATION_FAILED', 'Invalid body', { fields: this.fields });
  }
}

// `today`: the unit's calendar day (Clock.today()); a date of today is never "in the future".
export function notInFuture(problems: FieldProblems, path: string, value: string | null | undefined, today: string): void {
  if (value && value > today) problems.add(path, 'in_future', 'The date is in the future');
}

// Who can be the requesting authority: an Italian authority or office, never IOM itself.
export const REQUESTER_TYPES: readonly OrganisationType[] = ['SOCIAL_SERVICES', 'MINISTRY', 'JUVENILE_COURT', 'GUARDIANS'];

export async function checkOrganisation(
  tx: Executor,
  problems: FieldProblems,
  path: string,
  id: string | undefined,
  types: readonly OrganisationType[],
): Promise<OrganisationType | undefined> {
  if (!id) return undefined;
  const rows = await tx.query<{ type: OrganisationType }[]>(`SELECT type FROM organisations WHERE id = $1`, [id]);
  const type = rows[0]?.type;
  if (!type) problems.add(path, 'not_found', 'Unknown organisation');
  else if (!types.includes(type)) problems.add(path, 'wrong_type', `Expected an organisation of type ${types.join(' or ')}`);
  return type;
}

export async function checkUser(
  tx: Executor,
  problems: FieldProblems,
  path: string,
  id: string | undefined,
  role: 'guardian' | 'caseworker',
  organisationId?: string,
): Promise<void> {
  if (!id) return;
  const rows = await tx.query<{ role: string; active: boolean; organisation_id: string }[]>(`SELECT role, active, organisation_id FROM users WHERE id = $1`, [id]);
  const user = rows[0];
  if (!user) problems.add(path, 'not_found', 'Unknown user');
  else if (user.role !== role) problems.add(path, 'wrong_role', `The user is not a ${role}`);
  else if (!user.active) problems.add(path, 'inactive', 'The user account is deactivated');
  else if (organisationId && user.organisation_id !== organisationId) problems.add(path, 'other_unit', 'The caseworker belongs to another unit');
}
