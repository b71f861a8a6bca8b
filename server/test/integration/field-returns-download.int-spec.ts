import { createHash } from 'node:crypto';
import type request from 'supertest';
import { createTestApp, demoEmail, FETCH, type TestApp } from '../setup/test-app';
import { DAY, PDF, ReturnDriver } from './return-fixtures';
import { testNow } from '../setup/test-clock';

// The receiving mission downloads the documents its returned minor's detail lists (issue 4): its
// own hand-over protocol, monitoring reports and consent forms – never a document of IOM Rome, the
// court or the Italian authorities, never another mission's case. Every download is audited.

const bytesOf = (res: request.Response, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

describe('GET /api/field/returns/:caseId/documents/:documentId', () => {
  let t: TestApp;
  let d: ReturnDriver;
  let caseworker: string;
  let supervisor: string;
  let cairo: string;
  let dhaka: string;
  let caseId: string;
  let protocol: { id: string; bytes: Buffer };
  let consent: { id: string; bytes: Buffer };
  let staffConsentId: string;
  let socialReportId: string;
  let decreeId: string;

  const download = (cookie: string, documentId: string, onCase = caseId) =>
    t.http.get(`/api/field/returns/${onCase}/documents/${documentId}`).set('cookie', cookie).buffer(true).parse(bytesOf);
  const missionUpload = async (type: string, title: string) => {
    const bytes = PDF();
    const response = await t.http
      .post(`/api/field/returns/${caseId}/documents`)
      .set('cookie', cairo)
      .set(FETCH)
      .field('type', type)
      .field('title', title)
      .field('language', 'en')
      .attach('file', bytes, 'scan.pdf')
      .expect(201);
    return { id: response.body.id as string, bytes };
  };
  const audited = async (action: string, documentOrCaseId: string, local: string) =>
    Number(
      (
        await t.db.query<{ n: string }[]>(`SELECT count(*) AS n FROM audit_event WHERE action = $1 AND entity_id = $2 AND actor_id = (SELECT id FROM users WHERE email = $3)`, [
          action,
          documentOrCaseId,
          demoEmail(local),
        ])
      )[0]!.n,
    );

  beforeAll(async () => {
    t = await createTestApp();
    caseworker = await t.login(demoEmail('caseworker'));
    supervisor = await t.login(demoEmail('supervisor'));
    cairo = await t.login(demoEmail('field.cairo'));
    dhaka = await t.login(demoEmail('field.dhaka'));
    d = new ReturnDriver(t, { caseworker, supervisor });

    // A case driven through the API to IN_TRANSIT, Cairo the receiving mission.
    caseId = await t.blankCase('AWAITING_SOLUTION');
    const reportId = await d.releasedFamilyAssessment(caseId);
    await d.grantGuardian(caseId);
    const caregiverId = await d.caregiver(caseId);
    await d.minorRequest(caseId);
    const guardian = await t.login(demoEmail('guardian'));
    await t.as(guardian).post(`/api/cases/${caseId}/avr/guardian-consent`, { confirm: true }).expect(201);
    expect((await d.move(caseworker, caseId, 'AVR_REQUESTED')).status).toBe(200);
    expect((await d.move(caseworker, caseId, 'AVR_COUNSELLING')).status).toBe(200);
    const { proceedingId } = await d.fileWithCourt(caseId, reportId);
    expect((await d.move(caseworker, caseId, 'COURT_PENDING')).status).toBe(200);
    await d.courtDecides(await t.login(demoEmail('court.milano')), caseId, proceedingId, 'RETURN_ORDERED');
    expect((await d.move(caseworker, caseId, 'COURT_APPROVED')).status).toBe(200);
    await d.prepareReturn(caseId, caregiverId, new Date(testNow().getTime() + 20 * DAY));
    expect((await d.move(supervisor, caseId, 'AVR_PREPARATION')).status).toBe(200);
    await d.approveReport(caseId, { kind: 'AVR_OPERATIONAL_NOTE' }, true);
    expect((await d.move(caseworker, caseId, 'IN_TRANSIT')).status).toBe(200);

    protocol = await missionUpload('HANDOVER_PROTOCOL', 'Signed hand-over protocol');
    consent = await missionUpload('CONSENT', 'Caregiver consent form');
    // IOM Rome's own consent form (a type the mission may upload, but not the mission's document),
    // the social services' report and the court's decree: none of them is the mission's.
    staffConsentId = (await d.upload(caseworker, `/api/cases/${caseId}/documents`, { type: 'CONSENT', title: 'Consenso firmato in comunità', language: 'it' }).expect(201)).body.id;
    const rows = await t.db.query<{ id: string; type: string }[]>(`SELECT id, type FROM documents WHERE case_id = $1 AND type IN ('SOCIAL_SERVICES_REPORT', 'COURT_DECREE')`, [caseId]);
    socialReportId = rows.find((r) => r.type === 'SOCIAL_SERVICES_REPORT')!.id;
    decreeId = rows.find((r) => r.type === 'COURT_DECREE')!.id;
  }, 180_000);
  afterAll(() => t.close());

  it('lists in the detail only the documents the mission may open', async () => {
    const detail = (await t.as(cairo).get(`/api/field/returns/${caseId}`).expect(200)).body;
    expect(detail.documents.map((doc: { id: string }) => doc.id).sort()).toEqual([protocol.id, consent.id].sort());
    expect(detail.documents.find((doc: { id: string }) => doc.id === protocol.id)).toEqual({
      id: protocol.id,
      type: 'HANDOVER_PROTOCOL',
      title: 'Signed hand-over protocol',
      language: 'en',
      fileName: 'scan.pdf',
      mediaType: 'application/pdf',
      sizeBytes: protocol.bytes.length,
      sha256: createHash('sha256').update(protocol.bytes).digest('hex'),
      uploadedAt: expect.any(String),
    });
  });

  it('serves the mission its own document: the identical bytes, as an attachment, audited', async () => {
    const response = await download(cairo, protocol.id).expect(200);
    expect(Buffer.compare(response.body as Buffer, protocol.bytes)).toBe(0);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="scan\.pdf"/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['cache-control']).toBe('private, no-store');
    expect(response.headers.etag).toBe(`"${createHash('sha256').update(protocol.bytes).digest('hex')}"`);
    expect(await audited('DOCUMENT_DOWNLOADED', protocol.id, 'field.cairo')).toBe(1);

    const form = await download(cairo, consent.id).expect(200);
    expect(Buffer.compare(form.body as Buffer, consent.bytes)).toBe(0);
  });

  it('keeps serving the protocol after the hand-over', async () => {
    await t
      .as(cairo)
      .post(`/api/field/returns/${caseId}/handover`, {
        arrivedAt: new Date(testNow().getTime() - DAY).toISOString(),
        place: 'Cairo airport',
        receivedByName: 'Fatma Ibrahim',
        receivedByKind: 'PARENT',
        protocolDocumentId: protocol.id,
        signedBy: ['Luca Verdi', 'IOM Cairo', 'Fatma Ibrahim'],
      })
      .expect(201);
    expect((await d.snapshot(caseId)).state).toBe('HANDED_OVER');
    await download(cairo, protocol.id).expect(200);
  });

  it('answers 404 to another mission’s officer, and audits the refusal', async () => {
    const before = await audited('FIELD_RETURN_ACCESS_DENIED', caseId, 'field.dhaka');
    const response = await download(dhaka, protocol.id).expect(404);
    expect(JSON.parse((response.body as Buffer).toString('utf8'))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await audited('FIELD_RETURN_ACCESS_DENIED', caseId, 'field.dhaka')).toBe(before + 1);
    expect(await audited('DOCUMENT_DOWNLOADED', protocol.id, 'field.dhaka')).toBe(0);
  });

  it('answers 404 for a document that is not the mission’s, even of an allowed type, on its own case', async () => {
    for (const documentId of [socialReportId, decreeId, staffConsentId]) {
      const response = await download(cairo, documentId).expect(404);
      expect(JSON.parse((response.body as Buffer).toString('utf8'))).toMatchObject({ code: 'NOT_FOUND' });
      expect(await audited('DOCUMENT_ACCESS_DENIED', documentId, 'field.cairo')).toBe(1);
      expect(await audited('DOCUMENT_DOWNLOADED', documentId, 'field.cairo')).toBe(0);
    }
    // A document of the case named under another case id is not found either.
    const otherCase = await t.blankCase('AWAITING_SOLUTION');
    await download(cairo, protocol.id, otherCase).expect(404);
  });

  it('is not a route for IOM Rome’s staff (they download from the case documents)', async () => {
    await download(caseworker, protocol.id).expect(403);
    await download(supervisor, protocol.id).expect(403);
    expect(await audited('DOCUMENT_DOWNLOADED', protocol.id, 'caseworker')).toBe(0);
  });
});
