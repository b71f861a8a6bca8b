import { findTransition, REOPEN, RESUME, TRANSITIONS, type CaseState, type TransitionDef } from '@app/contracts';
import { executorOf } from '../../src/database/db';
import { CaseFactsRepository } from '../../src/workflow/case-facts.repository';
import { unmetGuards } from '../../src/workflow/case-transition.policy';
import { createTestApp, demoEmail, type TestApp } from '../setup/test-app';

// Part 1 of the workflow (domain.md §4 #2–#13 and X1–X4), every transition through the HTTP API on
// a case with no records: the wrong role gets 403, missing preconditions 422 naming exactly what the
// policy finds unmet on the loaded facts (and nothing changes), a reason-less move that needs one
// 422 REASON_GIVEN, and a transition whose preconditions hold moves the case, writing history.
// The paths that satisfy record-based guards are proved in workflow, tracing and reports specs.
const PART_1 = [
  'start_screening', 'reject', 'request_info', 'info_received', 'approve_tracing', 'start_tracing', 'confirm_located', 'confirm_not_located',
  'confirm_refused', 'confirm_unsafe', 'assessment_done', 'start_report', 'submit_for_qa', 'return_to_drafting', 'approve_report', 'release_report',
  'await_solution', 'close_local_solution', 'put_on_hold', 'withdraw', 'age_out',
];

const cases: { def: TransitionDef; from: CaseState }[] = [
  ...PART_1.map((id) => {
    const def = TRANSITIONS.find((t) => t.id === id);
    if (!def) throw new Error(`no transition ${id}`);
    return { def, from: def.from[0]! };
  }),
  { def: { ...RESUME, to: 'SCREENING' }, from: 'ON_HOLD' },
  { def: REOPEN, from: 'REJECTED' },
];

describe('every part-1 transition through the API', () => {
  let t: TestApp;
  let caseworker: string;
  let supervisor: string;
  beforeAll(async () => {
    t = await createTestApp();
    caseworker = await t.login(demoEmail('caseworker'));
    supervisor = await t.login(demoEmail('supervisor'));
  });
  afterAll(() => t.close());

  const snapshot = async (caseId: string) => (await t.db.query<{ state: string; version: number }[]>(`SELECT state, version FROM cases WHERE id = $1`, [caseId]))[0]!;
  const fire = (cookie: string, caseId: string, body: object, version: number) => t.as(cookie).post(`/api/cases/${caseId}/transitions`, body).set('if-match', String(version));

  it.each(cases.map((c) => [c.def.id, c.from, c.def.to, c] as const))('%s: %s → %s', async (_id, from, to, { def }) => {
    const caseId = await t.blankCase(from);
    if (from === 'ON_HOLD') await t.db.query(`UPDATE cases SET state_before_hold = 'SCREENING' WHERE id = $1`, [caseId]);
    expect(findTransition(from, to)?.id).toBe(def.id);
    const before = await snapshot(caseId);
    const allowed = def.roles.includes('caseworker') ? caseworker : supervisor;
    const reason = 'Motivo registrato dal test';

    if (!def.roles.includes('caseworker')) {
      const denied = await fire(caseworker, caseId, { to, reason }, before.version).expect(403);
      expect(denied.body.code).toBe('FORBIDDEN');
      expect(await snapshot(caseId)).toEqual(before);
    }
    if (def.guards.includes('REASON_GIVEN')) {
      const noReason = await fire(allowed, caseId, { to }, before.version).expect(422);
      expect(noReason.body.details.unmet.map((u: { code: string }) => u.code)).toContain('REASON_GIVEN');
      expect(await snapshot(caseId)).toEqual(before);
    }

    const facts = await t.app.get(CaseFactsRepository).load(executorOf(t.db), caseId, t.clock.now());
    const expected = unmetGuards(def, facts, reason).map((u) => u.code);
    const response = await fire(allowed, caseId, { to, reason }, before.version);
    if (expected.length) {
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 422, code: 'TRANSITION_NOT_ALLOWED' });
      expect(response.body.details.unmet.map((u: { code: string }) => u.code).sort()).toEqual([...expected].sort());
      expect(await snapshot(caseId)).toEqual(before);
    } else {
      expect({ status: response.status, state: response.body.state }).toEqual({ status: 200, state: to });
      expect(await snapshot(caseId)).toEqual({ state: to, version: before.version + 1 });
      const history = await t.db.query<{ from_state: string; to_state: string }[]>(`SELECT from_state, to_state FROM case_history WHERE case_id = $1 AND kind = 'TRANSITION'`, [caseId]);
      expect(history).toEqual([{ from_state: from, to_state: to }]);
    }
  });
});
