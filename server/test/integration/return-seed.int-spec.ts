import { findTransition, type CaseState } from '@app/contracts';
import { CaseFactsRepository } from '../../src/workflow/case-facts.repository';
import { unmetGuards } from '../../src/workflow/case-transition.policy';
import { createTestApp, demoEmail, type TestApp } from '../setup/test-app';

// The demo seed's part-2 cases (issue 4): one in each state of the return path, each with the
// records its state implies, so every screen and guard shows something true to life.
const RETURN_STATES: CaseState[] = [
  'AVR_REQUESTED', 'AVR_COUNSELLING', 'COURT_PENDING', 'COURT_APPROVED', 'COURT_REJECTED', 'AVR_PREPARATION', 'IN_TRANSIT', 'HANDED_OVER', 'REINTEGRATION', 'MONITORING', 'CLOSED_REINTEGRATED',
];

describe('demo seed: the return path', () => {
  let t: TestApp;
  let cases: { id: string; state: CaseState; from_state: CaseState; transition: string }[];
  beforeAll(async () => {
    t = await createTestApp();
    cases = await t.db.query(
      `SELECT c.id, c.state, h.from_state, h.detail->>'transition' AS transition FROM cases c
        JOIN LATERAL (SELECT from_state, detail FROM case_history WHERE case_id = c.id AND kind = 'TRANSITION' ORDER BY at DESC, id DESC LIMIT 1) h ON true
        WHERE c.case_number LIKE 'IF-%' AND c.state = ANY($1::text[]) ORDER BY c.case_number`,
      [RETURN_STATES],
    );
  });
  afterAll(() => t.close());

  const one = async <T>(sql: string, params: unknown[]) => (await t.db.query<T[]>(sql, params))[0]!;

  it('has a case in every state of the return path', () => {
    expect([...new Set(cases.map((c) => c.state))].sort()).toEqual([...RETURN_STATES].sort());
  });

  it('gives each case the records that satisfy the guards of the move into its state', async () => {
    const facts = t.app.get(CaseFactsRepository);
    for (const c of cases) {
      const transition = findTransition(c.from_state, c.state)!;
      expect({ case: c.id, transition: c.transition }).toEqual({ case: c.id, transition: transition.id });
      const unmet = unmetGuards(transition, await facts.load(t.db, c.id, t.clock.now()), 'seeded');
      expect({ state: c.state, unmet }).toEqual({ state: c.state, unmet: [] });
    }
  });

  it('keeps the records in step with the state', async () => {
    for (const c of cases) {
      const counts = await one<Record<string, number>>(
        `SELECT (SELECT count(*)::int FROM consents WHERE case_id = $1 AND scope = 'AVR_REQUEST') AS avr_consents,
                (SELECT count(*)::int FROM court_proceedings WHERE case_id = $1) AS proceedings,
                (SELECT count(*)::int FROM court_decisions WHERE case_id = $1) AS decisions,
                (SELECT count(*)::int FROM avr_travel_plans WHERE case_id = $1) AS travel_plans,
                (SELECT count(*)::int FROM avr_handovers WHERE case_id = $1) AS handovers,
                (SELECT count(*)::int FROM monitoring_visits WHERE case_id = $1) AS visits,
                (SELECT count(*)::int FROM durable_solutions WHERE case_id = $1) AS solutions`,
        [c.id],
      );
      const index = RETURN_STATES.indexOf(c.state);
      const after = (s: CaseState) => c.state !== 'COURT_REJECTED' && index >= RETURN_STATES.indexOf(s);
      expect({ state: c.state, counts }).toEqual({
        state: c.state,
        counts: {
          avr_consents: 2,
          proceedings: after('COURT_PENDING') || c.state === 'COURT_REJECTED' ? 1 : 0,
          decisions: after('COURT_APPROVED') || c.state === 'COURT_REJECTED' ? 1 : 0,
          travel_plans: after('COURT_APPROVED') ? 1 : 0,
          handovers: after('HANDED_OVER') ? 1 : 0,
          visits: after('HANDED_OVER') ? 3 : 0,
          solutions: c.state === 'CLOSED_REINTEGRATED' ? 1 : 0,
        },
      });
    }
  });

  it('stores each decree as a small PDF attached to its decision', async () => {
    const decrees = await t.db.query<{ outcome: string; head: string; tail: string; type: string }[]>(
      `SELECT d.outcome, convert_from(substring(dc.content from 1 for 8), 'LATIN1') AS head, convert_from(substring(dc.content from length(dc.content) - 5), 'LATIN1') AS tail, doc.type
        FROM court_decisions d JOIN documents doc ON doc.id = d.decree_document_id JOIN document_contents dc ON dc.document_id = doc.id
        WHERE d.case_id = ANY($1::uuid[])`,
      [cases.map((c) => c.id)],
    );
    expect(decrees.length).toBeGreaterThanOrEqual(8);
    for (const decree of decrees) expect(decree).toMatchObject({ head: '%PDF-1.4', type: 'COURT_DECREE', tail: expect.stringContaining('%%EOF') });
    expect(decrees.map((d) => d.outcome)).toEqual(expect.arrayContaining(['RETURN_ORDERED', 'RETURN_REJECTED']));
  });

  it('shows the Bangladesh mission its returning minors and opens their monitoring tasks', async () => {
    const dhaka = await t.login(demoEmail('field.dhaka'));
    const list = (await t.as(dhaka).get('/api/field/returns').expect(200)).body;
    expect(list.items.map((i: { state: string }) => i.state).sort()).toEqual(['AVR_PREPARATION', 'IN_TRANSIT']);
    const tasks = await t.db.query<{ rule: string }[]>(
      `SELECT DISTINCT t.rule FROM tasks t JOIN cases c ON c.id = t.case_id WHERE c.case_number LIKE 'IF-%' AND t.status = 'OPEN' AND t.rule = ANY($1::text[])`,
      [['court_hearing', 'monitoring_visit_due', 'monitoring_concern_review']],
    );
    expect(tasks.map((r) => r.rule).sort()).toEqual(['court_hearing', 'monitoring_concern_review', 'monitoring_visit_due']);
  });
});
