import { addDays } from '@app/contracts';
import { createTestApp, demoEmail, type TestApp } from '../setup/test-app';
import { testToday } from '../setup/test-clock';

const daysAgo = (n: number) => addDays(testToday(), -n);
const REQUEST_DATE = daysAgo(30);

const minor = {
  firstName: 'Ousmane',
  lastName: 'Kanté',
  aliases: ['Usman Kante'],
  sex: 'M',
  nationality: 'gn',
  languages: ['Pular', 'French'],
  dateOfBirth: '2010-01-01',
  dobBasis: 'AGE_ASSESSMENT',
  ageAssessmentMin: 15,
  ageAssessmentMax: 17,
  dobIsDefaultJan1: true,
  arrivalDate: daysAgo(60),
  arrivalMode: 'SEA',
  region: 'Sicilia',
  municipality: 'Palermo',
  receptionFacility: 'Centro di prima accoglienza (demo)',
  receptionType: 'FIRST',
  legalStatus: 'Permesso per minore età',
  asylumApplicant: false,
  vulnerabilities: ['Unaccompanied since departure'],
};

describe('intake: POST /api/cases', () => {
  let t: TestApp;
  let caseworker: string;
  let supervisor: string;
  const org = new Map<string, string>();
  const user = new Map<string, string>();
  beforeAll(async () => {
    t = await createTestApp();
    caseworker = await t.login(demoEmail('caseworker'));
    supervisor = await t.login(demoEmail('supervisor'));
    for (const row of await t.db.query<{ id: string; name: string }[]>(`SELECT id, name FROM organisations`)) org.set(row.name, row.id);
    for (const row of await t.db.query<{ id: string; email: string }[]>(`SELECT id, email FROM users`)) user.set(row.email.split('@')[0]!, row.id);
  });
  afterAll(() => t.close());

  const orgId = (prefix: string) => [...org.entries()].find(([name]) => name.startsWith(prefix))![1];
  const counts = async () => (await t.db.query<{ minors: string; cases: string; grants: string; history: string }[]>(
    `SELECT (SELECT count(*) FROM minors) AS minors, (SELECT count(*) FROM cases) AS cases, (SELECT count(*) FROM case_grants) AS grants, (SELECT count(*) FROM case_history) AS history`,
  ))[0]!;
  const request = (overrides: object = {}) => ({
    minor,
    channel: 'DG_MLPS',
    requestingOrganisationId: orgId('Comune di Palermo'),
    requestDate: REQUEST_DATE,
    dgProtocolNo: 'DG-2026-0815',
    priority: 'HIGH',
    guardianUserId: user.get('guardian2'),
    internalNotes: 'Mediator Pular available on Tuesdays.',
    ...overrides,
  });

  it('creates the minor and the case in RECEIVED with grants, history and audit, in one step', async () => {
    const response = await t.as(caseworker).post('/api/cases', request()).expect(201);
    const detail = response.body;
    expect(detail).toMatchObject({
      state: 'RECEIVED',
      version: 1,
      priority: 'HIGH',
      channel: 'DG_MLPS',
      requestDate: REQUEST_DATE,
      dgProtocolNo: 'DG-2026-0815',
      internalNotes: 'Mediator Pular available on Tuesdays.',
      riskLevel: 'UNKNOWN',
      assignedCaseworker: { id: user.get('caseworker'), name: 'Marco Bellini (demo)' },
      requestingAuthority: { id: orgId('Comune di Palermo'), type: 'SOCIAL_SERVICES' },
      guardian: { id: user.get('guardian2') },
      socialServices: { id: orgId('Comune di Palermo') },
      minor: { ...minor, nationality: 'GN', prosieguoUntil: null, presumedMinor: true, version: 1 },
    });
    expect(detail.caseNumber).toMatch(new RegExp(`^IF-${REQUEST_DATE.slice(0, 4)}-\\d{4}$`));
    const seededMax = await t.db.query<{ n: number }[]>(`SELECT max(split_part(case_number, '-', 3)::int) AS n FROM cases WHERE id <> $1`, [detail.id]);
    expect(Number(detail.caseNumber.split('-')[2])).toBeGreaterThan(seededMax[0]!.n);
    expect(detail.transitions.map((tr: { to: string }) => tr.to)).toContain('SCREENING');

    const stored = (await t.db.query<Record<string, unknown>[]>(
      `SELECT m.first_name, m.last_name, m.aliases, m.nationality, m.dob_basis, m.age_assessment_min, m.age_assessment_max, m.dob_is_default_jan1, m.reception_type,
              c.state, c.created_by, c.requesting_organisation_id FROM cases c JOIN minors m ON m.id = c.minor_id WHERE c.id = $1`,
      [detail.id],
    ))[0];
    expect(stored).toEqual({
      first_name: 'Ousmane', last_name: 'Kanté', aliases: ['Usman Kante'], nationality: 'GN', dob_basis: 'AGE_ASSESSMENT', age_assessment_min: 15, age_assessment_max: 17,
      dob_is_default_jan1: true, reception_type: 'FIRST', state: 'RECEIVED', created_by: user.get('caseworker'), requesting_organisation_id: orgId('Comune di Palermo'),
    });
    const grants = await t.db.query<{ relation: string; user_id: string | null; organisation_id: string | null; granted_by: string }[]>(
      `SELECT relation, user_id, organisation_id, granted_by FROM case_grants WHERE case_id = $1 ORDER BY relation`,
      [detail.id],
    );
    expect(grants).toEqual([
      { relation: 'assigned_caseworker', user_id: user.get('caseworker'), organisation_id: null, granted_by: user.get('caseworker') },
      { relation: 'guardian', user_id: user.get('guardian2'), organisation_id: null, granted_by: user.get('caseworker') },
      { relation: 'social_services', user_id: null, organisation_id: orgId('Comune di Palermo'), granted_by: user.get('caseworker') },
      { relation: 'supervising_unit', user_id: null, organisation_id: orgId('OIM Roma'), granted_by: user.get('caseworker') },
    ]);
    const history = await t.db.query<{ kind: string; to_state: string; actor_id: string; detail: Record<string, unknown> }[]>(`SELECT kind, to_state, actor_id, detail FROM case_history WHERE case_id = $1`, [detail.id]);
    expect(history).toEqual([{ kind: 'CASE_CREATED', to_state: 'RECEIVED', actor_id: user.get('caseworker'), detail: { caseNumber: detail.caseNumber, channel: 'DG_MLPS', minorId: detail.minor.id, newMinor: true } }]);
    const audit = await t.db.query<{ action: string; entity_id: string }[]>(`SELECT action, entity_id FROM audit_event WHERE case_id = $1 ORDER BY seq`, [detail.id]);
    expect(audit).toEqual([{ action: 'MINOR_CREATED', entity_id: detail.minor.id }, { action: 'CASE_CREATED', entity_id: detail.id }]);
    // The names are indexed for the duplicate search at once.
    const names = await t.db.query<{ name_key: string }[]>(`SELECT name_key FROM minor_names WHERE minor_id = $1 ORDER BY is_alias`, [detail.minor.id]);
    expect(names.map((n) => n.name_key)).toEqual(['asman kant']);
    const found = await t.as(supervisor).post('/api/minors/search', { name: 'Usman Kante', dateOfBirth: '2010-01-01' }).expect(200);
    expect(found.body.candidates[0]).toMatchObject({ minorId: detail.minor.id, cases: [{ id: detail.id, caseNumber: detail.caseNumber, state: 'RECEIVED' }] });
  });

  it('opens the new case to the people granted, and to nobody else', async () => {
    const detail = (await t.as(caseworker).post('/api/cases', request()).expect(201)).body;
    for (const local of ['guardian2', 'social.palermo', 'supervisor']) {
      const cookie = await t.login(demoEmail(local));
      await t.as(cookie).get(`/api/cases/${detail.id}`).expect(200);
    }
    for (const local of ['caseworker2', 'guardian', 'social.milano', 'court.palermo']) {
      const cookie = await t.login(demoEmail(local));
      await t.as(cookie).get(`/api/cases/${detail.id}`).expect(404);
    }
  });

  it('has a supervisor choose the caseworker, who then sees the case', async () => {
    const missing = await t.as(supervisor).post('/api/cases', request()).expect(400);
    expect(missing.body.details.fields).toEqual([expect.objectContaining({ path: 'assignedCaseworkerId', code: 'required' })]);
    const wrong = await t.as(supervisor).post('/api/cases', request({ assignedCaseworkerId: user.get('guardian') })).expect(400);
    expect(wrong.body.details.fields).toEqual([expect.objectContaining({ path: 'assignedCaseworkerId', code: 'wrong_role' })]);
    const detail = (await t.as(supervisor).post('/api/cases', request({ assignedCaseworkerId: user.get('caseworker2') })).expect(201)).body;
    expect(detail.assignedCaseworker).toMatchObject({ id: user.get('caseworker2') });
    await t.as(await t.login(demoEmail('caseworker2'))).get(`/api/cases/${detail.id}`).expect(200);
    await t.as(caseworker).get(`/api/cases/${detail.id}`).expect(404);
  });

  it('refuses bad references and dates with the fields named, and creates nothing', async () => {
    const before = await counts();
    const response = await t.as(caseworker).post('/api/cases', request({
      requestingOrganisationId: orgId('OIM Roma'),
      guardianUserId: user.get('caseworker2'),
      socialServicesOrganisationId: orgId('Tribunale per i minorenni di Milano'),
      assignedCaseworkerId: user.get('caseworker2'),
      requestDate: '2099-01-01',
      minor: { ...minor, dateOfBirth: '2099-01-01', dobIsDefaultJan1: true },
    })).expect(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.details.fields.map((f: { path: string; code: string }) => `${f.path}:${f.code}`).sort()).toEqual([
      'assignedCaseworkerId:not_allowed',
      'guardianUserId:wrong_role',
      'minor.dateOfBirth:in_future',
      'requestDate:in_future',
      'requestingOrganisationId:wrong_type',
      'socialServicesOrganisationId:wrong_type',
    ]);
    expect(await counts()).toEqual(before);
  });

  it('checks the age facts: an assessed age needs its range, a default date is 1 January', async () => {
    const before = await counts();
    const noRange = await t.as(caseworker).post('/api/cases', request({ minor: { ...minor, ageAssessmentMin: undefined } })).expect(400);
    expect(noRange.body.details.fields).toEqual([expect.objectContaining({ path: 'minor.ageAssessmentMin', code: 'required' })]);
    const inverted = await t.as(caseworker).post('/api/cases', request({ minor: { ...minor, ageAssessmentMin: 17, ageAssessmentMax: 15 } })).expect(400);
    expect(inverted.body.details.fields).toEqual([expect.objectContaining({ path: 'minor.ageAssessmentMax', code: 'range_inverted' })]);
    const notJan1 = await t.as(caseworker).post('/api/cases', request({ minor: { ...minor, dateOfBirth: '2010-03-04' } })).expect(400);
    expect(notJan1.body.details.fields).toEqual([expect.objectContaining({ path: 'minor.dobIsDefaultJan1', code: 'not_january_first' })]);
    const both = await t.as(caseworker).post('/api/cases', request({ existingMinorId: '00000000-0000-4000-8000-000000000000' })).expect(400);
    expect(both.body.details.fields).toEqual([expect.objectContaining({ path: 'existingMinorId', code: 'exclusive' })]);
    const neither = await t.as(caseworker).post('/api/cases', request({ minor: undefined })).expect(400);
    expect(neither.body.details.fields).toEqual([expect.objectContaining({ path: 'minor', code: 'required' })]);
    expect(await counts()).toEqual(before);
  });

  it('opens a new case for a known minor only when the earlier case is closed', async () => {
    const first = (await t.as(caseworker).post('/api/cases', request()).expect(201)).body;
    const before = await counts();
    const refused = await t.as(caseworker).post('/api/cases', request({ minor: undefined, existingMinorId: first.minor.id })).expect(409);
    expect(refused.body.code).toBe('CONFLICT');
    expect(await counts()).toEqual(before);
    await t.db.query(`UPDATE cases SET state = 'REJECTED' WHERE id = $1`, [first.id]);
    const second = (await t.as(caseworker).post('/api/cases', request({ minor: undefined, existingMinorId: first.minor.id, channel: 'ART19_7BIS_GUARDIAN' })).expect(201)).body;
    expect(second.minor.id).toBe(first.minor.id);
    expect(second.caseNumber).not.toBe(first.caseNumber);
    const after = await counts();
    expect(Number(after.minors)).toBe(Number(before.minors));
    expect(Number(after.cases)).toBe(Number(before.cases) + 1);
    const history = await t.db.query<{ detail: { newMinor: boolean } }[]>(`SELECT detail FROM case_history WHERE case_id = $1`, [second.id]);
    expect(history[0]!.detail.newMinor).toBe(false);
    const audit = await t.db.query<{ action: string }[]>(`SELECT action FROM audit_event WHERE case_id = $1 ORDER BY seq`, [second.id]);
    expect(audit.map((a) => a.action)).toEqual(['CASE_CREATED']);
    const unknown = await t.as(caseworker).post('/api/cases', request({ minor: undefined, existingMinorId: '00000000-0000-4000-8000-000000000000' })).expect(400);
    expect(unknown.body.details.fields).toEqual([expect.objectContaining({ path: 'existingMinorId', code: 'not_found' })]);
  });

  it('numbers concurrent intakes uniquely', async () => {
    const responses = await Promise.all([1, 2, 3, 4].map(() => t.as(caseworker).post('/api/cases', request())));
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    const numbers = responses.map((r) => r.body.caseNumber as string);
    expect(new Set(numbers).size).toBe(4);
  });

  it('is for IOM staff only', async () => {
    for (const local of ['guardian', 'social.milano', 'court.milano', 'field.cairo', 'ministry', 'admin', 'dpo']) {
      const cookie = await t.login(demoEmail(local));
      await t.as(cookie).post('/api/cases', request()).expect(403);
    }
  });
});

