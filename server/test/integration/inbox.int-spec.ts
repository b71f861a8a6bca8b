import request from 'supertest';
import { formatDateTimeIt } from '../../src/reports/report-labels';
import { createTestApp, demoEmail, type TestApp } from '../setup/test-app';

interface PdfPage {
  pageIndex: number;
  getTextContent(options: object): Promise<{ items: { str: string; transform: number[] }[] }>;
}
// pdf-parse 1.1.1 (its bundled pdf.js) as an independent reader (see reports.int-spec.ts).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfParse = require('pdf-parse/lib/pdf-parse.js') as (data: Buffer, options?: { pagerender?(page: PdfPage): Promise<string> }) => Promise<{ text: string; numpages: number }>;

async function pdfPages(pdf: Buffer): Promise<string[]> {
  const pages: string[] = [];
  await pdfParse(pdf, {
    async pagerender(page) {
      const content = await page.getTextContent({ normalizeWhitespace: false, disableCombineTextItems: false });
      const text = content.items.map((item) => item.str).join('\n');
      pages[page.pageIndex] = text;
      return text;
    },
  });
  return pages;
}

const binary = (res: request.Response, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

const RECIPIENTS = ['guardian', 'guardian2', 'social.milano', 'social.palermo', 'court.milano', 'court.palermo', 'ministry'];
const NOT_RECIPIENTS = ['admin', 'supervisor', 'caseworker', 'field.cairo', 'dpo'];

interface InboxItemBody {
  id: string;
  report: { id: string; versionNo: number };
  case: { id: string; caseNumber: string };
  readAt: string | null;
  readBy: { id: string; displayName: string } | null;
  acknowledgedAt: string | null;
  acknowledgedBy: { id: string; displayName: string } | null;
  pdfUrl: string;
  personal: boolean;
}

describe('the recipients’ inbox', () => {
  let t: TestApp;
  const cookies = new Map<string, string>();
  const users = new Map<string, { id: string; organisation_id: string; display_name: string }>();

  beforeAll(async () => {
    t = await createTestApp();
    for (const local of [...RECIPIENTS, ...NOT_RECIPIENTS]) cookies.set(local, await t.login(demoEmail(local)));
    for (const row of await t.db.query<{ email: string; id: string; organisation_id: string; display_name: string }[]>(`SELECT email, id, organisation_id, display_name FROM users`)) {
      users.set(row.email.split('@')[0]!, row);
    }
  });
  afterAll(() => t.close());

  const as = (local: string) => t.as(cookies.get(local)!);
  // Independent oracle: the register rows naming the person, or their organisation as a whole.
  const expectedIds = async (local: string) => {
    const u = users.get(local)!;
    const rows = await t.db.query<{ id: string }[]>(
      `SELECT id FROM report_disclosures WHERE recipient_user_id = $1 OR (recipient_user_id IS NULL AND recipient_organisation_id = $2) ORDER BY id`,
      [u.id, u.organisation_id],
    );
    return rows.map((r) => r.id);
  };
  const inbox = async (local: string, query = '') => {
    const items: InboxItemBody[] = [];
    let cursor: string | null = null;
    let counts: unknown;
    do {
      const response: request.Response = await as(local).get(`/api/inbox?limit=2${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`).expect(200);
      items.push(...response.body.items);
      cursor = response.body.nextCursor;
      counts = response.body.counts;
    } while (cursor);
    return { items, counts: counts as { total: number; unread: number; unacknowledged: number } };
  };
  const pdf = (local: string, url: string) => as(local).get(url).buffer(true).parse(binary);

  it.each(RECIPIENTS)('lists exactly the reports released to %s, across pages, newest first', async (local) => {
    const { items, counts } = await inbox(local);
    expect(items.map((i) => i.id).sort()).toEqual(await expectedIds(local));
    expect(items.length).toBeGreaterThan(0);
    const released = items.map((i) => (i as unknown as { releasedAt: string }).releasedAt);
    expect(released).toEqual([...released].sort().reverse());
    expect(counts.total).toBe(items.length);
  });

  it.each(NOT_RECIPIENTS)('refuses the inbox to %s (403, audited)', async (local) => {
    await as(local).get('/api/inbox').expect(403);
    const audit = await t.db.query<{ action: string }[]>(`SELECT action FROM audit_event WHERE actor_id = $1 ORDER BY seq DESC LIMIT 1`, [users.get(local)!.id]);
    expect(audit[0]?.action).toBe('AUTHZ_DENIED');
  });

  it('marks an item read on the recipient’s first download, and watermarks every page with their name and the time', async () => {
    const { items } = await inbox('guardian');
    const item = items.find((i) => i.personal)!;
    expect(item.readAt).toBeNull();
    const response = await pdf('guardian', item.pdfUrl).expect(200);
    expect(response.headers['content-type']).toContain('application/pdf');
    const pages = await pdfPages(response.body as Buffer);
    const name = users.get('guardian')!.display_name;
    const stamp = `${name} · ${formatDateTimeIt(t.clock.now())}`;
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) expect(page).toContain(stamp);

    const after = (await inbox('guardian')).items.find((i) => i.id === item.id)!;
    expect(after.readAt).not.toBeNull();
    expect(after.readBy).toEqual({ id: users.get('guardian')!.id, displayName: name });
    // Unread filter and counts follow.
    expect((await inbox('guardian', '&status=unread')).items.map((i) => i.id)).not.toContain(item.id);
  });

  it('gives IOM staff the same PDF without the watermark', async () => {
    const { items } = await inbox('social.milano');
    const response = await pdf('supervisor', items[0]!.pdfUrl).expect(200);
    const pages = await pdfPages(response.body as Buffer);
    const name = users.get('supervisor')!.display_name;
    for (const page of pages) {
      expect(page).toContain(`Scaricato da ${name}`);
      expect(page).not.toContain(`${name} · `);
    }
  });

  it('records an acknowledgement once, with who and when, and shows it to the sender', async () => {
    const { items } = await inbox('social.milano');
    const item = items.find((i) => i.acknowledgedAt === null)!;
    const seqBefore = (await t.db.query<{ seq: string }[]>(`SELECT seq FROM audit_head`))[0]!.seq;
    const before = t.clock.now().getTime();
    const ack = await as('social.milano').post(`/api/inbox/${item.id}/acknowledge`).expect(200);
    expect(ack.body).toMatchObject({ id: item.id, acknowledgedBy: { id: users.get('social.milano')!.id } });
    expect(Date.parse(ack.body.acknowledgedAt)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(ack.body.acknowledgedAt)).toBeLessThanOrEqual(t.clock.now().getTime());
    const row = (await t.db.query<{ acknowledged_at: Date; acknowledged_by: string }[]>(`SELECT acknowledged_at, acknowledged_by FROM report_disclosures WHERE id = $1`, [item.id]))[0]!;
    expect(row.acknowledged_by).toBe(users.get('social.milano')!.id);
    const audit = await t.db.query<{ action: string; case_id: string }[]>(`SELECT action, case_id FROM audit_event WHERE seq > $1 AND actor_id = $2`, [seqBefore, users.get('social.milano')!.id]);
    expect(audit).toEqual([{ action: 'REPORT_ACKNOWLEDGED', case_id: item.case.id }]);
    const history = await t.db.query<{ kind: string }[]>(`SELECT kind FROM case_history WHERE case_id = $1 AND kind = 'REPORT_ACKNOWLEDGED'`, [item.case.id]);
    expect(history).toHaveLength(1);

    // A repeat changes nothing and answers the same.
    const again = await as('social.milano').post(`/api/inbox/${item.id}/acknowledge`).expect(200);
    expect(again.body.acknowledgedAt).toBe(ack.body.acknowledgedAt);
    expect(await t.db.query(`SELECT 1 FROM audit_event WHERE action = 'REPORT_ACKNOWLEDGED' AND entity_id = $1`, [item.id])).toHaveLength(1);
    expect((await inbox('social.milano', '&status=unacknowledged')).items.map((i) => i.id)).not.toContain(item.id);

    // The sender sees who acknowledged what and when.
    const receipts = await as('supervisor').get(`/api/cases/${item.case.id}/disclosures`).expect(200);
    expect(receipts.body.items.find((r: { id: string }) => r.id === item.id)).toMatchObject({
      acknowledgedAt: ack.body.acknowledgedAt,
      acknowledgedBy: { id: users.get('social.milano')!.id, displayName: users.get('social.milano')!.display_name },
    });
    await as('social.milano').get(`/api/cases/${item.case.id}/disclosures`).expect(403);
  });

  it('lets anyone of the recipient office see the office’s acknowledgement and read receipt', async () => {
    const source = users.get('social.milano')!;
    await t.db.query(
      `INSERT INTO users (organisation_id, email, display_name, role, password_hash) SELECT organisation_id, 'social.milano2@demo.example', 'Seconda assistente (test)', role, password_hash FROM users WHERE id = $1`,
      [source.id],
    );
    const colleague = await t.login(demoEmail('social.milano2'));
    const mine = (await inbox('social.milano')).items.filter((i) => !i.personal);
    const theirs = await t.as(colleague).get('/api/inbox?limit=100').expect(200);
    expect(theirs.body.items.map((i: InboxItemBody) => i.id).sort()).toEqual(mine.map((i) => i.id).sort());
    const acknowledged = mine.find((i) => i.acknowledgedAt !== null)!;
    expect(theirs.body.items.find((i: InboxItemBody) => i.id === acknowledged.id).acknowledgedBy.id).toBe(source.id);
    // The colleague reads an unread one: the office's item shows read, by the colleague.
    const unread = mine.find((i) => i.readAt === null)!;
    await t.as(colleague).get(unread.pdfUrl).buffer(true).parse(binary).expect(200);
    const seen = (await inbox('social.milano')).items.find((i) => i.id === unread.id)!;
    expect(seen.readBy?.displayName).toBe('Seconda assistente (test)');
  });

  it('answers 404 for an item addressed to someone else, changes nothing and audits the attempt', async () => {
    const palermo = (await inbox('social.palermo')).items.find((i) => i.acknowledgedAt === null)!;
    const seqBefore = (await t.db.query<{ seq: string }[]>(`SELECT seq FROM audit_head`))[0]!.seq;
    for (const local of ['social.milano', 'guardian', 'court.milano']) {
      const response = await as(local).post(`/api/inbox/${palermo.id}/acknowledge`).expect(404);
      expect(response.body).toEqual({ code: 'NOT_FOUND', message: 'Inbox item not found' });
    }
    const missing = await as('social.milano').post(`/api/inbox/00000000-0000-4000-8000-000000000000/acknowledge`).expect(404);
    expect(missing.body).toEqual({ code: 'NOT_FOUND', message: 'Inbox item not found' });
    const row = (await t.db.query<{ acknowledged_at: Date | null }[]>(`SELECT acknowledged_at FROM report_disclosures WHERE id = $1`, [palermo.id]))[0]!;
    expect(row.acknowledged_at).toBeNull();
    const denials = await t.db.query<{ action: string; entity_type: string; entity_id: string }[]>(
      `SELECT action, entity_type, entity_id FROM audit_event WHERE seq > $1 AND action = 'ACCESS_DENIED' ORDER BY seq`,
      [seqBefore],
    );
    expect(denials.slice(0, 3)).toEqual(Array(3).fill({ action: 'ACCESS_DENIED', entity_type: 'disclosure', entity_id: palermo.id }));
    expect(denials).toHaveLength(4);
    // Staff have no inbox route at all.
    await as('caseworker').post(`/api/inbox/${palermo.id}/acknowledge`).expect(403);
  });

  it('keeps the ministry to reports: an inbox and PDFs, no case routes', async () => {
    const { items } = await inbox('ministry');
    expect(items.length).toBeGreaterThan(0);
    await pdf('ministry', items[0]!.pdfUrl).expect(200);
    await as('ministry').get(`/api/cases/${items[0]!.case.id}`).expect(403);
    await as('ministry').get(`/api/cases/${items[0]!.case.id}/documents`).expect(403);
    await as('ministry').get('/api/cases').expect(403);
  });
});
