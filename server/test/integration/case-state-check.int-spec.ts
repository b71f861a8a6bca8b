import { CASE_STATES } from '@app/contracts';
import { createTestApp, type TestApp } from '../setup/test-app';

// The database knows the workflow's states and no others (issue 17): a CHECK on every column that
// holds a state, equal to the state machine's list. Adding a state to contracts/src/workflow.ts
// without a migration that replaces these constraints fails here.
describe('the database refuses a state the workflow does not know', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const allowed = async (table: string, column: string) => {
    const rows = await t.db.query<{ def: string }[]>(
      `SELECT pg_get_constraintdef(c.oid) AS def FROM pg_constraint c JOIN pg_class r ON r.oid = c.conrelid
        WHERE r.relname = $1 AND c.contype = 'c' AND pg_get_constraintdef(c.oid) LIKE '%' || $2 || '%'`,
      [table, `(${column} = ANY`],
    );
    expect(rows).toHaveLength(1);
    return [...rows[0]!.def.matchAll(/'([A-Z_]+)'::text/g)].map((m) => m[1]);
  };

  it.each([
    ['cases', 'state'],
    ['cases', 'state_before_hold'],
    ['case_history', 'from_state'],
    ['case_history', 'to_state'],
  ])('%s.%s allows exactly CASE_STATES', async (table, column) => {
    expect((await allowed(table, column)).sort()).toEqual([...CASE_STATES].sort());
  });

  it('refuses an unknown state with a check violation and changes nothing', async () => {
    const [c] = await t.db.query<{ id: string; state: string }[]>(`SELECT id, state FROM cases ORDER BY case_number LIMIT 1`);
    await expect(t.db.query(`UPDATE cases SET state = 'LIMBO' WHERE id = $1`, [c!.id])).rejects.toThrow(/cases_state_check/);
    expect(await t.db.query(`SELECT state FROM cases WHERE id = $1`, [c!.id])).toEqual([{ state: c!.state }]);
  });
});