describe('directory lookups for the intake form', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('lists organisations of a type and active users of a role, with minimal fields', async () => {
    const caseworker = await t.login(demoEmail('caseworker'));
    const offices = (await t.as(caseworker).get('/api/directory/organisations?type=SOCIAL_SERVICES').expect(200)).body.items;
    expect(offices.map((o: { name: string }) => o.name)).toEqual(['Comune di Milano – Servizi sociali per minori', 'Comune di Palermo – Servizi sociali per minori']);
    expect(Object.keys(offices[0]).sort()).toEqual(['id', 'name', 'type']);
    const all = (await t.as(caseworker).get('/api/directory/organisations').expect(200)).body.items;
    expect(all.length).toBe((await t.db.query<unknown[]>(`SELECT 1 FROM organisations`)).length);
    await t.db.query(`UPDATE users SET active = false WHERE email = $1`, [demoEmail('guardian2')]);
    const guardians = (await t.as(caseworker).get('/api/directory/users?role=guardian').expect(200)).body.items;
    expect(guardians).toEqual([{ id: expect.any(String), name: 'Paola Riva (demo)', role: 'guardian', organisationName: 'Tutori volontari – distretto di Milano' }]);
    const caseworkers = (await t.as(caseworker).get('/api/directory/users?role=caseworker').expect(200)).body.items;
    expect(caseworkers.map((u: { name: string }) => u.name)).toEqual(['Marco Bellini (demo)', 'Sara Conti (demo)']);
    await t.as(caseworker).get('/api/directory/users?role=admin').expect(400);
    await t.as(caseworker).get('/api/directory/users').expect(400);
  });

  it('is for IOM staff only', async () => {
    for (const local of ['guardian', 'social.milano', 'court.milano', 'field.cairo', 'ministry', 'dpo']) {
      const cookie = await t.login(demoEmail(local));
      await t.as(cookie).get('/api/directory/users?role=guardian').expect(403);
      await t.as(cookie).get('/api/directory/organisations').expect(403);
    }
  });
});
