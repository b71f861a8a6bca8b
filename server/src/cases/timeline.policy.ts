import { CASE_EDIT_FIELDS, INTERNAL_CASE_FIELDS, IOM_STAFF_ROLES, MINOR_FIELDS, type MinorField, type Role } from '@app/contracts';
import type { TimelineScope } from './cases.repository';

// What external users (guardian, social services, court) see on the case timeline.
//
// IOM staff see every case_history entry as recorded. External users see an allow-list of
// kinds, so that entries added by other features (risk checks, family members, tracing, field
// reports) stay internal unless they are opened here on purpose:
//   - CASE_CREATED and TRANSITION (from/to state; the reason is IOM's own wording, withheld);
//   - CONSENT_RECORDED / CONSENT_WITHDRAWN (subject and scope: the guardian gives consents);
//   - CASE_UPDATED, listing only the edited fields that are not internal (an edit of internal
//     notes or of the risk level alone is not shown at all);
//   - MINOR_UPDATED, listing the edited fields of the profile (never the values); for a court,
//     health notes and trafficking indicators are left out as in the case detail.
// A field officer's name is never shown to external users (domain §2: guardians must not see the
// field officer's identity).
export const IOM_STAFF: readonly Role[] = IOM_STAFF_ROLES;
export const isIomStaff = (role: Role) => IOM_STAFF.includes(role);

export const EXTERNAL_TIMELINE_KINDS = [
  'CASE_CREATED',
  'TRANSITION',
  'CONSENT_RECORDED',
  'CONSENT_WITHDRAWN',
  'CASE_UPDATED',
  'MINOR_UPDATED',
  // The return (issue 4), as the guardian, the office and the court follow it: the minor's request
  // and the guardian's co-signature (subject and scope), the court's proceeding, hearing dates and
  // decision outcome, the continuation of support after 18 (its end date), the hand-over and the
  // durable solution (that they happened: plans, places and the family stay with IOM).
  'AVR_REQUEST_RECORDED',
  'AVR_GUARDIAN_CONSENT_RECORDED',
  'COURT_PROCEEDING_RECORDED',
  'COURT_HEARING_SCHEDULED',
  'COURT_HEARING_RECORDED',
  'COURT_DECISION_RECORDED',
  'COURT_DECREE_ATTACHED',
  'PROSIEGUO_REQUESTED',
  'PROSIEGUO_RECORDED',
  'HANDOVER_RECORDED',
  'DURABLE_SOLUTION_RECORDED',
] as const;

// Profile fields a court does not receive through the case detail.
export const COURT_HIDDEN_MINOR_FIELDS: readonly MinorField[] = ['healthNotes', 'traffickingIndicators'];

export function visibleMinorFields(role: Role): MinorField[] {
  return role === 'court' ? MINOR_FIELDS.filter((f) => !COURT_HIDDEN_MINOR_FIELDS.includes(f)) : [...MINOR_FIELDS];
}

export function timelineScope(role: Role): TimelineScope | null {
  if (isIomStaff(role)) return null;
  return {
    kinds: EXTERNAL_TIMELINE_KINDS,
    caseFields: CASE_EDIT_FIELDS.filter((f) => !INTERNAL_CASE_FIELDS.includes(f)),
    minorFields: visibleMinorFields(role),
  };
}

const pick = (detail: Record<string, unknown>, keys: string[]) =>
  Object.fromEntries(keys.filter((k) => detail[k] !== undefined).map((k) => [k, detail[k]]));

const fieldsOf = (detail: Record<string, unknown>) => (Array.isArray(detail.fields) ? (detail.fields as unknown[]).filter((f): f is string => typeof f === 'string') : []);

// The detail payload an external viewer gets for an entry the scope let through.
export function externalDetail(kind: string, detail: Record<string, unknown>, scope: TimelineScope): Record<string, unknown> {
  switch (kind) {
    case 'CASE_CREATED':
      return pick(detail, ['caseNumber', 'channel']);
    case 'CONSENT_RECORDED':
    case 'CONSENT_WITHDRAWN':
    case 'AVR_REQUEST_RECORDED':
    case 'AVR_GUARDIAN_CONSENT_RECORDED':
      return pick(detail, ['subject', 'scope']);
    case 'COURT_HEARING_SCHEDULED':
      return pick(detail, ['scheduledAt']);
    case 'COURT_DECISION_RECORDED':
      return pick(detail, ['outcome']);
    case 'PROSIEGUO_RECORDED':
      return pick(detail, ['prosieguoUntil']);
    case 'CASE_UPDATED':
      return { fields: fieldsOf(detail).filter((f) => scope.caseFields.includes(f)) };
    case 'MINOR_UPDATED':
      return { fields: fieldsOf(detail).filter((f) => scope.minorFields.includes(f)) };
    default:
      return {};
  }
}
