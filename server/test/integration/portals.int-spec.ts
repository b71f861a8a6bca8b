import { randomBytes } from 'node:crypto';
import { addYears } from '@app/contracts';
import request from 'supertest';
import { FETCH, createTestApp, demoEmail, type TestApp } from '../setup/test-app';
import { testNow } from '../setup/test-clock';

// The external portals and IOM's side of them (issue 5): social services' tracing requests and the
// supervisor's queue and assignment, the guardian's consents and the minor's views, requests for
// continuation of support, uploads by external users, time-limited court access, the portal's case
// page, and the DPO's oversight views.

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1'), randomBytes(256), Buffer.from('\n%%EOF\n')]);
const DAY = 86_400_000;

describe('portals', () => {
  let t: TestApp;
  const cookies = new Map<string, string>();
  const ids: Record<string, string> = {};
  const orgs: Record<string, string> = {};
  const LOCALS = ['supervisor', 'caseworker', 'caseworker2', 'guardian', 'guardian2', 'social.milano', 'social.palermo', 'court.milano', 'court.palermo', 'field.cairo', 'ministry', 'dpo'];

  beforeAll(async () => {
    t = await createTestApp();
    for (const local of LOCALS) cookies.set(local, await t.login(demoEmail(local)));
    for (const row of await t.db.query<{ id: string; email: string }[]>(`SELECT id, email FROM users`)) ids[row.email.split('@')[0]!] = row.id;
    const org = async (where: string) => (await t.db.query<{ id: string }[]>(`SELECT id FROM organisations WHERE ${where}`))[0]!.id;
    orgs.iom = await org(`type = 'IOM_UNIT'`);
    orgs.ssMilano = await org(`type = 'SOCIAL_SERVICES' AND municipality = 'Milano'`);
    orgs.tmMilano = await org(`type = 'JUVENILE_COURT' AND district = 'Milano'`);
    orgs.tmPalermo = await org(`type = 'JUVENILE_COURT' AND district = 'Palermo'`);
  });
  afterAll(() => t.close());

  const as = (local: string) => t.as(cookies.get(local)!);
  const upload = (local: string, path: string, fields: Record<string, string>) => {
    let r = request(t.app.getHttpServer()).post(path).set('cookie', cookies.get(local)!).set(FETCH);
    for (const [k, v] of Object.entries(fields)) r = r.field(k, v);
    return r.attach('file', PDF, 'documento.pdf');
  };
  const lastAudit = async (actor: string) => (await t.db.query<{ action: string; entity_type: string; entity_id: string | null; case_id: string | null }[]>(
    `SELECT action, entity_type, entity_id, case_id FROM audit_event WHERE actor_id = $1 ORDER BY seq DESC LIMIT 1`,
    [ids[actor]],
  ))[0];
  // A Milano case with a guardian (guardian@), the Milano office and the Milano caseworker.
  const milanoCase = async (state = 'SCREENING') => {
    const caseId = await t.blankCase(state);
    await t.db.query(`INSERT INTO case_grants (case_id, user_id, relation) VALUES ($1, $2, 'guardian')`, [caseId, ids.guardian]);
    return caseId;
  };

  describe('a family-tracing request from social services', () => {
    let result: { requestId: string; caseId: string; caseNumber: string; state: string };

    it('arrives as a new case in RECEIVED for the unit, followed by the office, with no caseworker', async () => {
      const response = await as('social.milano')
        .post('/api/portal/tracing-requests', {
          minor: { firstName: 'Yassine', lastName: 'Portale', sex: 'M', nationality: 'TN', dateOfBirth: '2010-05-04', municipality: 'Milano' },
          questions: ['La famiglia è disponibile a un colloquio?'],
          familyInformation: 'Madre a Sfax, telefono +216 555 0199',
        })
        .expect(201);
      result = response.body;
      expect(result).toMatchObject({ state: 'RECEIVED', caseNumber: expect.stringMatching(/^IF-\d{4}-\d{4}$/) });
      const grants = await t.db.query<{ relation: string; organisation_id: string | null; user_id: string | null }[]>(
        `SELECT relation, organisation_id, user_id FROM case_grants WHERE case_id = $1 ORDER BY relation`,
        [result.caseId],
      );
      expect(grants).toEqual([
        { relation: 'social_services', organisation_id: orgs.ssMilano, user_id: null },
        { relation: 'supervising_unit', organisation_id: orgs.iom, user_id: null },
      ]);
      const row = (await t.db.query<{ state: string; requesting_organisation_id: string; created_by: string; channel: string }[]>(
        `SELECT state, requesting_organisation_id, created_by, channel FROM cases WHERE id = $1`,
        [result.caseId],
      ))[0]!;
      expect(row).toEqual({ state: 'RECEIVED', requesting_organisation_id: orgs.ssMilano, created_by: ids['social.milano'], channel: 'OTHER' });
      const audit = await t.db.query<{ action: string }[]>(`SELECT action FROM audit_event WHERE case_id = $1 ORDER BY seq`, [result.caseId]);
      expect(audit.map((a) => a.action)).toEqual(['MINOR_CREATED', 'CASE_CREATED']);
    });

    it('lets the office follow its request, and nobody else outside the unit', async () => {
      const detail = await as('social.milano').get(`/api/cases/${result.caseId}`).expect(200);
      expect(detail.body).toMatchObject({ state: 'RECEIVED', assignedCaseworker: null });
      expect(detail.body).not.toHaveProperty('internalNotes');
      for (const local of ['social.palermo', 'caseworker', 'caseworker2', 'guardian']) await as(local).get(`/api/cases/${result.caseId}`).expect(404);
      const list = await as('supervisor').get('/api/cases?limit=100').expect(200);
      expect(list.body.items.find((c: { id: string }) => c.id === result.caseId)).toMatchObject({ assignedCaseworker: null, state: 'RECEIVED' });
    });

    it('waits in the supervisor’s queue of unassigned requests with what the office wrote', async () => {
      const queue = await as('supervisor').get('/api/intake/requests?unassigned=true').expect(200);
      expect(queue.body.items).toEqual([
        expect.objectContaining({
          id: result.requestId,
          caseId: result.caseId,
          questions: ['La famiglia è disponibile a un colloquio?'],
          familyInformation: 'Madre a Sfax, telefono +216 555 0199',
          assignedCaseworker: null,
          organisation: { id: orgs.ssMilano, name: expect.stringContaining('Milano') },
        }),
      ]);
      expect((await as('caseworker').get('/api/intake/requests').expect(200)).body.items).toEqual([]);
    });

    it('is assigned by the supervisor: the caseworker then sees it, history and audit record it', async () => {
      const assigned = await as('supervisor').post(`/api/cases/${result.caseId}/assignment`, { caseworkerId: ids.caseworker, reason: 'Competenza Tunisia' }).expect(200);
      expect(assigned.body).toMatchObject({ caseId: result.caseId, assignedCaseworker: { id: ids.caseworker }, previousCaseworker: null });
      await as('caseworker').get(`/api/cases/${result.caseId}`).expect(200);
      expect((await as('caseworker').get('/api/intake/requests').expect(200)).body.items.map((i: { id: string }) => i.id)).toEqual([result.requestId]);
      expect((await as('supervisor').get('/api/intake/requests?unassigned=true').expect(200)).body.items).toEqual([]);
      // Reassignment ends the first caseworker's access now.
      await as('supervisor').post(`/api/cases/${result.caseId}/assignment`, { caseworkerId: ids.caseworker2 }).expect(200);
      await as('caseworker').get(`/api/cases/${result.caseId}`).expect(404);
      await as('caseworker2').get(`/api/cases/${result.caseId}`).expect(200);
      await as('supervisor').post(`/api/cases/${result.caseId}/assignment`, { caseworkerId: ids.caseworker2 }).expect(409);
      const history = await t.db.query<{ kind: string }[]>(`SELECT kind FROM case_history WHERE case_id = $1 AND kind = 'CASE_ASSIGNED'`, [result.caseId]);
      expect(history).toHaveLength(2);
    });

    it('refuses an assignment to someone who is not a caseworker of the unit, and changes nothing', async () => {
      const before = await t.db.query(`SELECT * FROM case_grants WHERE case_id = $1 ORDER BY id`, [result.caseId]);
      const response = await as('supervisor').post(`/api/cases/${result.caseId}/assignment`, { caseworkerId: ids.guardian }).expect(400);
      expect(response.body.details.fields).toEqual([expect.objectContaining({ path: 'caseworkerId', code: 'wrong_role' })]);
      expect(await t.db.query(`SELECT * FROM case_grants WHERE case_id = $1 ORDER BY id`, [result.caseId])).toEqual(before);
      await as('caseworker').post(`/api/cases/${result.caseId}/assignment`, { caseworkerId: ids.caseworker }).expect(403);
    });

    it('validates the request: dates in the future, a protocol without the DG channel, unknown keys', async () => {
      const future = new Date(t.clock.now().getTime() + 3 * DAY).toISOString().slice(0, 10);
      const bad = await as('social.milano')
        .post('/api/portal/tracing-requests', { minor: { firstName: 'A', lastName: 'B', sex: 'M', nationality: 'TN', dateOfBirth: future }, dgProtocolNo: 'DG-1' })
        .expect(400);
      expect(bad.body.details.fields.map((f: { path: string }) => f.path).sort()).toEqual(['dgProtocolNo', 'minor.dateOfBirth']);
      const smuggled = await as('social.milano').post('/api/portal/tracing-requests', { minor: { firstName: 'A', lastName: 'B', sex: 'M', nationality: 'TN' }, assignedCaseworkerId: ids.caseworker }).expect(400);
      expect(smuggled.body.details.fields[0]).toMatchObject({ path: 'assignedCaseworkerId', code: 'unrecognized_key' });
      await as('guardian').post('/api/portal/tracing-requests', { minor: { firstName: 'A', lastName: 'B', sex: 'M', nationality: 'TN' } }).expect(403);
    });
  });

  describe('the guardian', () => {
    it('records their own consent and the minor’s views, both visible on the portal page and to staff', async () => {
      const caseId = await milanoCase();
      const consent = await as('guardian').post(`/api/cases/${caseId}/guardian-consents`, { scope: 'SHARE_REPORT', givenAt: new Date(t.clock.now().getTime() - 60_000).toISOString() }).expect(201);
      expect(consent.body).toMatchObject({ subject: 'GUARDIAN', scope: 'SHARE_REPORT', givenByYou: true, withdrawnAt: null });
      const stored = (await t.db.query<{ subject: string; recorded_by: string }[]>(`SELECT subject, recorded_by FROM consents WHERE id = $1`, [consent.body.id]))[0]!;
      expect(stored).toEqual({ subject: 'GUARDIAN', recorded_by: ids.guardian });
      const views = await as('guardian')
        .post(`/api/cases/${caseId}/minor-views`, { context: 'RETURN', words: 'Non voglio tornare adesso.', language: 'Arabo', mediatorPresent: true, mediatorName: 'Mediatrice (demo)', expressedOn: '2026-01-10' })
        .expect(201);
      expect(views.body).toMatchObject({ words: 'Non voglio tornare adesso.', relayedBy: { id: ids.guardian, role: 'guardian' } });
      const page = await as('guardian').get(`/api/portal/cases/${caseId}`).expect(200);
      expect(page.body.consents.find((c: { id: string }) => c.id === consent.body.id)).toMatchObject({ givenByYou: true });
      expect(page.body.minorViews.map((v: { id: string }) => v.id)).toEqual([views.body.id]);
      expect((await as('caseworker').get(`/api/cases/${caseId}/minor-views`).expect(200)).body.items[0].words).toBe('Non voglio tornare adesso.');
      // The words stay out of the history and the audit trail.
      const trail = await t.db.query<{ detail: unknown }[]>(`SELECT detail FROM audit_event WHERE case_id = $1 UNION ALL SELECT detail FROM case_history WHERE case_id = $1`, [caseId]);
      expect(JSON.stringify(trail)).not.toContain('Non voglio tornare');
      // Social services see the consents, not the views.
      const ss = await as('social.milano').get(`/api/portal/cases/${caseId}`).expect(200);
      expect(ss.body).not.toHaveProperty('minorViews');
      expect(ss.body.consents.find((c: { id: string }) => c.id === consent.body.id)).toMatchObject({ givenByYou: false });
      await as('social.milano').get(`/api/cases/${caseId}/minor-views`).expect(403);
      await as('guardian2').post(`/api/cases/${caseId}/minor-views`, { context: 'GENERAL', words: 'Ciao ciao ciao', language: 'it', mediatorPresent: false, expressedOn: '2026-01-10' }).expect(404);
    });

    it('withdrawing consent to tracing ends the intervention: the case is withdrawn and tracing cancelled', async () => {
      const caseId = await milanoCase('TRACING_IN_PROGRESS');
      const mission = (await t.db.query<{ id: string }[]>(`SELECT id FROM organisations WHERE type = 'IOM_MISSION' AND country = 'EG'`))[0]!.id;
      await t.db.query(
        `INSERT INTO tracing_requests (case_id, mission_id, target_country, status, packet, sent_at, due_at, sent_by) VALUES ($1, $2, 'EG', 'IN_PROGRESS', '{}', app_now() - interval '2 days', app_now() + interval '20 days', $3)`,
        [caseId, mission, ids.caseworker],
      );
      const given = await as('guardian').post(`/api/cases/${caseId}/guardian-consents`, { scope: 'TRACING', givenAt: new Date(t.clock.now().getTime() - 60_000).toISOString() }).expect(201);
      // Someone else's consent cannot be withdrawn here.
      const minorConsent = (await t.db.query<{ id: string }[]>(
        `INSERT INTO consents (case_id, subject, scope, language, mediator_present, informed_by, minor_words, given_at, recorded_by) VALUES ($1, 'MINOR', 'TRACING', 'Arabo', false, 'OIM', 'Sì', app_now(), $2) RETURNING id`,
        [caseId, ids.caseworker],
      ))[0]!.id;
      await as('guardian').post(`/api/cases/${caseId}/guardian-consents/${minorConsent}/withdraw`, { reason: 'Prova di revoca' }).expect(404);
      const version = (await t.db.query<{ version: number }[]>(`SELECT version FROM cases WHERE id = $1`, [caseId]))[0]!.version;
      const withdrawn = await as('guardian').post(`/api/cases/${caseId}/guardian-consents/${given.body.id}/withdraw`, { reason: 'Il minore non vuole più' }).expect(200);
      expect(withdrawn.body.withdrawnAt).not.toBeNull();
      const after = (await t.db.query<{ state: string; version: number }[]>(`SELECT state, version FROM cases WHERE id = $1`, [caseId]))[0]!;
      expect(after).toEqual({ state: 'WITHDRAWN', version: version + 1 });
      expect((await t.db.query<{ status: string }[]>(`SELECT status FROM tracing_requests WHERE case_id = $1`, [caseId]))[0]!.status).toBe('CANCELLED');
      await as('guardian').post(`/api/cases/${caseId}/guardian-consents/${given.body.id}/withdraw`, { reason: 'Ancora' }).expect(409);
      // A closed case takes no new consent.
      await as('guardian').post(`/api/cases/${caseId}/guardian-consents`, { scope: 'PHOTO', givenAt: testNow().toISOString() }).expect(409);
    });

    it('withdrawing consent to photos leaves the case as it is', async () => {
      const caseId = await milanoCase();
      const given = await as('guardian').post(`/api/cases/${caseId}/guardian-consents`, { scope: 'PHOTO', givenAt: new Date(t.clock.now().getTime() - 60_000).toISOString() }).expect(201);
      await as('guardian').post(`/api/cases/${caseId}/guardian-consents/${given.body.id}/withdraw`, { reason: 'Niente foto' }).expect(200);
      expect((await t.db.query<{ state: string }[]>(`SELECT state FROM cases WHERE id = $1`, [caseId]))[0]!.state).toBe('SCREENING');
    });

    it('uploads only the document types of the role, always as received, and sees only their own uploads', async () => {
      const caseId = await milanoCase();
      const staffDoc = await upload('caseworker', `/api/cases/${caseId}/documents`, { type: 'CORRESPONDENCE', title: 'Nota interna', language: 'it' }).expect(201);
      const mine = await upload('guardian', `/api/cases/${caseId}/documents`, { type: 'CONSENT', title: 'Consenso firmato', language: 'it', origin: 'PRODUCED' }).expect(201);
      expect(mine.body).toMatchObject({ type: 'CONSENT', origin: 'RECEIVED', uploadedBy: { id: ids.guardian } });
      const refused = await upload('guardian', `/api/cases/${caseId}/documents`, { type: 'COURT_DECREE', title: 'Decreto', language: 'it' }).expect(400);
      expect(refused.body.details.fields).toEqual([expect.objectContaining({ path: 'type', code: 'not_allowed' })]);
      const ssDoc = await upload('social.milano', `/api/cases/${caseId}/documents`, { type: 'SOCIAL_SERVICES_REPORT', title: 'Relazione', language: 'it' }).expect(201);
      const list = await as('guardian').get(`/api/cases/${caseId}/documents`).expect(200);
      expect(list.body.items.map((d: { id: string }) => d.id)).toEqual([mine.body.id]);
      await as('guardian').get(`/api/documents/${staffDoc.body.id}/content`).expect(404);
      await as('guardian').get(`/api/documents/${ssDoc.body.id}/content`).expect(404);
      await as('guardian').get(`/api/documents/${mine.body.id}/content`).expect(200);
      expect((await as('caseworker').get(`/api/cases/${caseId}/documents`).expect(200)).body.items).toHaveLength(3);
      expect((await lastAudit('guardian'))).toMatchObject({ action: 'DOCUMENT_DOWNLOADED', entity_id: mine.body.id });
    });
  });

  describe('social services', () => {
    it('ask for continuation of support after 18, within the 21st birthday', async () => {
      const caseId = await milanoCase();
      const dob = (await t.db.query<{ dob: string }[]>(`SELECT to_char(m.date_of_birth, 'YYYY-MM-DD') AS dob FROM cases c JOIN minors m ON m.id = c.minor_id WHERE c.id = $1`, [caseId]))[0]!.dob;
      const year = Number(dob.slice(0, 4));
      const tooLate = await as('social.milano').post(`/api/cases/${caseId}/prosieguo-requests`, { reasons: 'Percorso di integrazione avviato', requestedUntil: addYears(dob, 22) }).expect(400);
      expect(tooLate.body.details.fields).toEqual([expect.objectContaining({ path: 'requestedUntil', code: 'after_21st_birthday' })]);
      const tooEarly = await as('social.milano').post(`/api/cases/${caseId}/prosieguo-requests`, { reasons: 'Percorso di integrazione avviato', requestedUntil: `${year + 17}-12-31` }).expect(400);
      expect(tooEarly.body.details.fields[0].code).toMatch(/before_18th_birthday|in_past/);
      const ok = await as('social.milano').post(`/api/cases/${caseId}/prosieguo-requests`, { reasons: 'Percorso di integrazione avviato', requestedUntil: addYears(dob, 20) }).expect(201);
      expect(ok.body).toMatchObject({ requestedBy: { id: ids['social.milano'] }, requestedUntil: addYears(dob, 20) });
      expect((await as('guardian').get(`/api/cases/${caseId}/prosieguo-requests`).expect(200)).body.items).toHaveLength(1);
      expect((await as('caseworker').get(`/api/cases/${caseId}/prosieguo-requests`).expect(200)).body.items).toHaveLength(1);
      await as('social.palermo').post(`/api/cases/${caseId}/prosieguo-requests`, { reasons: 'Percorso di integrazione avviato' }).expect(404);
      await as('guardian').post(`/api/cases/${caseId}/prosieguo-requests`, { reasons: 'Percorso di integrazione avviato' }).expect(403);
      expect(await t.db.query(`SELECT 1 FROM prosieguo_requests WHERE case_id = $1`, [caseId])).toHaveLength(1);
    });
  });

  describe('time-limited court access', () => {
    it('opens the case to a court until the expiry, audits its reads, and ends on revocation', async () => {
      const caseId = await milanoCase();
      await as('court.palermo').get(`/api/cases/${caseId}`).expect(404);
      const expiresAt = new Date(t.clock.now().getTime() + 2 * DAY).toISOString();
      const granted = await as('supervisor').post(`/api/cases/${caseId}/court-access`, { courtOrganisationId: orgs.tmPalermo, expiresAt, reason: 'Udienza del 12' }).expect(201);
      expect(granted.body).toMatchObject({ court: { id: orgs.tmPalermo }, expiresAt, live: true, grantedBy: { id: ids.supervisor } });
      await as('court.palermo').get(`/api/cases/${caseId}`).expect(200);
      expect(await lastAudit('court.palermo')).toMatchObject({ action: 'CASE_VIEWED', case_id: caseId });
      await as('court.palermo').get(`/api/portal/cases/${caseId}`).expect(200);
      expect(await lastAudit('court.palermo')).toMatchObject({ action: 'PORTAL_CASE_VIEWED', case_id: caseId });

      t.clock.advance(2 * DAY + 60_000);
      try {
        const fresh = await t.login(demoEmail('court.palermo'));
        await t.as(fresh).get(`/api/cases/${caseId}`).expect(404);
        const list = await t.as(fresh).get('/api/cases?limit=100').expect(200);
        expect(list.body.items.map((c: { id: string }) => c.id)).not.toContain(caseId);
        const supervisor = await t.login(demoEmail('supervisor'));
        const grants = await t.as(supervisor).get(`/api/cases/${caseId}/court-access`).expect(200);
        expect(grants.body.items.find((g: { id: string }) => g.id === granted.body.id)).toMatchObject({ live: false });
        await t.as(supervisor).post(`/api/cases/${caseId}/court-access/${granted.body.id}/revoke`).expect(409);
      } finally {
        t.clock.reset();
      }
    });

    it('revokes a live access at once, and validates the grant', async () => {
      const caseId = await milanoCase();
      const granted = await as('supervisor')
        .post(`/api/cases/${caseId}/court-access`, { courtOrganisationId: orgs.tmPalermo, expiresAt: new Date(t.clock.now().getTime() + 10 * DAY).toISOString(), reason: 'Udienza' })
        .expect(201);
      await as('court.palermo').get(`/api/cases/${caseId}`).expect(200);
      await as('supervisor').post(`/api/cases/${caseId}/court-access/${granted.body.id}/revoke`).expect(200);
      await as('court.palermo').get(`/api/cases/${caseId}`).expect(404);
      const bad = await as('supervisor').post(`/api/cases/${caseId}/court-access`, { courtOrganisationId: orgs.ssMilano, expiresAt: new Date(t.clock.now().getTime() - DAY).toISOString(), reason: 'Udienza' }).expect(400);
      expect(bad.body.details.fields.map((f: { path: string; code: string }) => `${f.path}:${f.code}`).sort()).toEqual(['courtOrganisationId:wrong_type', 'expiresAt:in_past']);
      const tooLong = await as('supervisor').post(`/api/cases/${caseId}/court-access`, { courtOrganisationId: orgs.tmPalermo, expiresAt: new Date(t.clock.now().getTime() + 400 * DAY).toISOString(), reason: 'Udienza' }).expect(400);
      expect(tooLong.body.details.fields[0]).toMatchObject({ path: 'expiresAt', code: 'too_long' });
      await as('caseworker').post(`/api/cases/${caseId}/court-access`, { courtOrganisationId: orgs.tmPalermo, expiresAt: new Date(t.clock.now().getTime() + DAY).toISOString(), reason: 'Udienza' }).expect(403);
    });
  });

  describe('the portal case page', () => {
    it('gives a court only what is filed before it, masking a field officer who uploaded it', async () => {
      const caseId = await milanoCase();
      await t.db.query(`INSERT INTO case_grants (case_id, organisation_id, relation) VALUES ($1, $2, 'court')`, [caseId, orgs.tmMilano]);
      const ss = await upload('social.milano', `/api/cases/${caseId}/documents`, { type: 'SOCIAL_SERVICES_REPORT', title: 'Relazione dei servizi', language: 'it' }).expect(201);
      const other = await upload('caseworker', `/api/cases/${caseId}/documents`, { type: 'CORRESPONDENCE', title: 'Non depositato', language: 'it' }).expect(201);
      // A document the field officer uploaded, filed before the court.
      const fieldDoc = (await t.db.query<{ id: string }[]>(
        `INSERT INTO documents (case_id, type, title, language, origin, file_name, media_type, size_bytes, sha256, uploaded_by, uploaded_at)
         VALUES ($1, 'FAMILY_ASSESSMENT_ORIGINAL', 'Originale', 'ar', 'RECEIVED', 'o.pdf', 'application/pdf', 10, $2, $3, app_now()) RETURNING id`,
        [caseId, 'b'.repeat(64), ids['field.cairo']],
      ))[0]!.id;
      await t.db.query(
        `INSERT INTO court_proceedings (case_id, kind, court_organisation_id, docket_number, filed_by, filed_by_name, filed_on, social_services_document_id, other_document_ids, recorded_by, created_at)
         VALUES ($1, 'AVR_ART8', $2, 'RG 1/2026', 'GUARDIAN', 'Tutore', app_today(), $3, $4, $5, app_now())`,
        [caseId, orgs.tmMilano, ss.body.id, [fieldDoc], ids.caseworker],
      );
      const page = await as('court.milano').get(`/api/portal/cases/${caseId}`).expect(200);
      expect(page.body.documents.map((d: { id: string }) => d.id).sort()).toEqual([ss.body.id, fieldDoc].sort());
      expect(page.body).not.toHaveProperty('consents');
      expect(page.body).not.toHaveProperty('minorViews');
      expect(page.body.courtProceedings).toEqual([expect.objectContaining({ docketNumber: 'RG 1/2026', court: { id: orgs.tmMilano, name: expect.any(String) }, hearings: [], decision: null })]);
      const masked = page.body.documents.find((d: { id: string }) => d.id === fieldDoc);
      expect(masked.uploadedBy).toEqual({ id: expect.any(String), displayName: expect.stringContaining('Missione') });
      expect(JSON.stringify(page.body)).not.toContain(ids['field.cairo']!);
      await as('court.milano').get(`/api/documents/${other.body.id}/content`).expect(404);
      await as('court.milano').get(`/api/documents/${ss.body.id}/content`).expect(200);
      // The guardian's page shows the court dates and outcome of every proceeding.
      const guardian = await as('guardian').get(`/api/portal/cases/${caseId}`).expect(200);
      expect(guardian.body.courtProceedings).toHaveLength(1);
      // Another court sees nothing of it.
      await as('court.palermo').get(`/api/portal/cases/${caseId}`).expect(404);
    });
  });

  describe('the data-protection officer', () => {
    it('reads the audit trail with filters, including refusals, and each look is audited', async () => {
      const caseId = await milanoCase();
      await as('guardian2').get(`/api/cases/${caseId}/documents`).expect(404);
      await as('guardian2').get(`/api/cases/${caseId}`).expect(404);
      const denied = await as('dpo').get(`/api/dpo/audit?denied=true&actorId=${ids.guardian2}&limit=10`).expect(200);
      expect(denied.body.items.slice(0, 2).map((e: { action: string; entityType: string; entityId: string }) => [e.action, e.entityType, e.entityId])).toEqual([
        ['CASE_ACCESS_DENIED', 'case', caseId],
        ['ACCESS_DENIED', 'case', caseId],
      ]);
      const log = await as('dpo').get(`/api/dpo/cases/${caseId}/access-log`).expect(200);
      expect(log.body.items.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['CASE_ACCESS_DENIED', 'ACCESS_DENIED']));
      expect(log.body.items.every((e: { caseNumber: string | null; caseId: string }) => e.caseId === caseId)).toBe(true);
      expect(await lastAudit('dpo')).toMatchObject({ action: 'CASE_ACCESS_LOG_VIEWED', entity_id: caseId });
      const filtered = await as('dpo').get('/api/dpo/audit?action=CASE_ACCESS_DENIED&limit=100').expect(200);
      expect(filtered.body.items.every((e: { action: string }) => e.action === 'CASE_ACCESS_DENIED')).toBe(true);
      await as('dpo').get('/api/dpo/audit?action=drop table').expect(400);
      await as('supervisor').get('/api/dpo/audit').expect(403);
    });

    it('verifies the hash chain and reports the head to anchor; a tampered row shows', async () => {
      const ok = await as('dpo').get('/api/dpo/audit/verification').expect(200);
      expect(ok.body).toMatchObject({ ok: true, firstBrokenSeq: null, headHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
      const head = (await t.db.query<{ hash: string }[]>(`SELECT encode(row_hash, 'hex') AS hash FROM audit_event WHERE seq = $1`, [ok.body.headSeq]))[0]!;
      expect(ok.body.headHash).toBe(head.hash);
      expect((await lastAudit('dpo'))?.action).toBe('AUDIT_CHAIN_VERIFIED');
      // Tamper as the database owner would (triggers off), then verify again.
      await t.db.transaction(async (tx) => {
        await tx.query(`ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update`);
        await tx.query(`UPDATE audit_event SET detail = '{"tampered":true}' WHERE seq = 5`);
        await tx.query(`ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update`);
      });
      const broken = await as('dpo').get('/api/dpo/audit/verification').expect(200);
      expect(broken.body).toMatchObject({ ok: false, firstBrokenSeq: 5 });
    });

    it('reads the disclosure register with receipts', async () => {
      const page = await as('dpo').get('/api/dpo/disclosures?limit=5').expect(200);
      expect(page.body.items).toHaveLength(5);
      expect(page.body.items[0]).toEqual(expect.objectContaining({ caseNumber: expect.any(String), contentSha256: expect.stringMatching(/^[0-9a-f]{64}$/), approvedBy: expect.any(Object) }));
      expect(page.body.nextCursor).not.toBeNull();
      await as('ministry').get('/api/dpo/disclosures').expect(403);
    });
  });
});
