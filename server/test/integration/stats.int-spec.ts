import { STATS_BREAKDOWNS, STATS_MEASURES, STATS_MEASURE_KEYS, type StatsCell, type StatsReport } from '@app/contracts';
import { createTestApp, demoEmail, type TestApp } from '../setup/test-app';

const COUNT_KEYS = STATS_MEASURES.filter((m) => m.kind === 'count').map((m) => m.key);
const romeDay = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
const WIDE = '?from=2020-01-01&to=2029-12-31';

// Every count shown is 0 or at least k; a column with suppressed cells under a shown total has at
// least two of them (the secondary suppression); shares and durations never stand on few children.
function assertNoSmallCells(report: StatsReport) {
  const k = report.minCellSize;
  const check = (cell: StatsCell) => {
    if (!cell.suppressed && cell.value !== null) expect(cell.value === 0 || cell.value >= k).toBe(true);
  };
  for (const key of COUNT_KEYS) {
    check(report.total[key]);
    for (const row of report.rows) check(row.cells[key]);
    const suppressed = report.rows.filter((r) => r.cells[key].suppressed).length;
    if (!report.total[key].suppressed && report.rows.length > 1) expect(suppressed === 0 || suppressed >= 2).toBe(true);
  }
}

describe('statistics', () => {
  let t: TestApp;
  const cookies = new Map<string, string>();
  beforeAll(async () => {
    t = await createTestApp();
    for (const local of ['supervisor', 'ministry', 'caseworker', 'guardian', 'social.milano', 'court.milano', 'field.cairo', 'dpo', 'admin']) {
      cookies.set(local, await t.login(demoEmail(local)));
    }
  });
  afterAll(() => t.close());
  const as = (local: string) => t.as(cookies.get(local)!);

  it.each(['caseworker', 'guardian', 'social.milano', 'court.milano', 'field.cairo', 'dpo', 'admin'])('refuses statistics and their export to %s', async (local) => {
    await as(local).get('/api/stats').expect(403);
    await as(local).get('/api/stats/export').expect(403);
  });

  it('answers the unit’s figures with every measure, and counts the requests received as the database does', async () => {
    const response = await as('supervisor').get(`/api/stats${WIDE}`).expect(200);
    const report = response.body as StatsReport;
    expect(report).toMatchObject({ from: '2020-01-01', to: '2029-12-31', breakdown: 'none', minCellSize: 5, rows: [] });
    expect(Object.keys(report.total).sort()).toEqual([...STATS_MEASURE_KEYS].sort());
    const { n } = (await t.db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM cases`))[0]!;
    expect(report.total.requestsReceived).toEqual({ value: n, suppressed: false });
    assertNoSmallCells(report);
  });

  it('measures the time from request to report (median and 90th percentile) and the share completed before 18', async () => {
    const rows = await t.db.query<{ request_date: string; released_at: Date; dob: string | null }[]>(
      `SELECT to_char(c.request_date, 'YYYY-MM-DD') AS request_date, min(v.released_at) AS released_at, to_char(m.date_of_birth, 'YYYY-MM-DD') AS dob
         FROM cases c JOIN minors m ON m.id = c.minor_id JOIN reports r ON r.case_id = c.id JOIN report_versions v ON v.report_id = r.id
        WHERE r.kind IN ('FAMILY_ASSESSMENT','NON_LOCATION_NOTE') AND v.released_at IS NOT NULL GROUP BY c.id, m.date_of_birth`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(5);
    const days = rows.map((r) => (Date.parse(romeDay(r.released_at)) - Date.parse(r.request_date)) / 86_400_000).sort((a, b) => a - b);
    const percentile = (p: number) => {
      const i = (days.length - 1) * p;
      const lo = Math.floor(i);
      return days[lo]! + (days[Math.ceil(i)]! - days[lo]!) * (i - lo);
    };
    const before18 = rows.filter((r) => r.dob && romeDay(r.released_at) < `${Number(r.dob.slice(0, 4)) + 18}${r.dob.slice(4)}`).length;
    const report = (await as('ministry').get(`/api/stats${WIDE}`).expect(200)).body as StatsReport;
    expect(report.total.requestsCompleted).toEqual({ value: rows.length, suppressed: false });
    expect(report.total.daysToReportMedian.value).toBeCloseTo(percentile(0.5), 1);
    expect(report.total.daysToReportP90.value).toBeCloseTo(percentile(0.9), 1);
    const rest = rows.length - before18;
    if (rest > 0 && rest < 5) expect(report.total.completedBeforeEighteen.suppressed).toBe(true);
    else expect(report.total.completedBeforeEighteen.value).toBe(before18);
  });

  it.each(STATS_BREAKDOWNS.filter((b) => b !== 'none'))('suppresses every small cell when broken down by %s', async (breakdown) => {
    for (const period of ['month', 'quarter', 'year']) {
      const report = (await as('supervisor').get(`/api/stats${WIDE}&breakdown=${breakdown}&period=${period}`).expect(200)).body as StatsReport;
      expect(report.rows.length).toBeGreaterThan(0);
      assertNoSmallCells(report);
      if (breakdown !== 'period') break;
    }
  });

  it('suppresses a nationality with fewer than five children and a second cell with it', async () => {
    // Three requests from a nationality no demo case has.
    for (let i = 0; i < 3; i += 1) await t.blankCase('RECEIVED', { nationality: 'XK' });
    const report = (await as('supervisor').get(`/api/stats${WIDE}&breakdown=nationality`).expect(200)).body as StatsReport;
    const xk = report.rows.find((r) => r.group === 'XK')!;
    expect(xk.cells.requestsReceived).toEqual({ value: null, suppressed: true });
    expect(report.rows.filter((r) => r.cells.requestsReceived.suppressed).length).toBeGreaterThanOrEqual(2);
    assertNoSmallCells(report);
  });

  it('lists every period of the range, empty ones included', async () => {
    const report = (await as('supervisor').get('/api/stats?from=2026-01-10&to=2026-06-20&breakdown=period&period=month').expect(200)).body as StatsReport;
    expect(report.rows.map((r) => r.group)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
  });

  it('counts only: no case id, case number or name in the answer or the export', async () => {
    const cases = await t.db.query<{ id: string; case_number: string; minor_id: string; first_name: string; last_name: string }[]>(
      `SELECT c.id, c.case_number, m.id AS minor_id, m.first_name, m.last_name FROM cases c JOIN minors m ON m.id = c.minor_id`,
    );
    const users = await t.db.query<{ id: string; display_name: string }[]>(`SELECT id, display_name FROM users`);
    const texts: string[] = [];
    for (const breakdown of STATS_BREAKDOWNS) {
      texts.push(JSON.stringify((await as('ministry').get(`/api/stats${WIDE}&breakdown=${breakdown}`).expect(200)).body));
      texts.push((await as('ministry').get(`/api/stats/export${WIDE}&breakdown=${breakdown}`).expect(200)).text);
    }
    const all = texts.join('\n');
    for (const c of cases) for (const value of [c.id, c.case_number, c.minor_id, c.first_name, c.last_name]) expect(all).not.toContain(value);
    for (const u of users) for (const value of [u.id, u.display_name]) expect(all).not.toContain(value);
  });

  it('exports the same figures as CSV, suppressed cells marked, and audits the export', async () => {
    const json = (await as('supervisor').get(`/api/stats${WIDE}&breakdown=sex`).expect(200)).body as StatsReport;
    const response = await as('supervisor').get(`/api/stats/export${WIDE}&breakdown=sex`).expect(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="msna-statistiche-2020-01-01-2029-12-31-sex.csv"');
    const lines = response.text.trim().split('\r\n').map((l) => l.split(','));
    expect(lines[0]).toEqual(['sex', ...STATS_MEASURE_KEYS]);
    expect(lines[lines.length - 1]![0]).toBe('TOTAL');
    expect(lines.slice(1, -1).map((l) => l[0])).toEqual(json.rows.map((r) => r.group));
    const cell = (c: StatsCell) => (c.suppressed ? 'suppressed' : c.value === null ? '' : String(c.value));
    json.rows.forEach((row, i) => expect(lines[i + 1]!.slice(1)).toEqual(STATS_MEASURE_KEYS.map((k) => cell(row.cells[k]))));
    const audit = await t.db.query<{ action: string; detail: { breakdown: string } }[]>(`SELECT action, detail FROM audit_event WHERE action LIKE 'STATS_%' ORDER BY seq DESC LIMIT 2`);
    expect(audit.map((a) => a.action)).toEqual(['STATS_EXPORTED', 'STATS_VIEWED']);
    expect(audit[0]!.detail.breakdown).toBe('sex');
  });

  it('gives a supervisor their unit’s cases and the ministry every unit’s', async () => {
    const before = (await as('ministry').get(`/api/stats${WIDE}`).expect(200)).body as StatsReport;
    const unitBefore = (await as('supervisor').get(`/api/stats${WIDE}`).expect(200)).body as StatsReport;
    // Five requests supervised by another IOM unit.
    const otherUnit = (await t.db.query<{ id: string }[]>(`INSERT INTO organisations (name, type, country) VALUES ('OIM – altra unità (test)', 'IOM_UNIT', 'IT') RETURNING id`))[0]!.id;
    for (let i = 0; i < 5; i += 1) {
      const caseId = await t.blankCase('RECEIVED');
      await t.db.query(`UPDATE case_grants SET organisation_id = $2 WHERE case_id = $1 AND relation = 'supervising_unit'`, [caseId, otherUnit]);
    }
    const after = (await as('ministry').get(`/api/stats${WIDE}`).expect(200)).body as StatsReport;
    const unitAfter = (await as('supervisor').get(`/api/stats${WIDE}`).expect(200)).body as StatsReport;
    expect(after.total.requestsReceived.value).toBe(before.total.requestsReceived.value! + 5);
    expect(unitAfter.total.requestsReceived.value).toBe(unitBefore.total.requestsReceived.value);
  });

  it('rejects an inverted or unknown period, naming the field', async () => {
    const inverted = await as('supervisor').get('/api/stats?from=2026-05-01&to=2026-04-01').expect(400);
    expect(inverted.body.details.fields).toEqual([expect.objectContaining({ path: 'query.to', code: 'range_inverted' })]);
    const unknown = await as('supervisor').get('/api/stats?breakdown=name').expect(400);
    expect(unknown.body.details.fields[0].path).toBe('query.breakdown');
    await as('supervisor').get('/api/stats?caseId=00000000-0000-4000-8000-000000000000').expect(400);
  });
});

describe('statistics with a configured threshold', () => {
  let t: TestApp;
  afterAll(() => t.close());

  it('uses STATS_MIN_CELL_SIZE', async () => {
    t = await createTestApp({ STATS_MIN_CELL_SIZE: '3' });
    for (let i = 0; i < 3; i += 1) await t.blankCase('RECEIVED', { nationality: 'XK' });
    const cookie = await t.login(demoEmail('supervisor'));
    const report = (await t.as(cookie).get(`/api/stats${WIDE}&breakdown=nationality`).expect(200)).body as StatsReport;
    expect(report.minCellSize).toBe(3);
    expect(report.rows.find((r) => r.group === 'XK')!.cells.requestsReceived).toEqual({ value: 3, suppressed: false });
    assertNoSmallCells(report);
  });
});
