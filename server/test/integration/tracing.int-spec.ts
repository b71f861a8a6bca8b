import { romeDay } from '@app/contracts';
import { packetSha256 } from '../../src/tracing/tracing-packet';
import { createTracingRequestForSeed } from '../../src/tracing/tracing.service';
import { FETCH, createTestApp, demoEmail, type TestApp } from '../setup/test-app';
import { testNow } from '../setup/test-clock';

// Family tracing through the API: the packet that leaves Italy, the mission's field work, the
// firewall between the case file and the field (domain.md §8 rules 2, 3, 4, 8).

const MARK = 'MRK7Q';
// Every protected field of the minor, the case and the case file gets a unique marker; no field
// officer response may ever contain one.
const MARKERS = {
  region: `${MARK}-region`,
  municipality: `${MARK}-municipality`,
  receptionFacility: `${MARK}-reception-facility`,
  legalStatus: `${MARK}-legal-status-asylum`,
  trafficking: `${MARK}-trafficking-indicators`,
  health: `${MARK}-health-notes`,
  vulnerability: `${MARK}-vulnerability`,
  internalNotes: `${MARK}-internal-notes`,
  extras: `${MARK}-case-extras`,
  dgProtocol: `${MARK}-dg-protocol`,
  guardian: `${MARK}-guardian-name`,
  minorWords: `${MARK}-minor-words`,
  mediatorName: `${MARK}-mediator-name`,
  riskToMinor: `${MARK}-risk-to-minor`,
  riskToFamily: `${MARK}-risk-to-family`,
  areaSecurity: `${MARK}-area-security`,
  dncReason: `${MARK}-dnc-reason`,
  dncAddress: `${MARK}-dnc-address`,
  dncPhone: `+20 ${MARK} 999`,
  safetyConcern: `${MARK}-safety-concern`,
};

const isoNow = () => testNow().toISOString();
const today = () => romeDay(testNow());
const minorConsent = () => ({
  subject: 'MINOR',
  scope: 'TRACING',
  language: 'Arabic (Egyptian)',
  mediatorPresent: true,
  mediatorName: MARKERS.mediatorName,
  informedBy: 'Marco Bellini',
  minorWords: MARKERS.minorWords,
  givenAt: isoNow(),
});
const riskCheck = (decision = 'PROCEED') => ({
  stage: 'PRE_TRACING',
  riskToMinor: MARKERS.riskToMinor,
  riskToFamily: MARKERS.riskToFamily,
  protectionStatusConflict: true,
  traffickingConcern: true,
  areaSecurity: MARKERS.areaSecurity,
  decision,
  ...(decision === 'PROCEED_WITH_MITIGATION' ? { mitigation: 'Call before visiting; meet only the mother' } : {}),
});
const sections = {
  household: 'الأم وثلاثة أطفال',
  housing: 'Two rooms, rented',
  livelihood: 'Day labour',
  careCapacity: 'Willing and able',
  recommendations: 'Family contact by phone',
};

