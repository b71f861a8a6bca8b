import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { addMonths, findTransition, romeDay, type CaseState } from '@app/contracts';
import { CaseFactsRepository } from '../../src/workflow/case-facts.repository';
import { unmetGuards } from '../../src/workflow/case-transition.policy';
import { createTestApp, type TestApp } from '../setup/test-app';
import { testNow } from '../setup/test-clock';

// The calendar at the run's instant (npm run test:dates runs this at every instant of
// server/test/run-dates.mjs): the app, its database and the demo seed agree on "now" and on
// every day, month end, leap day and clock change (docs/testing.md "Dates", issue 11).
describe('dates: one clock and one calendar for the app, its database and the demo seed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('reads the same instant and the same day in Italy in the server and in SQL', async () => {
    const before = t.clock.now().getTime();
    const [db] = await t.db.query<{ now: Date; today: string }[]>(`SELECT app_now() AS now, to_char(app_today(), 'YYYY-MM-DD') AS today`);
    const after = t.clock.now().getTime();
    // app_now() is the transaction's start, read between the two readings of the clock.
    expect(db!.now.getTime()).toBeGreaterThanOrEqual(before - 50);
    expect(db!.now.getTime()).toBeLessThanOrEqual(after + 50);
    expect(db!.today).toBe(romeDay(db!.now));
    expect(Math.abs(testNow().getTime() - t.clock.now().getTime())).toBeLessThan(1000);
    if (process.env.TEST_NOW) expect(t.clock.now().getTime() - Date.parse(process.env.TEST_NOW)).toBeLessThan(30 * 60_000);
  });

  it('stamps rows through defaults with the app’s clock, never the database’s own', async () => {
    const stale = await t.db.query<{ table_name: string; column_name: string }[]>(
      `SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = 'public' AND (column_default ILIKE '%now()%' OR column_default ILIKE '%current_%') AND column_default NOT ILIKE '%app_now()%'`,
    );
    expect(stale).toEqual([]);
    const [row] = await t.db.query<{ at: Date }[]>(`INSERT INTO organisations (name, type) VALUES ('Clock probe', 'GUARDIANS') RETURNING created_at AS at`);
    expect(Math.abs(row!.at.getTime() - t.clock.now().getTime())).toBeLessThan(5000);
  });

  it('writes no SQL against the database’s own clock (now(), current_date): only app_now() / app_today()', () => {
    const root = join(__dirname, '../../src');
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (name.endsWith('.ts') && !name.endsWith('.spec.ts')) {
          // SQL is written in template literals: the odd pieces between backticks.
          readFileSync(path, 'utf8')
            .split('`')
            .filter((_, i) => i % 2 === 1)
            .forEach((sql) => {
              const found = /(?<![\w.])now\(\)|\bcurrent_date\b|\bcurrent_timestamp\b|\blocaltimestamp\b/i.exec(sql);
              if (found) offenders.push(`${path}: ${sql.slice(Math.max(0, found.index - 40), found.index + 20)}`);
            });
        }
      }
    };
    walk(root);
    expect(offenders).toEqual([]);
  });

  it('counts calendar months in SQL exactly as the server and the seed do', async () => {
    const days = ['2027-01-31', '2028-01-31', '2027-08-31', '2028-02-29', '2026-12-31', '2027-03-30', '2027-10-31', romeDay(t.clock.now())];
    for (const day of days) {
      for (const months of [-13, -1, 1, 3, 6, 12, 18 * 12]) {
        const [row] = await t.db.query<{ d: string }[]>(`SELECT to_char($1::date + make_interval(months => $2), 'YYYY-MM-DD') AS d`, [day, months]);
        expect({ day, months, d: addMonths(day, months) }).toEqual({ day, months, d: row!.d });
      }
    }
  });

  it('seeds every case with the records that satisfy the guards of the move into its state, at this instant', async () => {
    const cases = await t.db.query<{ id: string; case_number: string; state: CaseState; from_state: CaseState }[]>(
      `SELECT c.id, c.case_number, c.state, h.from_state FROM cases c
        JOIN LATERAL (SELECT from_state FROM case_history WHERE case_id = c.id AND kind = 'TRANSITION' ORDER BY at DESC, id DESC LIMIT 1) h ON true
        WHERE c.case_number LIKE 'IF-%' ORDER BY c.case_number`,
    );
    expect(cases.length).toBeGreaterThan(30);
    const facts = t.app.get(CaseFactsRepository);
    const unmetByCase = [];
    for (const c of cases) {
      const transition = findTransition(c.from_state, c.state)!;
      const unmet = unmetGuards(transition, await facts.load(t.db, c.id, t.clock.now()), 'seeded');
      if (unmet.length) unmetByCase.push({ case: c.case_number, state: c.state, unmet });
    }
    expect(unmetByCase).toEqual([]);
  });

  it('plans the seeded monitoring visits in calendar months from the hand-over’s day in Italy, none ahead of today', async () => {
    const visits = await t.db.query<{ handover: Date; planned_on: string; month_offset: number; visited_on: string | null }[]>(
      `SELECT h.arrived_at AS handover, to_char(v.planned_on, 'YYYY-MM-DD') AS planned_on, v.month_offset, to_char(v.visited_on, 'YYYY-MM-DD') AS visited_on
         FROM monitoring_visits v JOIN avr_handovers h ON h.case_id = v.case_id`,
    );
    expect(visits.length).toBeGreaterThanOrEqual(9);
    const today = t.clock.today();
    for (const v of visits) {
      expect({ planned: v.planned_on }).toEqual({ planned: addMonths(romeDay(v.handover), v.month_offset) });
      if (v.visited_on) expect(v.visited_on <= today).toBe(true);
    }
  });

  it('dates nothing of the demo unit after today in Italy', async () => {
    const [future] = await t.db.query<Record<string, number>[]>(
      `SELECT
         (SELECT count(*)::int FROM minors WHERE date_of_birth > app_today() OR arrival_date > app_today()) AS minors,
         (SELECT count(*)::int FROM cases WHERE request_date > app_today() OR created_at > app_now() OR updated_at > app_now()) AS cases,
         (SELECT count(*)::int FROM case_history WHERE at > app_now()) AS history,
         (SELECT count(*)::int FROM court_decisions WHERE decided_on > app_today()) AS decisions,
         (SELECT count(*)::int FROM court_proceedings WHERE filed_on > app_today()) AS proceedings,
         (SELECT count(*)::int FROM counselling_sessions WHERE held_on > app_today()) AS counselling,
         (SELECT count(*)::int FROM family_assessments WHERE interview_date > app_today()) AS assessments,
         (SELECT count(*)::int FROM reintegration_assistance_items WHERE delivered_on > app_today()) AS deliveries,
         (SELECT count(*)::int FROM durable_solutions WHERE decided_on > app_today()) AS solutions`,
    );
    expect(future).toEqual({ minors: 0, cases: 0, history: 0, decisions: 0, proceedings: 0, counselling: 0, assessments: 0, deliveries: 0, solutions: 0 });
  });
});
