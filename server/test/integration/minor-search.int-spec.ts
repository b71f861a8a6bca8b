import type { MinorSearchCandidate } from '@app/contracts';
import { useNameSearchSettings } from '../../src/cases/cases.service';
import type { AuthUser } from '../../src/common/auth-user';
import { CasesRepository } from '../../src/cases/cases.repository';
import type { Executor } from '../../src/database/db';
import { MinorSearchRepository } from '../../src/minors/minor-search.repository';
import { createTestApp, demoEmail, type TestApp } from '../setup/test-app';

// Name pairs the transliteration key must bring together (same person, spelled by ear by
// different offices) and pairs it must keep apart. "Match" is what the candidate query uses: the
// keys' trigram similarity reaches the 0.5 threshold, or the phonetic keys are equal.
const MUST_MATCH: [string, string][] = [
  ['Mohamed Ibrahim', 'Muhammad Ibraheem'],
  ['Mohamed Ibrahim', 'Mohammed Ibrahim'],
  ['Mohamed Ibrahim', 'Mohammad Ibrahim'],
  ['Md. Rakib Hossain', 'Rakib Hussain'],
  ['Med Amine Jbali', 'Mohamed Amine Jebali'],
  ['Lamin Diallo', 'Lamin Jallow'],
  ['Mamadou Diallo', 'Mamadu Djallo'],
  ['Mamadou Diallo', 'Mamadou Jalloh'],
  ['Youssef El-Sayed', 'Yusuf al-Sayyid'],
  ['Yousef Elsayed', 'Youssef El Sayed'],
  ['Abdoulaye Bah', 'Abdullahi Bah'],
  ['Ahmed Hassan', 'Ahmad Hasan'],
  ['Ousmane Sow', 'Usman Sow'],
  ['Rakib Hossain', 'Rakib Hussain'],
  ['Rakib Hossein', 'Rakib Hossain'],
  ['Adama Traoré', 'Adama Traore'],
  ['Ibrahim Mohamed', 'Mohamed Ibrahim'],
  ['Abdelrahman Salem', 'Abdul Rahman Salim'],
  ['Karim Abdelaziz', 'Kareem Abdel Aziz'],
  ['Aymen Ben Ali', 'Aymen Benali'],
  ['Cheikh Ndiaye', 'Sheikh Ndiaye'],
  ['Ebrima Ceesay', 'Ebrima Sisay'],
  ['Oleksandr Kovalenko', 'Olexandr Kovalenko'],
  ['Dmytro Tkachenko', 'Dmitrii Tkachenko'],
  ['Senait Tesfay', 'Senayt Tesfaye'],
  ['Omar Farouk', 'Omar Farouq'],
  ['Moussa Keita', 'Musa Keita'],
  ['Mostafa Mahmoud', 'Mustafa Mahmud'],
  ['Mohammad Rahim Islam', 'Rahim Islam'],
];
const MUST_NOT_MATCH: [string, string][] = [
  ['Mohamed Ibrahim', 'Ahmed Hassan'],
  ['Lamin Jallow', 'Modou Jammeh'],
  ['Youssef El-Sayed', 'Omar Farouk'],
  ['Ahmed Hassan', 'Mohamed Hassan'],
  ['Oleksandr Kovalenko', 'Mykola Shevchenko'],
  ['Mariam Hassan', 'Maria Hansen'],
  ['Sabbir Rahman', 'Rahim Islam'],
  ['Moussa Keita', 'Mamadou Diallo'],
  ['Bilal Hussain', 'Rakib Hossain'],
  ['Ahmed Zaki', 'Hamid Zaki'],
  ['Seydou Traoré', 'Sekou Toure'],
  ['Shahid Hossain', 'Shahid Afridi'],
];

