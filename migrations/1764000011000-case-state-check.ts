import type { MigrationInterface, QueryRunner } from 'typeorm';

// The database refuses a state the workflow does not know (issue 17). The list is the state
// machine's (contracts/src/workflow.ts, CASE_STATES) as of this migration: migrations are frozen
// history, so adding a state means a new migration that replaces these constraints.
// test/integration/case-state-check.int-spec.ts fails while the enum and the CHECKs differ.
export const CASE_STATES_1764000011000 = [
  'RECEIVED', 'SCREENING', 'INFO_REQUESTED', 'READY_FOR_TRACING', 'TRACING_IN_PROGRESS', 'FAMILY_LOCATED', 'NOT_LOCATED', 'UNSAFE',
  'FAMILY_REFUSED', 'ASSESSMENT_DONE', 'REPORT_DRAFTING', 'REPORT_QA', 'REPORT_APPROVED', 'REPORT_SENT', 'AWAITING_SOLUTION',
  'CLOSED_LOCAL_SOLUTION', 'AVR_REQUESTED', 'AVR_COUNSELLING', 'COURT_PENDING', 'COURT_APPROVED', 'COURT_REJECTED', 'AVR_PREPARATION',
  'IN_TRANSIT', 'HANDED_OVER', 'REINTEGRATION', 'MONITORING', 'CLOSED_REINTEGRATED', 'ON_HOLD', 'WITHDRAWN', 'AGED_OUT', 'REJECTED',
] as const;

const CONSTRAINTS = [
  ['cases', 'cases_state_check', 'state'],
  ['cases', 'cases_state_before_hold_check', 'state_before_hold'],
  ['case_history', 'case_history_from_state_check', 'from_state'],
  ['case_history', 'case_history_to_state_check', 'to_state'],
] as const;

export class CaseStateCheck1764000011000 implements MigrationInterface {
  name = 'CaseStateCheck1764000011000';

  async up(q: QueryRunner): Promise<void> {
    const list = CASE_STATES_1764000011000.map((s) => `'${s}'`).join(', ');
    for (const [table, name, column] of CONSTRAINTS) {
      await q.query(`ALTER TABLE ${table} ADD CONSTRAINT ${name} CHECK (${column} IN (${list}))`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table, name] of CONSTRAINTS) await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${name}`);
  }
}
