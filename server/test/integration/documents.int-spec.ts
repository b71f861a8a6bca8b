import { createHash, randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type request from 'supertest';
import { createTestApp, demoEmail, FETCH, type TestApp } from '../setup/test-app';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1'), randomBytes(2048), Buffer.from('\n%%EOF\n')]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]), randomBytes(512)]);
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1'), randomBytes(256)]);
const HTML = Buffer.from('<!DOCTYPE html><html><body><script>fetch("/api/cases")</script></body></html>');

const FIELDS = { type: 'COURT_DECREE', title: 'Decreto TM Milano', language: 'it', sensitivity: 'SPECIAL', origin: 'RECEIVED' };

describe('documents', () => {
  let t: TestApp;
  let caseworker: string;
  let caseworker2: string;
  let supervisor: string;
  let cairo: string;
  let dhaka: string;
  let guardian: string;

  const userId = async (local: string) => (await t.db.query<{ id: string }[]>(`SELECT id FROM users WHERE email = $1`, [demoEmail(local)]))[0]!.id;
  const orgOf = async (local: string) => (await t.db.query<{ organisation_id: string }[]>(`SELECT organisation_id FROM users WHERE email = $1`, [demoEmail(local)]))[0]!.organisation_id;

  // A fresh case assigned to `local`, in the unit's supervision, in the given state.
  const makeCase = async (state = 'SCREENING', local = 'caseworker') => {
    const minor = (await t.db.query<{ id: string }[]>(`INSERT INTO minors (first_name, last_name, sex, nationality, date_of_birth) VALUES ('Doc', 'Fixture', 'M', 'EG', '2010-05-05') RETURNING id`))[0]!.id;
    const caseId = (await t.db.query<{ id: string }[]>(
      `INSERT INTO cases (case_number, minor_id, state, channel, request_date) VALUES ($1, $2, $3, 'DG_MLPS', '2026-01-10') RETURNING id`,
      [`DOC-${randomBytes(4).toString('hex')}`, minor, state],
    ))[0]!.id;
    await t.db.query(`INSERT INTO case_grants (case_id, organisation_id, relation) VALUES ($1, $2, 'supervising_unit')`, [caseId, await orgOf('supervisor')]);
    await t.db.query(`INSERT INTO case_grants (case_id, user_id, relation) VALUES ($1, $2, 'assigned_caseworker')`, [caseId, await userId(local)]);
    return caseId;
  };
  const makeTracingRequest = async (caseId: string, missionOf = 'field.cairo', status = 'SENT') =>
    (await t.db.query<{ id: string }[]>(
      `INSERT INTO tracing_requests (case_id, mission_id, target_country, packet, sent_at, due_at, sent_by, status) VALUES ($1, $2, 'EG', '{}', app_now(), app_now() + interval '45 days', $3, $4) RETURNING id`,
      [caseId, await orgOf(missionOf), await userId('caseworker'), status],
    ))[0]!.id;

  const upload = (cookie: string, path: string, file: Buffer, fileName: string, fields: Record<string, string> = FIELDS): request.Test => {
    let req = t.http.post(path).set('cookie', cookie).set(FETCH);
    for (const [name, value] of Object.entries(fields)) req = req.field(name, value);
    return req.attach('file', file, fileName);
  };
  const counts = async () =>
    (await t.db.query<{ documents: number; contents: number; history: number }[]>(
      `SELECT (SELECT count(*)::int FROM documents) AS documents, (SELECT count(*)::int FROM document_contents) AS contents,
              (SELECT count(*)::int FROM case_history WHERE kind = 'DOCUMENT_UPLOADED') AS history`,
    ))[0]!;
  const download = (cookie: string, documentId: string) =>
    t.http
      .get(`/api/documents/${documentId}/content`)
      .set('cookie', cookie)
      .buffer(true)
      .parse((res, callback) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => callback(null, Buffer.concat(chunks)));
      });

  beforeAll(async () => {
    t = await createTestApp();
    caseworker = await t.login(demoEmail('caseworker'));
    caseworker2 = await t.login(demoEmail('caseworker2'));
    supervisor = await t.login(demoEmail('supervisor'));
    cairo = await t.login(demoEmail('field.cairo'));
    dhaka = await t.login(demoEmail('field.dhaka'));
    guardian = await t.login(demoEmail('guardian'));
  });
  afterAll(() => t.close());

  it('stores a PDF with the server’s sha-256, lists it without bytes, and downloads the identical bytes safely', async () => {
    const caseId = await makeCase();
    const created = await upload(caseworker, `/api/cases/${caseId}/documents`, PDF, 'decreto.pdf').expect(201);
    expect(created.body).toMatchObject({
      caseId,
      tracingRequestId: null,
      type: 'COURT_DECREE',
      title: 'Decreto TM Milano',
      sensitivity: 'SPECIAL',
      origin: 'RECEIVED',
      fileName: 'decreto.pdf',
      mediaType: 'application/pdf',
      sizeBytes: PDF.length,
      sha256: sha256(PDF),
      uploadedBy: { id: await userId('caseworker') },
    });
    const stored = await t.db.query<{ content: Buffer }[]>(`SELECT content FROM document_contents WHERE document_id = $1`, [created.body.id]);
    expect(stored[0]!.content.equals(PDF)).toBe(true);
    const history = await t.db.query<{ kind: string; detail: { sha256: string } }[]>(`SELECT kind, detail FROM case_history WHERE case_id = $1`, [caseId]);
    expect(history).toEqual([expect.objectContaining({ kind: 'DOCUMENT_UPLOADED', detail: expect.objectContaining({ sha256: sha256(PDF) }) })]);
    const audit = await t.db.query<{ action: string; entity_id: string }[]>(`SELECT action, entity_id FROM audit_event WHERE case_id = $1 ORDER BY seq`, [caseId]);
    expect(audit).toEqual([{ action: 'DOCUMENT_UPLOADED', entity_id: created.body.id }]);

    const list = await t.as(supervisor).get(`/api/cases/${caseId}/documents`).expect(200);
    expect(list.body.items).toEqual([created.body]);
    expect(JSON.stringify(list.body)).not.toContain('content');

    const file = await download(caseworker, created.body.id).expect(200);
    expect((file.body as Buffer).equals(PDF)).toBe(true);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toBe(`attachment; filename="decreto.pdf"; filename*=UTF-8''decreto.pdf`);
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.headers.etag).toBe(`"${sha256(PDF)}"`);
    expect(file.headers['cache-control']).toContain('no-store');
    const downloads = await t.db.query<{ actor_id: string }[]>(`SELECT actor_id FROM audit_event WHERE action = 'DOCUMENT_DOWNLOADED' AND entity_id = $1`, [created.body.id]);
    expect(downloads).toEqual([{ actor_id: await userId('caseworker') }]);
  });

  it('stores a PNG and adds the extension to a name without one; cleans hostile names', async () => {
    const caseId = await makeCase();
    const png = await upload(caseworker, `/api/cases/${caseId}/documents`, PNG, 'photo', { ...FIELDS, type: 'ID_DOC' }).expect(201);
    expect(png.body).toMatchObject({ mediaType: 'image/png', fileName: 'photo.png', sha256: sha256(PNG) });
    expect(((await download(supervisor, png.body.id).expect(200)).body as Buffer).equals(PNG)).toBe(true);

    const hostile = await upload(caseworker, `/api/cases/${caseId}/documents`, PDF, '../../etc/a";.pdf').expect(201);
    expect(hostile.body.fileName).toBe('a__.pdf');
    const file = await download(caseworker, hostile.body.id).expect(200);
    expect(file.headers['content-disposition']).toBe(`attachment; filename="a__.pdf"; filename*=UTF-8''a__.pdf`);
  });

  it.each([
    ['an executable renamed .pdf', EXE, 'invoice.pdf'],
    ['an HTML page renamed .pdf', HTML, 'report.pdf'],
    ['a PNG named .pdf', PNG, 'scan.pdf'],
    ['a PDF named .exe', PDF, 'setup.exe'],
    ['a PDF named .html', PDF, 'page.html'],
  ])('refuses %s with 415 and stores nothing', async (_label, file, name) => {
    const caseId = await makeCase();
    const before = await counts();
    const response = await upload(caseworker, `/api/cases/${caseId}/documents`, file, name).expect(415);
    expect(response.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(await counts()).toEqual(before);
  });

  it('refuses a JSON body on the upload route with 415, and missing fields or file with 400', async () => {
    const caseId = await makeCase();
    const before = await counts();
    await t.as(caseworker).post(`/api/cases/${caseId}/documents`, {}).expect(415);
    const missing = await upload(caseworker, `/api/cases/${caseId}/documents`, PDF, 'x.pdf', { title: 'x' }).expect(400);
    expect(missing.body.code).toBe('VALIDATION_FAILED');
    expect(missing.body.details.fields.map((f: { path: string }) => f.path).sort()).toEqual(['language', 'title', 'type']);
    const noFile = await t.http.post(`/api/cases/${caseId}/documents`).set('cookie', caseworker).set(FETCH).field('type', 'CONSENT').field('title', 'Consent').field('language', 'ar').expect(400);
    expect(noFile.body.details.fields).toEqual([expect.objectContaining({ path: 'file', code: 'required' })]);
    const unknown = await upload(caseworker, `/api/cases/${caseId}/documents`, PDF, 'x.pdf', { ...FIELDS, owner: 'me' }).expect(400);
    expect(unknown.body.details.fields).toEqual([expect.objectContaining({ path: 'owner', code: 'unrecognized_key' })]);
    expect(await counts()).toEqual(before);
  });

  it('requires the CSRF header on uploads', async () => {
    const caseId = await makeCase();
    const before = await counts();
    const response = await t.http.post(`/api/cases/${caseId}/documents`).set('cookie', caseworker).field('type', 'CONSENT').field('title', 'Consent').field('language', 'ar').attach('file', PDF, 'c.pdf').expect(403);
    expect(response.body.code).toBe('CSRF_REJECTED');
    expect(await counts()).toEqual(before);
  });

  it('accepts a browser-style fetch with FormData and X-Requested-With', async () => {
    const caseId = await makeCase();
    await t.app.listen(0, '127.0.0.1');
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    const form = new FormData();
    for (const [name, value] of Object.entries(FIELDS)) form.append(name, value);
    form.append('file', new Blob([PDF], { type: 'application/pdf' }), 'decreto.pdf');
    const response = await fetch(`http://127.0.0.1:${port}/api/cases/${caseId}/documents`, {
      method: 'POST',
      body: form,
      headers: { cookie: caseworker, 'x-requested-with': 'fetch', origin: `http://127.0.0.1:${port}` },
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ sha256: sha256(PDF), fileName: 'decreto.pdf' });
  });

  it('answers 404 for another caseworker’s case and 409 for a closed case, storing nothing', async () => {
    const foreign = await makeCase('SCREENING', 'caseworker2');
    const closed = await makeCase('REJECTED');
    const before = await counts();
    expect((await upload(caseworker, `/api/cases/${foreign}/documents`, PDF, 'x.pdf').expect(404)).body.code).toBe('NOT_FOUND');
    await t.as(caseworker).get(`/api/cases/${foreign}/documents`).expect(404);
    expect((await upload(caseworker, `/api/cases/${closed}/documents`, PDF, 'x.pdf').expect(409)).body.code).toBe('CONFLICT');
    // A guardian may upload to a ward's case only (issue 5): this one is not theirs.
    await upload(guardian, `/api/cases/${foreign}/documents`, PDF, 'x.pdf', { ...FIELDS, type: 'CONSENT' }).expect(404);
    await upload(cairo, `/api/cases/${foreign}/documents`, PDF, 'x.pdf').expect(403);
    expect(await counts()).toEqual(before);
  });

  it('never lets a caseworker download a document of a case they cannot see', async () => {
    const caseId = await makeCase('SCREENING', 'caseworker2');
    const created = await upload(caseworker2, `/api/cases/${caseId}/documents`, PDF, 'x.pdf').expect(201);
    const denied = await download(caseworker, created.body.id).expect(404);
    expect(denied.headers['content-type']).toContain('application/json');
    const audit = await t.db.query<{ actor_id: string }[]>(`SELECT actor_id FROM audit_event WHERE action = 'DOCUMENT_ACCESS_DENIED' AND entity_id = $1`, [created.body.id]);
    expect(audit).toEqual([{ actor_id: await userId('caseworker') }]);
    await download(caseworker2, created.body.id).expect(200);
    // Guardians open their own uploads on their wards' cases only (issue 5).
    await download(guardian, created.body.id).expect(404);
  });

  describe('field officers', () => {
    it('attach documents to their mission’s request and see only those; other missions get 404 everywhere', async () => {
      const caseId = await makeCase('TRACING_IN_PROGRESS');
      const requestId = await makeTracingRequest(caseId);
      const staffDoc = (await upload(caseworker, `/api/cases/${caseId}/documents`, PDF, 'social-report.pdf', { ...FIELDS, type: 'SOCIAL_SERVICES_REPORT' }).expect(201)).body;

      const fieldDoc = (
        await upload(cairo, `/api/tracing-requests/${requestId}/documents`, PNG, 'family-consent.png', { type: 'CONSENT', title: 'Family consent', language: 'ar' }).expect(201)
      ).body;
      expect(fieldDoc).toMatchObject({ caseId, tracingRequestId: requestId, uploadedBy: { id: await userId('field.cairo') }, sha256: sha256(PNG) });

      // The field officer sees their mission's attachment, never the case's other documents.
      const mine = await t.as(cairo).get(`/api/tracing-requests/${requestId}/documents`).expect(200);
      expect(mine.body.items.map((d: { id: string }) => d.id)).toEqual([fieldDoc.id]);
      expect(((await download(cairo, fieldDoc.id).expect(200)).body as Buffer).equals(PNG)).toBe(true);
      await download(cairo, staffDoc.id).expect(404);
      await t.as(cairo).get(`/api/cases/${caseId}/documents`).expect(403);

      // Rome sees both in the case file.
      const all = await t.as(caseworker).get(`/api/cases/${caseId}/documents`).expect(200);
      expect(all.body.items.map((d: { id: string }) => d.id).sort()).toEqual([staffDoc.id, fieldDoc.id].sort());

      // Another mission: 404 on upload, list and download, nothing stored.
      const before = await counts();
      await upload(dhaka, `/api/tracing-requests/${requestId}/documents`, PDF, 'x.pdf').expect(404);
      await t.as(dhaka).get(`/api/tracing-requests/${requestId}/documents`).expect(404);
      await download(dhaka, fieldDoc.id).expect(404);
      expect(await counts()).toEqual(before);
      // Staff do not use the mission's routes.
      await upload(caseworker, `/api/tracing-requests/${requestId}/documents`, PDF, 'x.pdf').expect(403);
    });

    it('lose access when the request is cancelled (consent withdrawn)', async () => {
      const caseId = await makeCase('TRACING_IN_PROGRESS');
      const requestId = await makeTracingRequest(caseId);
      const doc = (await upload(cairo, `/api/tracing-requests/${requestId}/documents`, PDF, 'assessment.pdf', { type: 'FAMILY_ASSESSMENT_ORIGINAL', title: 'Signed original', language: 'ar' }).expect(201)).body;
      await t.db.query(`UPDATE tracing_requests SET status = 'CANCELLED', cancelled_at = app_now() WHERE id = $1`, [requestId]);
      const before = await counts();
      expect((await upload(cairo, `/api/tracing-requests/${requestId}/documents`, PDF, 'x.pdf').expect(409)).body.code).toBe('CONFLICT');
      await t.as(cairo).get(`/api/tracing-requests/${requestId}/documents`).expect(404);
      await download(cairo, doc.id).expect(404);
      expect(await counts()).toEqual(before);
      // The document stays in the case file for Rome.
      await download(caseworker, doc.id).expect(200);
    });
  });

  it('keeps JSON bodies at 1 MB while uploads may be larger', async () => {
    const caseId = await makeCase();
    const big = Buffer.concat([PDF.subarray(0, 16), randomBytes(2 * 1024 * 1024)]);
    const created = await upload(caseworker, `/api/cases/${caseId}/documents`, big, 'big.pdf').expect(201);
    expect(created.body.sizeBytes).toBe(big.length);
    const json = await t.as(caseworker).post(`/api/cases/${caseId}/tasks`, { title: 'x'.repeat(1_100_000), dueAt: '2026-12-01T00:00:00.000Z' }).expect(413);
    expect(json.body.code).toBe('PAYLOAD_TOO_LARGE');
  });
});

