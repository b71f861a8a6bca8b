import { z } from 'zod';

// Case states, domain.md §4. Part 1 (intake → report) and part 2 (durable solution → AVR →
// reintegration) plus the cross-cutting states.
export const CaseStateSchema = z.enum([
  'RECEIVED',
  'SCREENING',
  'INFO_REQUESTED',
  'READY_FOR_TRACING',
  'TRACING_IN_PROGRESS',
  'FAMILY_LOCATED',
  'NOT_LOCATED',
  'UNSAFE',
  'FAMILY_REFUSED',
  'ASSESSMENT_DONE',
  'REPORT_DRAFTING',
  'REPORT_QA',
  'REPORT_APPROVED',
  'REPORT_SENT',
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
  'ON_HOLD',
  'WITHDRAWN',
  'AGED_OUT',
  'REJECTED',
]);
export type CaseState = z.infer<typeof CaseStateSchema>;
export const CASE_STATES = CaseStateSchema.options;

export const CLOSED_STATES: readonly CaseState[] = [
  'CLOSED_LOCAL_SOLUTION',
  'CLOSED_REINTEGRATED',
  'WITHDRAWN',
  'AGED_OUT',
  'REJECTED',
];
export const isClosedState = (state: CaseState): boolean => CLOSED_STATES.includes(state);

// Broad phases, used for grouping on dashboards and for plain-language labels to external users.
export type CasePhase = 'intake' | 'tracing' | 'report' | 'solution' | 'return' | 'reintegration' | 'closed' | 'hold';
export const PHASE_BY_STATE: Record<CaseState, CasePhase> = {
  RECEIVED: 'intake',
  SCREENING: 'intake',
  INFO_REQUESTED: 'intake',
  READY_FOR_TRACING: 'tracing',
  TRACING_IN_PROGRESS: 'tracing',
  FAMILY_LOCATED: 'tracing',
  NOT_LOCATED: 'tracing',
  UNSAFE: 'tracing',
  FAMILY_REFUSED: 'tracing',
  ASSESSMENT_DONE: 'report',
  REPORT_DRAFTING: 'report',
  REPORT_QA: 'report',
  REPORT_APPROVED: 'report',
  REPORT_SENT: 'report',
  AWAITING_SOLUTION: 'solution',
  CLOSED_LOCAL_SOLUTION: 'closed',
  AVR_REQUESTED: 'return',
  AVR_COUNSELLING: 'return',
  COURT_PENDING: 'return',
  COURT_APPROVED: 'return',
  COURT_REJECTED: 'solution',
  AVR_PREPARATION: 'return',
  IN_TRANSIT: 'return',
  HANDED_OVER: 'reintegration',
  REINTEGRATION: 'reintegration',
  MONITORING: 'reintegration',
  CLOSED_REINTEGRATED: 'closed',
  ON_HOLD: 'hold',
  WITHDRAWN: 'closed',
  AGED_OUT: 'closed',
  REJECTED: 'closed',
};