describe('family tracing', () => {
  let t: TestApp;
  let supervisor: string;
  let caseworker: string;
  let cairo: string;
  let dhaka: string;
  let missionEg: string;

  beforeAll(async () => {
    t = await createTestApp();
    [supervisor, caseworker, cairo, dhaka] = await Promise.all([
      t.login(demoEmail('supervisor')),
      t.login(demoEmail('caseworker')),
      t.login(demoEmail('field.cairo')),
      t.login(demoEmail('field.dhaka')),
    ]);
    missionEg = (await t.db.query<{ id: string }[]>(`SELECT id FROM organisations WHERE type = 'IOM_MISSION' AND country = 'EG'`))[0]!.id;
  });
  afterAll(() => t.close());

  const put = (cookie: string, path: string, body: object, ifMatch?: number | string) => {
    const req = t.http.put(path).set('cookie', cookie).set(FETCH);
    return (ifMatch === undefined ? req : req.set('if-match', String(ifMatch))).send(body);
  };
  // A new case of caseworker@ (an Egyptian minor: the Cairo mission traces) in the given state,
  // with none of the seeded records.
  const caseIn = (state: string) => t.blankCase(state, { nationality: 'EG' });
  const snapshot = async (caseId: string) => (await t.db.query<{ state: string; version: number }[]>(`SELECT state, version FROM cases WHERE id = $1`, [caseId]))[0]!;
  // Fires a transition with the current version and checks the answer's status.
  const fire = async (cookie: string, caseId: string, to: string, status = 200) => {
    const { version } = await snapshot(caseId);
    const response = await t.as(cookie).post(`/api/cases/${caseId}/transitions`, { to }).set('if-match', String(version));
    expect({ to, status: response.status, body: response.status === status ? undefined : response.body }).toEqual({ to, status, body: undefined });
    return response;
  };
  const count = async (sql: string, params: unknown[]) => Number((await t.db.query<{ n: string }[]>(sql, params))[0]!.n);

  interface Family {
    mother: string;
    sister: string;
    uncle: string;
  }
  const addFamily = async (caseId: string): Promise<Family> => {
    const add = async (body: object) => (await t.as(caseworker).post(`/api/cases/${caseId}/family-members`, body).expect(201)).body.id as string;
    return {
      mother: await add({ relationship: 'mother', firstName: 'Amina', lastName: 'Ibrahim', aliases: ['Umm Mohamed'], country: 'EG', locality: 'Kafr El-Sheikh', address: '12 Nile Street', phones: ['+20 100 555 0101'] }),
      sister: await add({ relationship: 'sister', firstName: 'Fatma', lastName: 'Ibrahim', country: 'EG', locality: 'Kafr El-Sheikh', address: 'sister-address-77', phones: ['+20 100 555 0202'], safetyConcern: MARKERS.safetyConcern }),
      uncle: await add({
        relationship: 'uncle',
        firstName: 'Khaled',
        lastName: 'Ibrahim',
        country: 'EG',
        locality: 'Alexandria',
        address: MARKERS.dncAddress,
        phones: [MARKERS.dncPhone],
        doNotContact: true,
        doNotContactReason: MARKERS.dncReason,
      }),
    };
  };
  // Minor's consent and an approved pre-tracing risk check; returns the consent id.
  const gates = async (caseId: string, decision = 'PROCEED') => {
    const consent = (await t.as(caseworker).post(`/api/cases/${caseId}/consents`, minorConsent()).expect(201)).body.id as string;
    const risk = (await t.as(caseworker).post(`/api/cases/${caseId}/risk-checks`, riskCheck(decision)).expect(201)).body.id as string;
    await t.as(supervisor).post(`/api/cases/${caseId}/risk-checks/${risk}/approve`).expect(200);
    return consent;
  };
  // Every protected field of the minor and the case set to its marker, a guardian whose name is a marker.
  const plantMarkers = async (caseId: string) => {
    await t.db.query(
      `UPDATE minors SET region = $2, municipality = $3, reception_facility = $4, reception_type = 'SAI', legal_status = $5, asylum_applicant = true,
          trafficking_indicators = $6, health_notes = $7, vulnerabilities = ARRAY[$8]
        WHERE id = (SELECT minor_id FROM cases WHERE id = $1)`,
      [caseId, MARKERS.region, MARKERS.municipality, MARKERS.receptionFacility, MARKERS.legalStatus, MARKERS.trafficking, MARKERS.health, MARKERS.vulnerability],
    );
    await t.db.query(`UPDATE cases SET internal_notes = $2, extras = $3, dg_protocol_no = $4 WHERE id = $1`, [
      caseId, MARKERS.internalNotes, JSON.stringify({ socialServicesReport: MARKERS.extras, courtFile: MARKERS.extras }), MARKERS.dgProtocol,
    ]);
    await t.db.query(`UPDATE users SET display_name = $1 WHERE email = $2`, [MARKERS.guardian, demoEmail('guardian')]);
    await t.db.query(
      `INSERT INTO case_grants (case_id, user_id, relation, reason) SELECT $1, id, 'guardian', 'test' FROM users WHERE email = $2`,
      [caseId, demoEmail('guardian')],
    );
  };

  // Raw bodies of every answer a field officer received: the firewall check reads them all.
  const fieldBodies: string[] = [];
  const asField = async <T extends { text: string }>(response: Promise<T> | T): Promise<T> => {
    const r = await response;
    fieldBodies.push(r.text);
    return r;
  };

  describe('the full path, from the packet to the translated assessment', () => {
    let caseId: string;
    let family: Family;
    let requestId: string;

    it('brings a case to READY_FOR_TRACING with relatives, consent and an approved risk check', async () => {
      caseId = await caseIn('RECEIVED');
      await fire(caseworker, caseId, 'SCREENING');
      family = await addFamily(caseId);
      await gates(caseId, 'PROCEED_WITH_MITIGATION');
      await plantMarkers(caseId);
      await fire(supervisor, caseId, 'READY_FOR_TRACING');
      expect((await snapshot(caseId)).state).toBe('READY_FOR_TRACING');
    });

    it('sends the packet: a redacted snapshot, a field_mission grant, history and audit, and tracing starts', async () => {
      const before = await snapshot(caseId);
      const response = await t.as(caseworker).post(`/api/cases/${caseId}/tracing-requests`, {
        targetCountry: 'eg',
        targetMemberIds: [family.mother],
        questions: ['Can the mother care for him?', 'Who paid for the journey?'],
        safetyNotes: 'Never mention the uncle; phone first.',
      }).expect(201);
      requestId = response.body.id;
      expect(response.body).toMatchObject({ caseId, status: 'SENT', targetCountry: 'EG', mission: { id: missionEg } });
      const packet = response.body.packet;
      expect(packet.minor).toMatchObject({ nationality: expect.any(String), sex: expect.any(String) });
      expect(packet.targetMembers).toEqual([expect.objectContaining({ id: family.mother, address: '12 Nile Street', phones: ['+20 100 555 0101'] })]);
      expect(packet.otherMembers).toEqual([expect.objectContaining({ id: family.sister, relationship: 'sister' })]);
      expect(packet.otherMembers[0]).not.toHaveProperty('address');
      expect(packet.doNotContact).toEqual([{ id: family.uncle, relationship: 'uncle', firstName: 'Khaled', lastName: 'Ibrahim', warning: 'DO_NOT_CONTACT' }]);
      expect(packet.questions).toEqual(['Can the mother care for him?', 'Who paid for the journey?']);
      expect(packet.safety).toMatchObject({ decision: 'PROCEED_WITH_MITIGATION', mitigation: 'Call before visiting; meet only the mother', notes: 'Never mention the uncle; phone first.' });
      expect(JSON.stringify(packet)).not.toContain(MARK);
      const due = Date.parse(response.body.dueAt) - Date.parse(response.body.sentAt);
      expect(Math.round(due / 86_400_000)).toBe(30);

      // The case moved in the same transaction, through start_tracing.
      expect(await snapshot(caseId)).toEqual({ state: 'TRACING_IN_PROGRESS', version: before.version + 1 });
      const transitions = await t.db.query<{ detail: { transition: string } }[]>(`SELECT detail FROM case_history WHERE case_id = $1 AND kind = 'TRANSITION' AND to_state = 'TRACING_IN_PROGRESS'`, [caseId]);
      expect(transitions.map((h) => h.detail.transition)).toEqual(['start_tracing']);

      const stored = (await t.db.query<{ packet: object; packet_sha256: string; minor_consent_id: string; risk_check_id: string }[]>(`SELECT packet, packet_sha256, minor_consent_id, risk_check_id FROM tracing_requests WHERE id = $1`, [requestId]))[0]!;
      expect(stored.packet_sha256).toBe(packetSha256(stored.packet));
      expect(stored.minor_consent_id).toBe(packet.minorConsent.consentId);
      expect(stored.risk_check_id).toBe(packet.safety.riskCheckId);
      const audit = await t.db.query<{ detail: { packetSha256: string } }[]>(`SELECT detail FROM audit_event WHERE action = 'TRACING_REQUEST_SENT' AND entity_id = $1`, [requestId]);
      expect(audit.map((a) => a.detail.packetSha256)).toEqual([stored.packet_sha256]);
      expect(await count(`SELECT count(*) AS n FROM case_history WHERE case_id = $1 AND kind = 'TRACING_REQUEST_SENT'`, [caseId])).toBe(1);
      expect(await count(`SELECT count(*) AS n FROM case_grants WHERE case_id = $1 AND relation = 'field_mission' AND organisation_id = $2`, [caseId, missionEg])).toBe(1);
    });

    it('lets the mission list and open the packet, audited as a view', async () => {
      const list = await asField(t.as(cairo).get('/api/tracing-requests').expect(200));
      const item = list.body.items.find((i: { id: string }) => i.id === requestId);
      expect(item).toMatchObject({ caseId, status: 'SENT', targetCountry: 'EG', targetMemberCount: 1, contactAttemptCount: 0, overdue: false });
      expect(item.minorDisplayName).toEqual(expect.any(String));
      const detail = await asField(t.as(cairo).get(`/api/tracing-requests/${requestId}`).expect(200));
      expect(detail.body.packet.targetMembers[0].id).toBe(family.mother);
      expect(detail.body.assessment).toBeNull();
      expect(await count(`SELECT count(*) AS n FROM audit_event WHERE action = 'TRACING_REQUEST_VIEWED' AND entity_id = $1 AND actor_role = 'field_officer'`, [requestId])).toBe(1);
    });

    it('refuses an outcome before any contact attempt, and an assessment before the outcome', async () => {
      const outcome = await asField(t.as(cairo).post(`/api/tracing-requests/${requestId}/outcome`, { outcome: 'LOCATED', notes: 'Found at home' }).expect(422));
      expect(outcome.body.details.unmet.map((u: { code: string }) => u.code)).toEqual(['CONTACT_ATTEMPT_LOGGED']);
      const early = await asField(put(cairo, `/api/tracing-requests/${requestId}/assessment`, { interviewDate: today(), interviewMode: 'HOME_VISIT', personsPresent: ['Amina'], languageOriginal: 'Arabic', sections }).expect(422));
      expect(early.body.details.unmet.map((u: { code: string }) => u.code)).toEqual(['TRACING_OUTCOME_RECORDED']);
      expect((await t.db.query<{ status: string }[]>(`SELECT status FROM tracing_requests WHERE id = $1`, [requestId]))[0]!.status).toBe('SENT');
    });

    it('blocks a contact attempt with a "do not contact" relative and changes nothing', async () => {
      const before = await count(`SELECT count(*) AS n FROM contact_attempts WHERE tracing_request_id = $1`, [requestId]);
      const blocked = await asField(t.as(cairo).post(`/api/tracing-requests/${requestId}/contact-attempts`, { attemptedAt: isoNow(), channel: 'PHONE', result: 'Called', familyMemberId: family.uncle }).expect(400));
      expect(blocked.body).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [expect.objectContaining({ path: 'familyMemberId', code: 'do_not_contact' })] } });
      expect(await count(`SELECT count(*) AS n FROM contact_attempts WHERE tracing_request_id = $1`, [requestId])).toBe(before);
      expect((await t.db.query<{ status: string }[]>(`SELECT status FROM tracing_requests WHERE id = $1`, [requestId]))[0]!.status).toBe('SENT');
      const consent = await asField(t.as(cairo).post(`/api/tracing-requests/${requestId}/family-consents`, { familyMemberId: family.uncle, scope: 'INTERVIEW', language: 'Arabic', informedBy: 'Nour', givenAt: isoNow() }).expect(400));
      expect(consent.body.details.fields[0]).toMatchObject({ path: 'familyMemberId', code: 'do_not_contact' });
    });

    it('records attempts (SENT → IN_PROGRESS), family consents and the outcome LOCATED', async () => {
      // The forms give times to the minute: the minute the request was sent is accepted, the one before is not.
      const sentAt = (await t.db.query<{ sent_at: Date }[]>(`SELECT sent_at FROM tracing_requests WHERE id = $1`, [requestId]))[0]!.sent_at;
      const sentMinute = Math.floor(sentAt.getTime() / 60_000) * 60_000;
      const early = await asField(t.as(cairo).post(`/api/tracing-requests/${requestId}/contact-attempts`, { attemptedAt: new Date(sentMinute - 1).toISOString(), channel: 'PHONE', result: 'x y z' }).expect(400));
      expect(early.body.details.fields[0]).toMatchObject({ path: 'attemptedAt', code: 'before_sent' });
      const first = await asField(t.as(cairo).post(`/api/tracing-requests/${requestId}/contact-attempts`, { attemptedAt: new Date(sentMinute).toISOString(), channel: 'PHONE', result: 'No answer' }).expect(201));
      expect(first.body).toMatchObject({ channel: 'PHONE', familyMemberId: null });
      await asField(t.as(cairo).post(`/api/tracing-requests/${requestId}/contact-attempts`, { attemptedAt: isoNow(), channel: 'HOME_VISIT', result: 'Mother met at home', familyMemberId: family.mother }).expect(201));
      expect((await t.db.query<{ status: string }[]>(`SELECT status FROM tracing_requests WHERE id = $1`, [requestId]))[0]!.status).toBe('IN_PROGRESS');

      const future = await asField(t.as(cairo).post(`/api/tracing-requests/${requestId}/contact-attempts`, { attemptedAt: new Date(testNow().getTime() + 86_400_000).toISOString(), channel: 'PHONE', result: 'x y z' }).expect(400));
      expect(future.body.details.fields[0]).toMatchObject({ path: 'attemptedAt', code: 'in_future' });

      const interview = await asField(t.as(cairo).post(`/api/tracing-requests/${requestId}/family-consents`, { familyMemberId: family.mother, scope: 'INTERVIEW', language: 'Arabic', informedBy: 'Nour El-Sayed', givenAt: isoNow() }).expect(201));
      expect(interview.body).toMatchObject({ familyMemberId: family.mother, scope: 'INTERVIEW', tracingRequestId: requestId });
      const consentRow = (await t.db.query<{ subject: string; case_id: string }[]>(`SELECT subject, case_id FROM consents WHERE id = $1`, [interview.body.id]))[0];
      expect(consentRow).toEqual({ subject: 'FAMILY_MEMBER', case_id: caseId });

      const outcome = await asField(t.as(cairo).post(`/api/tracing-requests/${requestId}/outcome`, { outcome: 'LOCATED', notes: 'Mother located at the last known address', interviewMode: 'HOME_VISIT' }).expect(200));
      expect(outcome.body).toMatchObject({ status: 'COMPLETED', outcome: 'LOCATED', interviewMode: 'HOME_VISIT' });
      expect(outcome.body.contactAttempts).toHaveLength(2);
      expect(outcome.body.familyConsents).toHaveLength(1);
      // Closed to further attempts and outcomes.
      await asField(t.as(cairo).post(`/api/tracing-requests/${requestId}/contact-attempts`, { attemptedAt: isoNow(), channel: 'PHONE', result: 'again' }).expect(409));
      await asField(t.as(cairo).post(`/api/tracing-requests/${requestId}/outcome`, { outcome: 'NOT_LOCATED', notes: 'changed my mind' }).expect(409));
      // The family may still consent to sharing the report at the interview.
      await asField(t.as(cairo).post(`/api/tracing-requests/${requestId}/family-consents`, { familyMemberId: family.mother, scope: 'SHARE_REPORT', language: 'Arabic', informedBy: 'Nour El-Sayed', givenAt: isoNow() }).expect(201));
      const history = await t.db.query<{ kind: string }[]>(`SELECT kind FROM case_history WHERE case_id = $1 AND kind IN ('CONTACT_ATTEMPT_RECORDED','CONSENT_RECORDED','TRACING_OUTCOME_RECORDED')
          AND (kind <> 'CONSENT_RECORDED' OR detail ->> 'tracingRequestId' = $2) ORDER BY id`, [caseId, requestId]);
      expect(history.map((h) => h.kind)).toEqual(['CONTACT_ATTEMPT_RECORDED', 'CONTACT_ATTEMPT_RECORDED', 'CONSENT_RECORDED', 'TRACING_OUTCOME_RECORDED', 'CONSENT_RECORDED']);
    });

    it('writes the assessment with optimistic locking: 428 without If-Match on update, 412 when stale, the newer text kept', async () => {
      const path = `/api/tracing-requests/${requestId}/assessment`;
      const body = { interviewDate: today(), interviewMode: 'HOME_VISIT', personsPresent: ['Amina Ibrahim (mother)', 'Fatma Ibrahim (sister)'], languageOriginal: 'Arabic', sections };
      const created = await asField(put(cairo, path, body).expect(200));
      expect(created.body).toMatchObject({ version: 1, languageOriginal: 'Arabic', personsPresent: body.personsPresent, sections });
      expect(created.body).not.toHaveProperty('translation');

      await asField(put(cairo, path, { ...body, sections: { ...sections, observations: 'without version' } }).expect(428));
      const updated = await asField(put(cairo, path, { ...body, sections: { ...sections, observations: 'Second visit: calm household' } }, 1).expect(200));
      expect(updated.body.version).toBe(2);
      const stale = await asField(put(cairo, path, { ...body, sections: { ...sections, observations: 'stale edit' } }, 1).expect(412));
      expect(stale.body).toMatchObject({ code: 'PRECONDITION_FAILED', details: { currentVersion: 2 } });
      const row = (await t.db.query<{ version: number; sections_original: { observations: string } }[]>(`SELECT version, sections_original FROM family_assessments WHERE case_id = $1`, [caseId]))[0]!;
      expect(row).toEqual({ version: 2, sections_original: expect.objectContaining({ observations: 'Second visit: calm household' }) });
      expect(await count(`SELECT count(*) AS n FROM case_history WHERE case_id = $1 AND kind IN ('FAMILY_ASSESSMENT_WRITTEN','FAMILY_ASSESSMENT_UPDATED')`, [caseId])).toBe(2);
    });

    it('lets the caseworker translate every section (If-Match), and shows the translation only to IOM Rome', async () => {
      const path = `/api/cases/${caseId}/assessment/translation`;
      const it = {
        household: 'La madre e tre figli',
        housing: 'Due stanze in affitto',
        livelihood: 'Lavoro a giornata',
        careCapacity: 'Disponibile e in grado',
        recommendations: 'Contatto telefonico con la famiglia',
        observations: 'Seconda visita: famiglia serena',
      };
      await put(caseworker, path, { sections: it }).expect(428);
      await put(caseworker, path, { sections: it }, 1).expect(412);
      const missing = await put(caseworker, path, { sections: { household: 'solo uno' } }, 2).expect(400);
      expect(missing.body.details.fields.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(['sections.housing', 'sections.observations']));
      await put(cairo, path, { sections: it }, 2).expect(403);
      const saved = await put(caseworker, path, { sections: it }, 2).expect(200);
      expect(saved.body).toMatchObject({ version: 3, translation: { sections: it, current: true, translatedBy: 'Marco Bellini (demo)' } });

      const staff = await t.as(caseworker).get(`/api/cases/${caseId}/tracing`).expect(200);
      expect(staff.body.assessment.translation.sections).toEqual(it);
      expect(staff.body.requests).toHaveLength(1);
      expect(staff.body.requests[0].contactAttempts).toHaveLength(2);
      expect(staff.body.familyConsents.map((c: { scope: string }) => c.scope)).toEqual(['INTERVIEW', 'SHARE_REPORT']);
      const byId = await t.as(caseworker).get(`/api/tracing-requests/${requestId}`).expect(200);
      expect(byId.body.assessment.translation.current).toBe(true);
      const field = await asField(t.as(cairo).get(`/api/tracing-requests/${requestId}`).expect(200));
      expect(field.body.assessment).not.toHaveProperty('translation');
      expect(field.text).not.toContain('Due stanze');
    });

    it('lets Rome confirm the location and close the assessment through the case transitions', async () => {
      await fire(caseworker, caseId, 'FAMILY_LOCATED');
      await fire(caseworker, caseId, 'ASSESSMENT_DONE');
      expect((await snapshot(caseId)).state).toBe('ASSESSMENT_DONE');
    });

    it('never lets the mission open the case itself', async () => {
      await t.as(cairo).get(`/api/cases/${caseId}`).expect(403);
      await t.as(cairo).get(`/api/cases/${caseId}/file`).expect(403);
      await t.as(cairo).get(`/api/cases/${caseId}/tracing`).expect(403);
      await t.as(cairo).post(`/api/cases/${caseId}/tracing-requests`, { targetCountry: 'EG', targetMemberIds: [family.mother] }).expect(403);
      const list = await t.as(cairo).get('/api/cases').expect(403);
      expect(list.text).not.toContain(MARK);
    });

    it('hides the request from the other mission with 404, on every route', async () => {
      await t.as(dhaka).get(`/api/tracing-requests/${requestId}`).expect(404);
      await t.as(dhaka).post(`/api/tracing-requests/${requestId}/contact-attempts`, { attemptedAt: isoNow(), channel: 'PHONE', result: 'x y z' }).expect(404);
      await t.as(dhaka).post(`/api/tracing-requests/${requestId}/family-consents`, { familyMemberId: family.mother, scope: 'INTERVIEW', language: 'Bangla', informedBy: 'Tanvir', givenAt: isoNow() }).expect(404);
      await t.as(dhaka).post(`/api/tracing-requests/${requestId}/outcome`, { outcome: 'NOT_LOCATED', notes: 'x y z' }).expect(404);
      await put(dhaka, `/api/tracing-requests/${requestId}/assessment`, { interviewDate: today(), interviewMode: 'PHONE', personsPresent: ['x y'], languageOriginal: 'Bangla', sections: { household: 'x' } }, 2).expect(404);
      const list = await t.as(dhaka).get('/api/tracing-requests').expect(200);
      expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(requestId);
      // Nor may a caseworker who is not on the case read it.
      const other = await t.login(demoEmail('caseworker2'));
      await t.as(other).get(`/api/tracing-requests/${requestId}`).expect(404);
      await t.as(other).get(`/api/cases/${caseId}/tracing`).expect(404);
    });
  });

  describe('gates on the packet', () => {
    it('refuses a "do not contact" target with a field error and writes nothing', async () => {
      const caseId = await caseIn('TRACING_IN_PROGRESS');
      const family = await addFamily(caseId);
      await gates(caseId);
      const fingerprint = async () => ({
        requests: await count(`SELECT count(*) AS n FROM tracing_requests WHERE case_id = $1`, [caseId]),
        history: await count(`SELECT count(*) AS n FROM case_history WHERE case_id = $1`, [caseId]),
        grants: await count(`SELECT count(*) AS n FROM case_grants WHERE case_id = $1`, [caseId]),
        audit: await count(`SELECT count(*) AS n FROM audit_event WHERE case_id = $1`, [caseId]),
        case: await snapshot(caseId),
      });
      const before = await fingerprint();
      const response = await t.as(caseworker).post(`/api/cases/${caseId}/tracing-requests`, { targetCountry: 'EG', targetMemberIds: [family.mother, family.uncle] }).expect(400);
      expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ path: 'targetMemberIds.1', code: 'do_not_contact', message: expect.any(String) }] } });
      expect(response.text).not.toContain(MARKERS.dncReason);
      expect(await fingerprint()).toEqual(before);
    });

    it('refuses without the minor’s consent or an approved, proceeding risk check, naming what is missing', async () => {
      const caseId = await caseIn('TRACING_IN_PROGRESS');
      const family = await addFamily(caseId);
      const send = () => t.as(caseworker).post(`/api/cases/${caseId}/tracing-requests`, { targetCountry: 'EG', targetMemberIds: [family.mother] });
      const codes = (r: { body: { details: { unmet: { code: string }[] } } }) => r.body.details.unmet.map((u) => u.code);

      const none = await send().expect(422);
      expect(none.body.code).toBe('TRANSITION_NOT_ALLOWED');
      expect(codes(none)).toEqual(['MINOR_CONSENT_TRACING', 'RISK_CHECK_PRE_TRACING_PROCEED']);

      const consent = (await t.as(caseworker).post(`/api/cases/${caseId}/consents`, minorConsent()).expect(201)).body.id;
      const risk = (await t.as(caseworker).post(`/api/cases/${caseId}/risk-checks`, riskCheck()).expect(201)).body.id;
      const unapproved = await send().expect(422);
      expect(codes(unapproved)).toEqual(['RISK_CHECK_PRE_TRACING_PROCEED']);
      await t.as(supervisor).post(`/api/cases/${caseId}/risk-checks/${risk}/approve`).expect(200);

      // A newer check that says "do not proceed" wins, even approved.
      const stop = (await t.as(caseworker).post(`/api/cases/${caseId}/risk-checks`, riskCheck('DO_NOT_PROCEED')).expect(201)).body.id;
      await t.as(supervisor).post(`/api/cases/${caseId}/risk-checks/${stop}/approve`).expect(200);
      expect(codes(await send().expect(422))).toEqual(['RISK_CHECK_PRE_TRACING_PROCEED']);
      const proceed = (await t.as(caseworker).post(`/api/cases/${caseId}/risk-checks`, riskCheck()).expect(201)).body.id;
      await t.as(supervisor).post(`/api/cases/${caseId}/risk-checks/${proceed}/approve`).expect(200);

      // A withdrawn consent does not count (withdrawing the minor's consent also withdraws the case,
      // so withdraw it in the database to test the gate alone).
      await t.db.query(`UPDATE consents SET withdrawn_at = app_now(), withdrawal_reason = 'test' WHERE id = $1`, [consent]);
      expect(codes(await send().expect(422))).toEqual(['MINOR_CONSENT_TRACING']);
      expect(await count(`SELECT count(*) AS n FROM tracing_requests WHERE case_id = $1`, [caseId])).toBe(0);

      await t.as(caseworker).post(`/api/cases/${caseId}/consents`, minorConsent()).expect(201);
      const sent = await send().expect(201);
      expect(sent.body.packet.safety.riskCheckId).toBe(proceed);
    });

    it('refuses with 409 outside READY_FOR_TRACING / TRACING_IN_PROGRESS, and names an unknown mission country', async () => {
      const screening = await caseIn('SCREENING');
      const family = await addFamily(screening);
      await gates(screening);
      const before = await snapshot(screening);
      const early = await t.as(caseworker).post(`/api/cases/${screening}/tracing-requests`, { targetCountry: 'EG', targetMemberIds: [family.mother] }).expect(409);
      expect(early.body.code).toBe('CONFLICT');
      expect(await snapshot(screening)).toEqual(before);

      const tracing = await caseIn('TRACING_IN_PROGRESS');
      const fam = await addFamily(tracing);
      await gates(tracing);
      const noMission = await t.as(caseworker).post(`/api/cases/${tracing}/tracing-requests`, { targetCountry: 'FR', targetMemberIds: [fam.mother] }).expect(400);
      expect(noMission.body.details.fields).toEqual([expect.objectContaining({ path: 'targetCountry', code: 'no_mission' })]);
      const notMine = await t.as(caseworker).post(`/api/cases/${tracing}/tracing-requests`, { targetCountry: 'EG', targetMemberIds: [family.mother] }).expect(400);
      expect(notMine.body.details.fields).toEqual([expect.objectContaining({ path: 'targetMemberIds.0', code: 'not_found' })]);
      const neither = await t.as(caseworker).post(`/api/cases/${tracing}/tracing-requests`, { targetMemberIds: [fam.mother] }).expect(400);
      expect(neither.body.details.fields).toEqual([expect.objectContaining({ path: 'targetCountry', code: 'required' })]);
      expect(await count(`SELECT count(*) AS n FROM tracing_requests WHERE case_id = $1`, [tracing])).toBe(0);
      // By mission id, with a due date.
      const dueAt = new Date(testNow().getTime() + 45 * 86_400_000).toISOString();
      const byMission = await t.as(supervisor).post(`/api/cases/${tracing}/tracing-requests`, { missionId: missionEg, targetMemberIds: [fam.mother, fam.sister], dueAt }).expect(201);
      expect(byMission.body).toMatchObject({ targetCountry: 'EG', dueAt });
      expect(byMission.body.packet.otherMembers).toEqual([]);
    });
  });

  describe('withdrawal of consent', () => {
    it('cancels the open request at once; the mission then sees only that it was cancelled', async () => {
      const caseId = await caseIn('TRACING_IN_PROGRESS');
      const family = await addFamily(caseId);
      const consent = await gates(caseId);
      await plantMarkers(caseId);
      const requestId = (await t.as(caseworker).post(`/api/cases/${caseId}/tracing-requests`, { targetCountry: 'EG', targetMemberIds: [family.mother] }).expect(201)).body.id;
      await asField(t.as(cairo).post(`/api/tracing-requests/${requestId}/contact-attempts`, { attemptedAt: isoNow(), channel: 'PHONE', result: 'Mother answered; call back' }).expect(201));
      const open = await asField(t.as(cairo).get(`/api/tracing-requests/${requestId}`).expect(200));
      expect(open.body.packet).not.toBeNull();

      await t.as(caseworker).post(`/api/cases/${caseId}/consents/${consent}/withdraw`, { reason: 'The minor no longer wants the family contacted' }).expect(200);
      expect((await snapshot(caseId)).state).toBe('WITHDRAWN');

      const cancelled = await asField(t.as(cairo).get(`/api/tracing-requests/${requestId}`).expect(200));
      expect(cancelled.body).toMatchObject({ status: 'CANCELLED', packet: null, contactAttempts: [], familyConsents: [], assessment: null, cancelReason: 'Consent withdrawn' });
      expect(cancelled.body.cancelledAt).toEqual(expect.any(String));
      expect(cancelled.text).not.toMatch(/Amina|Nile Street|Mother answered|no longer wants/);
      const list = await asField(t.as(cairo).get('/api/tracing-requests?status=CANCELLED').expect(200));
      expect(list.body.items.find((i: { id: string }) => i.id === requestId)).toMatchObject({ status: 'CANCELLED', minorDisplayName: null, targetMemberCount: null });

      const attempts = await count(`SELECT count(*) AS n FROM contact_attempts WHERE tracing_request_id = $1`, [requestId]);
      await asField(t.as(cairo).post(`/api/tracing-requests/${requestId}/contact-attempts`, { attemptedAt: isoNow(), channel: 'PHONE', result: 'x y z' }).expect(409));
      await asField(t.as(cairo).post(`/api/tracing-requests/${requestId}/outcome`, { outcome: 'LOCATED', notes: 'x y z' }).expect(409));
      await asField(t.as(cairo).post(`/api/tracing-requests/${requestId}/family-consents`, { familyMemberId: family.mother, scope: 'INTERVIEW', language: 'Arabic', informedBy: 'Nour', givenAt: isoNow() }).expect(409));
      expect(await count(`SELECT count(*) AS n FROM contact_attempts WHERE tracing_request_id = $1`, [requestId])).toBe(attempts);
      // Rome still sees the whole record.
      const staff = await t.as(caseworker).get(`/api/tracing-requests/${requestId}`).expect(200);
      expect(staff.body.packet).not.toBeNull();
      expect(staff.body.contactAttempts).toHaveLength(1);
    });
  });

  describe('a case on hold', () => {
    it('suspends field work until the case resumes', async () => {
      const caseId = await caseIn('TRACING_IN_PROGRESS');
      const family = await addFamily(caseId);
      await gates(caseId);
      const requestId = (await t.as(caseworker).post(`/api/cases/${caseId}/tracing-requests`, { targetCountry: 'EG', targetMemberIds: [family.mother] }).expect(201)).body.id;
      const attempt = { attemptedAt: isoNow(), channel: 'PHONE', result: 'No answer' };
      const { version } = await snapshot(caseId);
      await t.as(caseworker).post(`/api/cases/${caseId}/transitions`, { to: 'ON_HOLD', reason: 'Allontanamento: the minor left the facility' }).set('if-match', String(version)).expect(200);
      await asField(t.as(cairo).post(`/api/tracing-requests/${requestId}/contact-attempts`, { ...attempt, attemptedAt: isoNow() }).expect(409));
      expect(await count(`SELECT count(*) AS n FROM contact_attempts WHERE tracing_request_id = $1`, [requestId])).toBe(0);
      await t.as(caseworker).post(`/api/cases/${caseId}/transitions`, { to: 'TRACING_IN_PROGRESS', reason: 'Minor back in the facility' }).set('if-match', String(version + 1)).expect(200);
      await asField(t.as(cairo).post(`/api/tracing-requests/${requestId}/contact-attempts`, { ...attempt, attemptedAt: isoNow() }).expect(201));
    });
  });

  describe('the demo seed helper', () => {
    it('creates a request like the API does (same packet, digest, grant), and refuses a case without the gates', async () => {
      const caseId = await caseIn('TRACING_IN_PROGRESS');
      const family = await addFamily(caseId);
      const sentBy = (await t.db.query<{ id: string }[]>(`SELECT id FROM users WHERE email = $1`, [demoEmail('caseworker')]))[0]!.id;
      const input = { caseId, missionId: missionEg, targetMemberIds: [family.mother], questions: ['Is the family safe?'], sentBy, sentAt: testNow() };
      await expect(t.db.transaction((tx) => createTracingRequestForSeed(tx, input))).rejects.toThrow(/MINOR_CONSENT_TRACING/);
      await gates(caseId);
      const created = await t.db.transaction((tx) => createTracingRequestForSeed(tx, input));
      const row = (await t.db.query<{ packet: { doNotContact: unknown[] }; packet_sha256: string; status: string; target_country: string }[]>(
        `SELECT packet, packet_sha256, status, target_country FROM tracing_requests WHERE id = $1`,
        [created.id],
      ))[0]!;
      expect(row).toMatchObject({ packet_sha256: created.sha256, status: 'SENT', target_country: 'EG' });
      expect(packetSha256(row.packet)).toBe(created.sha256);
      expect(row.packet.doNotContact).toHaveLength(1);
      const seen = await asField(t.as(cairo).get(`/api/tracing-requests/${created.id}`).expect(200));
      expect(seen.body.packet.questions).toEqual(['Is the family safe?']);
    });
  });

  describe('the mission’s list', () => {
    it('pages with a cursor, newest first, without repeating a request', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: { items: { id: string; sentAt: string }[]; nextCursor: string | null } } = await asField(
          t.as(cairo).get(`/api/tracing-requests?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`).expect(200),
        );
        seen.push(...page.body.items.map((i) => i.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      const all = await t.db.query<{ id: string }[]>(`SELECT id FROM tracing_requests WHERE mission_id = $1 ORDER BY sent_at DESC, id DESC`, [missionEg]);
      expect(seen).toEqual(all.map((r) => r.id));
      expect(seen.length).toBeGreaterThanOrEqual(3);
      await t.as(cairo).get('/api/tracing-requests?cursor=not-a-cursor').expect(400);
      await t.as(caseworker).get('/api/tracing-requests').expect(403);
    });
  });

  // Last: every field-officer answer collected above, checked for every marker.
  describe('the firewall', () => {
    it('never showed a field officer a protected value of the minor or the case', () => {
      expect(fieldBodies.length).toBeGreaterThan(25);
      for (const body of fieldBodies) {
        for (const marker of Object.values(MARKERS)) expect(body).not.toContain(marker);
        expect(body).not.toContain(MARK);
        expect(body).not.toMatch(/asylum|legal_?status|legalStatus|trafficking|health|vulnerab|reception|municipality|"region"|internal_?notes|guardian|Milano|Palermo/i);
      }
    });
  });
});