// Stored people and the spellings under which the search must find them.
const STORED = [
  { first: 'Mohamed', last: 'Fofana', queries: ['Muhammad Fofana', 'Mohammed Fofana', 'Mohammad Fofana'] },
  { first: 'Alpha', last: 'Diallo', queries: ['Alpha Jallow', 'Alpha Djallo'] },
  { first: 'Youssef', last: 'Gharbi', queries: ['Yusuf Gharbi', 'Yousef Gharbi'] },
  { first: 'Abdoulaye', last: 'Sidibe', queries: ['Abdullahi Sidibe'] },
  { first: 'Ahmed', last: 'Zaki', queries: ['Ahmad Zaki'] },
  { first: 'Ousmane', last: 'Bangura', queries: ['Usman Bangura', 'Osman Bangoura'] },
  { first: 'Shahid', last: 'Hossain', queries: ['Shahid Hussain', 'Shahid Hossein'] },
  { first: 'Seydou', last: 'Traoré', queries: ['Seydou Traore'] },
  { first: 'Ibrahim', last: 'Sesay', queries: ['Sesay Ibrahim'] },
];
const UNRELATED = ['Fatou Camara', 'Aliou Barry', 'Khaled Mansour', 'Sekou Toure', 'Kwame Asante', 'Shahid Afridi'];

describe('transliteration keys (SQL functions)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const compare = async (a: string, b: string) =>
    (await t.db.query<{ sim: number; phon: boolean; ka: string; kb: string }[]>(
      `SELECT similarity(translit_key($1), translit_key($2)) AS sim, phonetic_key($1) = phonetic_key($2) AS phon, translit_key($1) AS ka, translit_key($2) AS kb`,
      [a, b],
    ))[0]!;

  it.each(MUST_MATCH)('brings %s and %s together', async (a, b) => {
    const { sim, phon } = await compare(a, b);
    expect(sim >= 0.5 || phon).toBe(true);
    expect(sim).toBeGreaterThanOrEqual(0.6);
  });

  it.each(MUST_NOT_MATCH)('keeps %s and %s apart', async (a, b) => {
    const { sim, phon } = await compare(a, b);
    expect({ sim: sim >= 0.5, phon }).toEqual({ sim: false, phon: false });
  });

  it('keeps the minor_names index in step with the minor’s names and aliases', async () => {
    const [{ id }] = (await t.db.query<{ id: string }[]>(
      `INSERT INTO minors (first_name, last_name, aliases, sex, nationality) VALUES ('Kofi', 'Mensah', ARRAY['Kwabena Mensa', 'كوفي'], 'M', 'GH') RETURNING id`,
    )) as [{ id: string }];
    const keys = async () => (await t.db.query<{ name_key: string; is_alias: boolean }[]>(`SELECT name_key, is_alias FROM minor_names WHERE minor_id = $1 ORDER BY is_alias, name_key`, [id]));
    // The Arabic-script alias has no Latin key: it is stored on the minor but not indexed.
    expect(await keys()).toEqual([{ name_key: 'kaf mans', is_alias: false }, { name_key: 'kwaban mans', is_alias: true }]);
    await t.db.query(`UPDATE minors SET last_name = 'Mensa', aliases = '{}' WHERE id = $1`, [id]);
    expect(await keys()).toEqual([{ name_key: 'kaf mans', is_alias: false }]);
    await t.db.query(`DELETE FROM minors WHERE id = $1`, [id]);
    expect(await keys()).toEqual([]);
  });

  it('keeps the name-key dictionary and the date of birth beside each name, and prunes only unused keys', async () => {
    const [{ id }] = (await t.db.query<{ id: string }[]>(
      `INSERT INTO minors (first_name, last_name, aliases, sex, nationality, date_of_birth) VALUES ('Yaw', 'Boateng', ARRAY['Yao Boateng'], 'M', 'GH', '2009-03-04') RETURNING id`,
    )) as [{ id: string }];
    const inDictionary = async (...keys: string[]) =>
      (await t.db.query<{ name_key: string }[]>(`SELECT name_key FROM minor_name_keys WHERE name_key = ANY($1) ORDER BY 1`, [keys])).map((r) => r.name_key);
    const dated = async () => (await t.db.query<{ name_key: string; dob: string | null; jan1: boolean }[]>(
      `SELECT name_key, to_char(date_of_birth, 'YYYY-MM-DD') AS dob, dob_is_default_jan1 AS jan1 FROM minor_names WHERE minor_id = $1 ORDER BY name_key`, [id]));
    // Yaw and Yao fold to the same key: one name row, one dictionary key.
    expect(await dated()).toEqual([{ name_key: 'ya batang', dob: '2009-03-04', jan1: false }]);
    expect(await inDictionary('ya batang')).toEqual(['ya batang']);

    await t.db.query(`UPDATE minors SET date_of_birth = '2008-01-01', dob_is_default_jan1 = true WHERE id = $1`, [id]);
    expect(await dated()).toEqual([{ name_key: 'ya batang', dob: '2008-01-01', jan1: true }]);

    // A corrected spelling: the new key is searchable at once; the old one stays until pruned,
    // and pruning keeps every key some record still uses.
    await t.db.query(`UPDATE minors SET first_name = 'Kwame', aliases = '{}' WHERE id = $1`, [id]);
    expect(await inDictionary('kwam batang', 'ya batang')).toEqual(['kwam batang', 'ya batang']);
    const used = (await t.db.query<{ n: string }[]>(`SELECT count(DISTINCT name_key) AS n FROM minor_names`))[0]!.n;
    await t.db.query(`SELECT prune_minor_name_keys()`);
    expect(await inDictionary('kwam batang', 'ya batang')).toEqual(['kwam batang']);
    expect((await t.db.query<{ n: string }[]>(`SELECT count(*) AS n FROM minor_name_keys`))[0]!.n).toBe(used);
    expect((await t.db.query<{ n: string }[]>(`SELECT count(*) AS n FROM minor_names n WHERE NOT EXISTS (SELECT 1 FROM minor_name_keys k WHERE k.name_key = n.name_key)`))[0]!.n).toBe('0');
    await t.db.query(`DELETE FROM minors WHERE id = $1`, [id]);
  });
});

