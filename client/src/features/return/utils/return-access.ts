import { IOM_STAFF_ROLES, type CaseDetail, type CaseState, type Role } from '@app/contracts';

// Where each record can be written: the lists the server enforces (contracts/src/return.ts).
export {
  AVR_REQUEST_STATES,
  BEFORE_COURT_STATES,
  COUNSELLING_STATES,
  DURABLE_SOLUTION_STATES,
  LOCAL_SOLUTION_STATES,
  PLAN_STATES,
  RETURNED_STATES,
  TRAVEL_PLAN_STATES,
} from '@app/contracts';

// UI-only policies mirroring server/src/return (ReturnService, CourtService): they decide what to
// show, the server decides what to answer.

export const canWorkOnReturn = (role: Role): boolean => (IOM_STAFF_ROLES as readonly Role[]).includes(role);
export const isSupervisor = (role: Role): boolean => role === 'supervisor';

// The durable solution and, on the return path, every step of it (domain §4 transitions 13–21).
export const RETURN_PATH_STATES: readonly CaseState[] = [
  'AWAITING_SOLUTION',
  'CLOSED_LOCAL_SOLUTION',
  'AVR_REQUESTED',
  'AVR_COUNSELLING',
  'COURT_PENDING',
  'COURT_APPROVED',
  'COURT_REJECTED',
  'AVR_PREPARATION',
  'IN_TRANSIT',
  'HANDED_OVER',
  'REINTEGRATION',
  'MONITORING',
  'CLOSED_REINTEGRATED',
];

// From the filing on, the court section has something to show.
export const COURT_STATES: readonly CaseState[] = [
  'AVR_COUNSELLING',
  'COURT_PENDING',
  'COURT_APPROVED',
  'COURT_REJECTED',
  'AVR_PREPARATION',
  'IN_TRANSIT',
  'HANDED_OVER',
  'REINTEGRATION',
  'MONITORING',
  'CLOSED_REINTEGRATED',
];
// Once the court ordered the return: the travel plan is there to read.
export const AFTER_COURT_APPROVAL: readonly CaseState[] = ['COURT_APPROVED', 'AVR_PREPARATION', 'IN_TRANSIT', 'HANDED_OVER', 'REINTEGRATION', 'MONITORING', 'CLOSED_REINTEGRATED'];
// Closed cases that may have left the return path (their records stay readable).
const MAYBE_RETURN_RECORDS: readonly CaseState[] = ['WITHDRAWN', 'AGED_OUT'];

export const isIn = (states: readonly CaseState[], state: CaseState): boolean => states.includes(state);

// The case-file tab "Return and reintegration" (IOM staff): once the case awaits its durable
// solution or is on the return path; a case on hold counts by the state it left; a withdrawn,
// aged-out or reopened case may have return records. Guardians and courts use the return
// screens from their portal tabs (features/portal).
export const showsReturnTab = (role: Role, caseDetail: Pick<CaseDetail, 'state' | 'transitions' | 'reopenCount'>): boolean => {
  if (!canWorkOnReturn(role)) return false;
  if (isIn(RETURN_PATH_STATES, caseDetail.state) || isIn(MAYBE_RETURN_RECORDS, caseDetail.state) || caseDetail.reopenCount > 0) return true;
  if (caseDetail.state === 'ON_HOLD') {
    return caseDetail.transitions.some((transition) => transition.id === 'resume' && isIn(RETURN_PATH_STATES, transition.to));
  }
  return false;
};
