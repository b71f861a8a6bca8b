import { addDays, addRomeDays, romeDay } from '@app/contracts';
import { randomBytes } from 'node:crypto';
import { TaskSweeper } from '../../src/tasks/task-sweeper';
import { recomputeTasks } from '../../src/tasks/task-recompute';
import { createTestApp, demoEmail, type TestApp } from '../setup/test-app';
import { advanceDays, dateOfBirthTurning18In } from '../setup/test-clock';

const DAY = 86_400_000;
const consent = { subject: 'MINOR', scope: 'TRACING', language: 'Arabic (Egyptian)', mediatorPresent: true, mediatorName: 'Samir (mediator)', informedBy: 'Marco Bellini', minorWords: 'I want IOM to find my mother.', givenAt: '2026-01-10T10:00:00.000Z' };
const riskCheck = { stage: 'PRE_TRACING', riskToMinor: 'None known', riskToFamily: 'Low', protectionStatusConflict: false, traffickingConcern: false, areaSecurity: 'Stable', decision: 'PROCEED' };

interface TaskRow {
  rule: string;
  status: string;
  owner_role: string;
  due_at: Date;
  detail: Record<string, unknown>;
}

describe('tasks and deadlines', () => {
  let t: TestApp;
  let caseworker: string;
  let caseworker2: string;
  let supervisor: string;

  const userId = async (local: string) => (await t.db.query<{ id: string }[]>(`SELECT id FROM users WHERE email = $1`, [demoEmail(local)]))[0]!.id;
  const unitOrg = async () => (await t.db.query<{ organisation_id: string }[]>(`SELECT organisation_id FROM users WHERE email = $1`, [demoEmail('supervisor')]))[0]!.organisation_id;
  const isoDay = (ms: number) => romeDay(new Date(ms));

  // A fresh case assigned to `local`; `eighteenIn` sets the date of birth so the minor turns 18
  // that many days from the clock's today.
  const makeCase = async (state: string, options: { local?: string; eighteenIn?: number; dobIsDefaultJan1?: boolean } = {}) => {
    const dob = dateOfBirthTurning18In(t.clock.today(), options.eighteenIn ?? 1500);
    const minor = (await t.db.query<{ id: string }[]>(
      `INSERT INTO minors (first_name, last_name, sex, nationality, date_of_birth, dob_is_default_jan1) VALUES ('Task', 'Fixture', 'M', 'EG', $1, $2) RETURNING id`,
      [dob, options.dobIsDefaultJan1 ?? false],
    ))[0]!.id;
    const caseId = (await t.db.query<{ id: string }[]>(
      `INSERT INTO cases (case_number, minor_id, state, channel, request_date, created_at, updated_at) VALUES ($1, $2, $3, 'DG_MLPS', '2026-01-10', $4, $4) RETURNING id`,
      [`TSK-${randomBytes(4).toString('hex')}`, minor, state, t.clock.now()],
    ))[0]!.id;
    await t.db.query(`INSERT INTO case_grants (case_id, organisation_id, relation) VALUES ($1, $2, 'supervising_unit')`, [caseId, await unitOrg()]);
    await t.db.query(`INSERT INTO case_grants (case_id, user_id, relation) VALUES ($1, $2, 'assigned_caseworker')`, [caseId, await userId(options.local ?? 'caseworker')]);
    return caseId;
  };
  const tasksOf = (caseId: string) => t.db.query<TaskRow[]>(`SELECT rule, status, owner_role, due_at, detail FROM tasks WHERE case_id = $1 ORDER BY rule`, [caseId]);
  const statusMap = async (caseId: string) => Object.fromEntries((await tasksOf(caseId)).map((r) => [r.rule, r.status]));
  const openRules = async (caseId: string) => (await tasksOf(caseId)).filter((r) => r.status === 'OPEN').map((r) => r.rule);
  const version = async (caseId: string) => (await t.db.query<{ version: number }[]>(`SELECT version FROM cases WHERE id = $1`, [caseId]))[0]!.version;
  const move = async (cookie: string, caseId: string, to: string, reason?: string, status = 200) => {
    const response = await t.as(cookie).post(`/api/cases/${caseId}/transitions`, reason ? { to, reason } : { to }).set('if-match', String(await version(caseId)));
    expect({ to, status: response.status }).toEqual({ to, status });
  };

  beforeAll(async () => {
    t = await createTestApp();
    caseworker = await t.login(demoEmail('caseworker'));
    caseworker2 = await t.login(demoEmail('caseworker2'));
    supervisor = await t.login(demoEmail('supervisor'));
  });
  afterEach(() => t.clock.reset());
  afterAll(() => t.close());

  it('creates and closes the expected tasks as the case moves, inside the transition', async () => {
    const caseId = await makeCase('RECEIVED');
    await t.db.transaction((tx) => recomputeTasks(tx, caseId, t.clock.now()));
    expect(await statusMap(caseId)).toEqual({ screening_sla: 'OPEN' });

    await move(caseworker, caseId, 'SCREENING');
    expect(await statusMap(caseId)).toEqual({ screening_sla: 'DONE', consent_and_risk_check: 'OPEN' });

    // A refused transition changes no task (one transaction).
    await move(supervisor, caseId, 'READY_FOR_TRACING', undefined, 422);
    expect(await statusMap(caseId)).toEqual({ screening_sla: 'DONE', consent_and_risk_check: 'OPEN' });

    await t.as(caseworker).post(`/api/cases/${caseId}/consents`, consent).expect(201);
    const risk = (await t.as(caseworker).post(`/api/cases/${caseId}/risk-checks`, riskCheck).expect(201)).body;
    await t.as(supervisor).post(`/api/cases/${caseId}/risk-checks/${risk.id}/approve`).expect(200);
    await move(supervisor, caseId, 'READY_FOR_TRACING');
    // Recording the consent and the risk check recomputes at once: the supervisor's approval tasks
    // appeared with them and are done now.
    expect(await statusMap(caseId)).toEqual({
      screening_sla: 'DONE',
      consent_and_risk_check: 'DONE',
      risk_check_approval: 'DONE',
      tracing_approval: 'DONE',
      send_tracing_request: 'OPEN',
    });

    await move(caseworker, caseId, 'ON_HOLD', 'Allontanamento: the minor left the facility');
    expect(await statusMap(caseId)).toMatchObject({ send_tracing_request: 'CANCELLED', on_hold_review: 'OPEN' });
    const review = (await tasksOf(caseId)).find((r) => r.rule === 'on_hold_review')!;
    const held = (await t.db.query<{ at: Date }[]>(`SELECT at FROM case_history WHERE case_id = $1 AND to_state = 'ON_HOLD'`, [caseId]))[0]!.at;
    // 30 calendar days in Italy at the same time of day (30 × 24 hours across a clock change would
    // move it by an hour, and by a day near midnight).
    expect(review.due_at.getTime()).toBe(addRomeDays(held, 30).getTime());

    await move(caseworker, caseId, 'READY_FOR_TRACING', 'The minor is back');
    expect(await openRules(caseId)).toEqual(['send_tracing_request']);
    expect(await statusMap(caseId)).toMatchObject({ on_hold_review: 'DONE' });

    // Closing the case (withdrawal of consent) cancels every open task, manual ones included.
    const manual = (await t.as(caseworker).post(`/api/cases/${caseId}/tasks`, { title: 'Call the guardian', dueAt: new Date(t.clock.now().getTime() + 3 * DAY).toISOString() }).expect(201)).body;
    const consents = await t.db.query<{ id: string }[]>(`SELECT id FROM consents WHERE case_id = $1`, [caseId]);
    await t.as(caseworker).post(`/api/cases/${caseId}/consents/${consents[0]!.id}/withdraw`, { reason: 'The minor changed their mind' }).expect(200);
    expect(await openRules(caseId)).toEqual([]);
    const manualRow = await t.db.query<{ status: string }[]>(`SELECT status FROM tasks WHERE id = $1`, [manual.id]);
    expect(manualRow).toEqual([{ status: 'CANCELLED' }]);
  });

  it('is idempotent: a second recomputation changes nothing', async () => {
    const caseId = await makeCase('INFO_REQUESTED', { eighteenIn: 100 });
    const sweeper = t.app.get(TaskSweeper);
    await sweeper.sweep({ all: true });
    const snapshot = async () => t.db.query(`SELECT id, rule, status, due_at, updated_at, detail FROM tasks ORDER BY id`);
    const before = await snapshot();
    expect(await openRules(caseId)).toEqual(['age18_alert_180', 'info_request_follow_up']);
    await sweeper.sweep({ all: true });
    expect(await snapshot()).toEqual(before);
  });

  it('raises the 18th-birthday alerts at 180, 90 and 30 days and the age-out check on the birthday', async () => {
    const caseId = await makeCase('SCREENING', { eighteenIn: 200, dobIsDefaultJan1: true });
    const sweeper = t.app.get(TaskSweeper);
    const birthday = addDays(t.clock.today(), 200);
    const ageTasks = async () => (await tasksOf(caseId)).filter((r) => r.rule.startsWith('age')).map((r) => [r.rule, r.status]);

    await sweeper.sweep({ all: true });
    expect(await ageTasks()).toEqual([]);

    advanceDays(t.clock, 20);
    await sweeper.sweep();
    expect(await ageTasks()).toEqual([['age18_alert_180', 'OPEN']]);
    const alert = (await tasksOf(caseId)).find((r) => r.rule === 'age18_alert_180')!;
    expect(isoDay(alert.due_at.getTime())).toBe(birthday);
    expect(alert.detail).toMatchObject({ eighteenthBirthday: birthday, dobIsDefaultJan1: true });
    expect(alert.owner_role).toBe('caseworker');

    advanceDays(t.clock, 90);
    await sweeper.sweep();
    expect(await ageTasks()).toEqual([['age18_alert_180', 'CANCELLED'], ['age18_alert_90', 'OPEN']]);

    advanceDays(t.clock, 60);
    await sweeper.sweep();
    expect(await ageTasks()).toEqual([['age18_alert_180', 'CANCELLED'], ['age18_alert_30', 'OPEN'], ['age18_alert_90', 'CANCELLED']]);

    advanceDays(t.clock, 30);
    await sweeper.sweep();
    expect(await openRules(caseId)).toContain('aged_out_check');
    expect((await tasksOf(caseId)).find((r) => r.rule === 'aged_out_check')!.owner_role).toBe('supervisor');

    // A prosieguo recorded by the court completes the check.
    await t.db.query(`UPDATE minors SET prosieguo_until = $2 WHERE id = (SELECT minor_id FROM cases WHERE id = $1)`, [caseId, isoDay(t.clock.now().getTime() + 365 * DAY)]);
    await t.db.transaction((tx) => recomputeTasks(tx, caseId, t.clock.now()));
    expect(await statusMap(caseId)).toMatchObject({ aged_out_check: 'DONE' });
  });

  describe('manual tasks and my task list', () => {
    it('adds a manual task (audited), completes it once, and refuses to complete rule deadlines by hand', async () => {
      const caseId = await makeCase('SCREENING');
      const dueAt = new Date(t.clock.now().getTime() + 2 * DAY).toISOString();
      const created = await t.as(caseworker).post(`/api/cases/${caseId}/tasks`, { title: 'Call the reception centre', dueAt }).expect(201);
      expect(created.body).toMatchObject({ caseId, title: 'Call the reception centre', source: 'MANUAL', ownerRole: 'caseworker', status: 'OPEN', overdue: false, titleKey: null, dueAt });
      const audit = await t.db.query<{ action: string }[]>(`SELECT action FROM audit_event WHERE case_id = $1 ORDER BY seq`, [caseId]);
      expect(audit.map((a) => a.action)).toEqual(['TASK_CREATED']);

      await t.as(caseworker2).post(`/api/tasks/${created.body.id}/complete`).expect(404);
      const done = await t.as(caseworker).post(`/api/tasks/${created.body.id}/complete`).expect(200);
      expect(done.body).toMatchObject({ status: 'DONE', closedAt: expect.any(String) });
      expect((await t.as(caseworker).post(`/api/tasks/${created.body.id}/complete`).expect(409)).body.code).toBe('CONFLICT');
      const history = await t.db.query<{ kind: string }[]>(`SELECT kind FROM case_history WHERE case_id = $1 ORDER BY id`, [caseId]);
      expect(history.map((h) => h.kind)).toEqual(['TASK_CREATED', 'TASK_COMPLETED']);

      await move(caseworker, caseId, 'INFO_REQUESTED', 'Missing the family address');
      const ruleTask = (await t.db.query<{ id: string }[]>(`SELECT id FROM tasks WHERE case_id = $1 AND rule = 'info_request_follow_up'`, [caseId]))[0]!.id;
      await t.as(caseworker).post(`/api/tasks/${ruleTask}/complete`).expect(409);
      expect((await t.db.query<{ status: string }[]>(`SELECT status FROM tasks WHERE id = $1`, [ruleTask]))[0]!.status).toBe('OPEN');
    });

    it('refuses manual tasks on invisible (404) or closed (409) cases and invalid input (400)', async () => {
      const foreign = await makeCase('SCREENING', { local: 'caseworker2' });
      const closed = await makeCase('REJECTED');
      const dueAt = new Date(t.clock.now().getTime() + DAY).toISOString();
      const before = (await t.db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM tasks`))[0]!.n;
      await t.as(caseworker).post(`/api/cases/${foreign}/tasks`, { title: 'Call', dueAt }).expect(404);
      await t.as(caseworker).post(`/api/cases/${closed}/tasks`, { title: 'Call', dueAt }).expect(409);
      const bad = await t.as(caseworker).post(`/api/cases/${foreign}/tasks`, { title: 'x', dueAt: 'tomorrow', ownerRole: 'guardian' }).expect(400);
      expect(bad.body.details.fields.map((f: { path: string }) => f.path).sort()).toEqual(['dueAt', 'ownerRole', 'title']);
      expect((await t.db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM tasks`))[0]!.n).toBe(before);
      await t.as(await t.login(demoEmail('guardian'))).get('/api/tasks').expect(403);
    });

    it('lists my open tasks by due date across my cases, overdue and this week, with keyset pages', async () => {
      await t.db.query(`DELETE FROM tasks`);
      const mine = await makeCase('SCREENING');
      const other = await makeCase('SCREENING', { local: 'caseworker2' });
      const now = t.clock.now().getTime();
      const add = async (cookie: string, caseId: string, title: string, days: number, ownerRole?: string) =>
        (await t.as(cookie).post(`/api/cases/${caseId}/tasks`, { title, dueAt: new Date(now + days * DAY).toISOString(), ...(ownerRole ? { ownerRole } : {}) }).expect(201)).body.id as string;
      const ids = [];
      for (const [i, days] of [5, 1, 3, 10, 2].entries()) ids.push(await add(caseworker, mine, `Task ${i}`, days));
      await add(caseworker, mine, 'For the supervisor', 1, 'supervisor');
      await add(caseworker2, other, 'Someone else’s', 1);

      const titles: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: { items: { title: string }[]; nextCursor: string | null } } = await t.as(caseworker).get(`/api/tasks?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`).expect(200);
        titles.push(...page.body.items.map((i) => i.title));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(titles).toEqual(['Task 1', 'Task 4', 'Task 2', 'Task 0', 'Task 3']);

      const supervisorTasks = await t.as(supervisor).get('/api/tasks').expect(200);
      expect(supervisorTasks.body.items.map((i: { title: string }) => i.title)).toEqual(['For the supervisor']);
      const anyOwner = await t.as(caseworker).get('/api/tasks?owner=any&limit=100').expect(200);
      expect(anyOwner.body.items).toHaveLength(6);

      // Three days on: three are overdue, flagged as such; the week ahead holds the other two.
      t.clock.advance(3 * DAY + 60_000);
      caseworker = await t.login(demoEmail('caseworker'));
      const overdue = await t.as(caseworker).get('/api/tasks?due=overdue').expect(200);
      expect(overdue.body.items.map((i: { title: string; overdue: boolean }) => [i.title, i.overdue])).toEqual([['Task 1', true], ['Task 4', true], ['Task 2', true]]);
      const week = await t.as(caseworker).get('/api/tasks?due=week').expect(200);
      expect(week.body.items.map((i: { title: string; overdue: boolean }) => [i.title, i.overdue])).toEqual([['Task 0', false], ['Task 3', false]]);
      await t.as(caseworker).post(`/api/tasks/${ids[1]}/complete`).expect(200);
      expect((await t.as(caseworker).get('/api/tasks?due=overdue').expect(200)).body.items).toHaveLength(2);
      expect((await t.as(caseworker).get('/api/tasks?status=done').expect(200)).body.items.map((i: { title: string }) => i.title)).toEqual(['Task 1']);

      const caseTasks = await t.as(caseworker).get(`/api/cases/${mine}/tasks`).expect(200);
      expect(caseTasks.body.items[0].status).toBe('OPEN');
      await t.as(caseworker).get(`/api/cases/${other}/tasks`).expect(404);
    });
  });
});