describe('POST /api/minors/search', () => {
  let t: TestApp;
  let caseworker: string;
  const ids = new Map<string, string>();
  beforeAll(async () => {
    t = await createTestApp();
    caseworker = await t.login(demoEmail('caseworker'));
    for (const s of STORED) {
      const rows = await t.db.query<{ id: string }[]>(`INSERT INTO minors (first_name, last_name, sex, nationality, date_of_birth) VALUES ($1, $2, 'M', 'GN', '2009-06-15') RETURNING id`, [s.first, s.last]);
      ids.set(`${s.first} ${s.last}`, rows[0]!.id);
    }
  });
  afterAll(() => t.close());

  const search = async (body: object, cookie = caseworker) => (await t.as(cookie).post('/api/minors/search', body).expect(200)).body.candidates as MinorSearchCandidate[];

  it.each(STORED.flatMap((s) => s.queries.map((q) => [q, `${s.first} ${s.last}`])))('finds %s as %s', async (query, stored) => {
    const candidates = await search({ name: query });
    const found = candidates.find((c) => c.minorId === ids.get(stored));
    expect(found).toBeDefined();
    expect(found!.reasons[0]).toMatchObject({ code: 'NAME_SIMILARITY' });
    expect(found!.score).toBeGreaterThan(0.6);
    // Minimal fields only.
    expect(Object.keys(found!).sort()).toEqual(['cases', 'dateOfBirth', 'dobIsDefaultJan1', 'firstName', 'lastName', 'minorId', 'nationality', 'otherCases', 'reasons', 'score']);
  });

  it.each(UNRELATED)('does not offer the stored people for %s', async (query) => {
    const candidates = await search({ name: query });
    const stored = new Set(ids.values());
    expect(candidates.filter((c) => stored.has(c.minorId))).toEqual([]);
  });

  it('ranks the candidate whose date of birth matches first, and says why', async () => {
    const rows = await t.db.query<{ id: string }[]>(
      `INSERT INTO minors (first_name, last_name, sex, nationality, date_of_birth) VALUES ('Moussa', 'Konate', 'M', 'ML', '2010-05-05'), ('Musa', 'Konate', 'M', 'ML', '2009-02-02') RETURNING id`,
    );
    const [exactSpelling, sameDob] = rows.map((r) => r.id);
    const withoutDob = await search({ name: 'Moussa Konate' });
    expect(withoutDob[0]!.minorId).toBe(exactSpelling);
    const withDob = await search({ name: 'Moussa Konate', dateOfBirth: '2009-02-02' });
    expect(withDob.slice(0, 2).map((c) => c.minorId)).toEqual([sameDob, exactSpelling]);
    expect(withDob[0]!.reasons.map((r) => r.code)).toEqual(['NAME_SIMILARITY', 'PHONETIC_KEY', 'DOB_EXACT']);
    expect(withDob[0]!.score).toBeGreaterThan(withDob[1]!.score);
    // Within a year is weaker evidence; a 1 January default for the same year weaker still.
    const near = await search({ name: 'Musa Konate', dateOfBirth: '2009-08-01' });
    expect(near.find((c) => c.minorId === sameDob)!.reasons.map((r) => r.code)).toContain('DOB_WITHIN_ONE_YEAR');
    const jan1 = await search({ name: 'Musa Konate', dateOfBirth: '2009-01-01', dobIsDefaultJan1: true });
    expect(jan1.find((c) => c.minorId === sameDob)!.reasons.map((r) => r.code)).toContain('DOB_DEFAULT_JAN1');
    const far = await search({ name: 'Musa Konate', dateOfBirth: '2004-01-20' });
    const farCandidate = far.find((c) => c.minorId === sameDob)!;
    expect(farCandidate.reasons.map((r) => r.code)).toContain('DOB_DIFFERENT');
    expect(farCandidate.score).toBeLessThan(withDob[0]!.score);
  });

  it('matches through an alias and says so', async () => {
    const [{ id }] = (await t.db.query<{ id: string }[]>(
      `INSERT INTO minors (first_name, last_name, aliases, sex, nationality) VALUES ('Kofi', 'Mensah', ARRAY['Kwabena Mensa'], 'M', 'GH') RETURNING id`,
    )) as [{ id: string }];
    const candidates = await search({ name: 'Kwabena Mensah' });
    expect(candidates[0]).toMatchObject({ minorId: id, firstName: 'Kofi', lastName: 'Mensah' });
    expect(candidates[0]!.reasons.map((r) => r.code)).toContain('ALIAS');
  });

  it('names only the cases the caller can open, and counts the others', async () => {
    const seeded = await t.db.query<{ minor_id: string; case_number: string; email: string }[]>(
      `SELECT c.minor_id, c.case_number, u.email FROM cases c JOIN minors m ON m.id = c.minor_id
         JOIN case_grants g ON g.case_id = c.id AND g.relation = 'assigned_caseworker' JOIN users u ON u.id = g.user_id
        WHERE (m.first_name, m.last_name) IN (('Mohamed', 'Ibrahim'), ('Muhammad', 'Ibraheem'))`,
    );
    const mine = seeded.find((s) => s.email === demoEmail('caseworker'))!;
    const theirs = seeded.find((s) => s.email === demoEmail('caseworker2'))!;
    const candidates = await search({ name: 'Mohammed Ibrahim' });
    expect(candidates.find((c) => c.minorId === mine.minor_id)).toMatchObject({ cases: [expect.objectContaining({ caseNumber: mine.case_number })], otherCases: 0 });
    expect(candidates.find((c) => c.minorId === theirs.minor_id)).toMatchObject({ cases: [], otherCases: 1 });
    expect(JSON.stringify(candidates)).not.toContain(theirs.case_number);
  });

  it('takes the name from the body only: a name in the query string is refused', async () => {
    const response = await t.as(caseworker).post('/api/minors/search?name=Mohamed%20Fofana', { name: 'Mohamed Fofana' }).expect(400);
    expect(response.body.details.fields).toEqual([expect.objectContaining({ path: 'query.name', code: 'unrecognized_key' })]);
    const list = await t.as(caseworker).get('/api/cases?name=Mohamed').expect(400);
    expect(list.body.details.fields).toEqual([expect.objectContaining({ path: 'query.name' })]);
  });

  it('audits the search without the name', async () => {
    await search({ name: 'Youssef Gharbi', dateOfBirth: '2009-06-15' });
    const [audit] = await t.db.query<{ action: string; detail: Record<string, unknown> }[]>(`SELECT action, detail FROM audit_event ORDER BY seq DESC LIMIT 1`);
    expect(audit).toEqual({ action: 'MINOR_SEARCH', detail: { results: expect.any(Number), withDateOfBirth: true } });
    expect(JSON.stringify(audit)).not.toMatch(/gharbi/i);
  });

  it('refuses bad input and other roles', async () => {
    const bad = await t.as(caseworker).post('/api/minors/search', { name: 'x' }).expect(400);
    expect(bad.body.details.fields[0].path).toBe('name');
    const script = await t.as(caseworker).post('/api/minors/search', { name: 'محمد' }).expect(400);
    expect(script.body.details.fields[0]).toMatchObject({ path: 'name', code: 'no_latin_letters' });
    for (const local of ['guardian', 'social.milano', 'court.milano', 'field.cairo', 'admin']) {
      const cookie = await t.login(demoEmail(local));
      await t.as(cookie).post('/api/minors/search', { name: 'Mohamed Fofana' }).expect(403);
    }
  });

  it('uses the indexes, not a sequential scan, over a few thousand people', async () => {
    await t.db.query(`
      INSERT INTO minors (first_name, last_name, aliases, sex, nationality, date_of_birth)
      SELECT f[1 + (i * 7) % array_length(f, 1)], l[1 + (i * 13) % array_length(l, 1)],
             CASE WHEN i % 3 = 0 THEN ARRAY[l[1 + i % array_length(l, 1)] || ' ' || f[1 + i % array_length(f, 1)]] ELSE '{}' END,
             'M', 'EG', date '2008-01-01' + (i * 37) % 3000
        FROM generate_series(1, 5000) i,
             (SELECT ARRAY['Mohamed','Ahmed','Youssef','Omar','Lamin','Mamadou','Ibrahima','Abdoulaye','Ousmane','Rakib','Bilal','Karim','Moussa','Adama','Cheikh',
                           'Ebrima','Aymen','Yassine','Klevis','Oleksandr','Dmytro','Usman','Rasel','Sekou','Alpha','Issa','Tariq','Nabil','Hamza','Samir'] AS f,
                     ARRAY['Ibrahim','Hassan','Diallo','Jallow','Traore','Keita','Camara','Ceesay','Hossain','Islam','Rahman','Khan','Ndiaye','Salem','Mahmoud',
                           'El-Sayed','Farouk','Ben Ali','Trabelsi','Hoxha','Kovalenko','Tesfay','Warsame','Bah','Sow','Jammeh','Miah','Toure','Barry','Cisse'] AS l) x`);
    await t.db.query(`ANALYZE minors`);
    await t.db.query(`ANALYZE minor_names`);
    await t.db.query(`ANALYZE cases`);
    // The statements the services run, explained through an executor that prefixes EXPLAIN.
    const supervisor = (await t.db.query<AuthUser[]>(
      `SELECT u.id, u.email, u.display_name AS "displayName", u.role, u.organisation_id AS "organisationId", o.name AS "organisationName", o.type AS "organisationType"
         FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE u.email = $1`,
      [demoEmail('supervisor')],
    ))[0]!;
    const plan = await t.db.transaction(async (tx) => {
      await useNameSearchSettings(tx);
      const explain: Executor = { query: async <T>(sql: string, params?: unknown[]) => JSON.stringify((await tx.query<{ 'QUERY PLAN': unknown }[]>(`EXPLAIN (FORMAT JSON) ${sql}`, params))[0]!['QUERY PLAN']) as T };
      const search = t.app.get(MinorSearchRepository);
      const keys = await search.keys(tx, 'Mohammed Ibrahim');
      const candidates = (await search.candidates(explain, keys, '2010-01-01', false, 10)) as unknown as string;
      const cases = (await search.cases(explain, supervisor, ['00000000-0000-4000-8000-000000000000'])) as unknown as string;
      const list = (await t.app.get(CasesRepository).listVisible(supervisor, { name: 'Mohammed Ibrahim', limit: 25 }, explain)) as unknown as string;
      return { candidates, cases, list };
    });
    expect(plan.candidates).not.toContain('Seq Scan');
    expect(plan.candidates).toContain('minor_name_keys_trgm');
    expect(plan.candidates).toContain('minor_names_key_idx');
    expect(plan.candidates).toContain('minor_names_phon_idx');
    // minors is read for the rows kept only, by its primary key.
    expect(plan.candidates).toContain('minors_pkey');
    expect(plan.cases).not.toContain('Seq Scan');
    // The case list starts from whichever side is smaller (here the supervisor's 40 cases), on indexes either way.
    expect(plan.list).not.toContain('Seq Scan');
    // And the search still answers correctly at that size.
    const candidates = await search({ name: 'Alpha Jallow' });
    expect(candidates.length).toBeLessThanOrEqual(10);
    expect(candidates.map((c) => `${c.firstName} ${c.lastName}`)).toContain('Alpha Diallo');
  });
});