describe('document size limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ MAX_UPLOAD_MB: '1' });
  });
  afterAll(() => t.close());

  it('answers 413 above MAX_UPLOAD_MB and stores nothing; at the limit it is accepted', async () => {
    const cookie = await t.login(demoEmail('caseworker'));
    const caseId = (await t.db.query<{ id: string }[]>(
      `SELECT c.id FROM cases c JOIN case_grants g ON g.case_id = c.id AND g.relation = 'assigned_caseworker' JOIN users u ON u.id = g.user_id
        WHERE u.email = $1 AND c.state = 'SCREENING' LIMIT 1`,
      [demoEmail('caseworker')],
    ))[0]!.id;
    const count = async () => (await t.db.query<{ n: number }[]>(`SELECT (SELECT count(*) FROM documents) + (SELECT count(*) FROM document_contents) AS n`))[0]!.n;
    const before = await count();
    const tooBig = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(1024 * 1024)]);
    const response = await t.http
      .post(`/api/cases/${caseId}/documents`)
      .set('cookie', cookie)
      .set(FETCH)
      .field('type', 'CONSENT')
      .field('title', 'Too big')
      .field('language', 'it')
      .attach('file', tooBig, 'big.pdf')
      .expect(413);
    expect(response.body).toEqual({ code: 'PAYLOAD_TOO_LARGE', message: expect.any(String) });
    expect(await count()).toBe(before);

    const atLimit = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(1024 * 1024 - 9)]);
    await t.http.post(`/api/cases/${caseId}/documents`).set('cookie', cookie).set(FETCH).field('type', 'CONSENT').field('title', 'At the limit').field('language', 'it').attach('file', atLimit, 'ok.pdf').expect(201);
  });
});
