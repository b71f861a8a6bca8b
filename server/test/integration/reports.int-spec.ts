import { ASSESSMENT_SECTION_KEYS } from '@app/contracts';
import request from 'supertest';
import { createReportForSeed } from '../../src/reports/report-seed';
import { FETCH, createTestApp, demoEmail, type TestApp } from '../setup/test-app';

interface PdfPage {
  pageIndex: number;
  getTextContent(options: object): Promise<{ items: { str: string; transform: number[] }[] }>;
}
// pdf-parse 1.1.1 (its bundled pdf.js) as an independent reader: text comes back only when every
// glyph is embedded and mapped to its character. Its index.js runs a self-test when required from
// a non-module context, so the library file is loaded directly.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfParse = require('pdf-parse/lib/pdf-parse.js') as (data: Buffer, options?: { pagerender?(page: PdfPage): Promise<string> }) => Promise<{ text: string; numpages: number }>;

async function pdfPages(pdf: Buffer): Promise<string[]> {
  const pages: string[] = [];
  await pdfParse(pdf, {
    async pagerender(page) {
      const content = await page.getTextContent({ normalizeWhitespace: false, disableCombineTextItems: false });
      let lastY: number | undefined;
      let text = '';
      for (const item of content.items) {
        text += lastY === undefined || lastY === item.transform[5] ? item.str : `\n${item.str}`;
        lastY = item.transform[5];
      }
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

const ORIGINAL = Object.fromEntries(ASSESSMENT_SECTION_KEYS.map((k) => [k, `Original text (Arabic) for ${k}.`]));
const ITALIAN: Record<string, string> = {
  ...Object.fromEntries(ASSESSMENT_SECTION_KEYS.map((k) => [k, `Traduzione italiana della sezione ${k}.`])),
  household: 'Il padre محمد علي (Mohamed Ali), la madre Şule e lo zio Олександр; la nonna Αλεξάνδρα vive con loro.',
};
// The Italian translation lacks the recommendations: Rome writes them in the report.
const ITALIAN_WITHOUT_RECOMMENDATIONS = Object.fromEntries(Object.entries(ITALIAN).filter(([k]) => k !== 'recommendations'));

describe('reports to the authorities', () => {
  let t: TestApp;
  let caseworker: string;
  let caseworker2: string;
  let supervisor: string;
  const ids = { users: {} as Record<string, string>, orgs: {} as Record<string, string> };
  let counter = 0;

  beforeAll(async () => {
    t = await createTestApp();
    caseworker = await t.login(demoEmail('caseworker'));
    caseworker2 = await t.login(demoEmail('caseworker2'));
    supervisor = await t.login(demoEmail('supervisor'));
    for (const row of await t.db.query<{ id: string; email: string }[]>(`SELECT id, email FROM users`)) ids.users[row.email.split('@')[0]!] = row.id;
    const org = async (where: string) => (await t.db.query<{ id: string }[]>(`SELECT id FROM organisations WHERE ${where}`))[0]!.id;
    ids.orgs = {
      iom: await org(`type = 'IOM_UNIT'`),
      missionEg: await org(`type = 'IOM_MISSION' AND country = 'EG'`),
      ssMilano: await org(`type = 'SOCIAL_SERVICES' AND municipality = 'Milano'`),
      ministry: await org(`type = 'MINISTRY'`),
      guardiansMilano: await org(`type = 'GUARDIANS' AND district = 'Milano'`),
    };
  });
  afterAll(() => t.close());

  const put = (cookie: string, path: string, body: object, ifMatch?: number | string) => {
    const req = request(t.app.getHttpServer()).put(path).set('cookie', cookie).set(FETCH);
    return (ifMatch === undefined ? req : req.set('if-match', String(ifMatch))).send(body);
  };
  const pdf = (cookie: string, path: string) => t.as(cookie).get(path).buffer(true).parse(binary);
  const snapshot = async (caseId: string) => (await t.db.query<{ state: string; version: number }[]>(`SELECT state, version FROM cases WHERE id = $1`, [caseId]))[0]!;
  const fire = (cookie: string, caseId: string, version: number, to: string, reason?: string) =>
    t.as(cookie).post(`/api/cases/${caseId}/transitions`, reason ? { to, reason } : { to }).set('if-match', String(version));
  const move = async (caseId: string, ...states: string[]) => {
    for (const to of states) await fire(caseworker, caseId, (await snapshot(caseId)).version, to).expect(200);
  };

  // A case of caseworker@ in TRACING_IN_PROGRESS with a tracing request carrying `outcome` and one
  // contact attempt; with `located`, a family member, the family's consent to the interview, the
  // assessment (original and an Italian translation missing one section) and, when asked, the
  // consent to sharing. Then moved through the real transitions to REPORT_DRAFTING.
  async function caseInDrafting(options: { outcome: 'LOCATED' | 'NOT_LOCATED'; sharingConsent?: boolean; minor?: { first: string; last: string; aliases?: string[] } }) {
    counter += 1;
    const minor = options.minor ?? { first: 'Ahmed', last: `Test${counter}` };
    const minorId = (
      await t.db.query<{ id: string }[]>(`INSERT INTO minors (first_name, last_name, aliases, sex, nationality, date_of_birth) VALUES ($1, $2, $3, 'M', 'EG', '2010-03-04') RETURNING id`, [
        minor.first,
        minor.last,
        minor.aliases ?? [],
      ])
    )[0]!.id;
    const caseId = (
      await t.db.query<{ id: string }[]>(
        `INSERT INTO cases (case_number, minor_id, state, channel, request_date, requesting_organisation_id, created_by)
         VALUES ($1, $2, 'TRACING_IN_PROGRESS', 'DG_MLPS', '2026-09-01', $3, $4) RETURNING id`,
        [`IF-2026-9${String(counter).padStart(3, '0')}`, minorId, ids.orgs.ssMilano, ids.users.caseworker],
      )
    )[0]!.id;
    await t.db.query(
      `INSERT INTO case_grants (case_id, user_id, organisation_id, relation) VALUES
        ($1, $2, NULL, 'assigned_caseworker'), ($1, NULL, $3, 'supervising_unit'), ($1, NULL, $4, 'social_services'), ($1, $5, NULL, 'guardian')`,
      [caseId, ids.users.caseworker, ids.orgs.iom, ids.orgs.ssMilano, ids.users.guardian],
    );
    const tracingId = (
      await t.db.query<{ id: string }[]>(
        `INSERT INTO tracing_requests (case_id, mission_id, target_country, status, packet, sent_at, due_at, sent_by, outcome, outcome_notes, interview_mode)
         VALUES ($1, $2, 'EG', 'COMPLETED', '{}', '2026-09-10T09:00:00Z', '2026-10-10T09:00:00Z', $3, $4, $5, $6) RETURNING id`,
        [caseId, ids.orgs.missionEg, ids.users.caseworker, options.outcome, options.outcome === 'LOCATED' ? 'Family met at home' : 'Nobody at the last known address; neighbours say the family moved to Alexandria.', options.outcome === 'LOCATED' ? 'HOME_VISIT' : null],
      )
    )[0]!.id;
    await t.db.query(`INSERT INTO contact_attempts (tracing_request_id, attempted_at, channel, result, recorded_by) VALUES ($1, '2026-09-15T10:00:00Z', 'PHONE', 'Number not in service', $2)`, [
      tracingId,
      ids.users['field.cairo'],
    ]);
    if (options.outcome === 'LOCATED') {
      const memberId = (await t.db.query<{ id: string }[]>(`INSERT INTO family_members (case_id, relationship, first_name, last_name) VALUES ($1, 'father', 'محمد', 'علي') RETURNING id`, [caseId]))[0]!.id;
      const consent = (scope: string) =>
        t.db.query(
          `INSERT INTO consents (case_id, subject, family_member_id, scope, language, mediator_present, informed_by, given_at, recorded_by)
           VALUES ($1, 'FAMILY_MEMBER', $2, $3, 'Arabic (Egyptian)', false, 'Nour El-Sayed', '2026-09-20T10:00:00Z', $4)`,
          [caseId, memberId, scope, ids.users['field.cairo']],
        );
      await consent('INTERVIEW');
      if (options.sharingConsent) await consent('SHARE_REPORT');
      await t.db.query(
        `INSERT INTO family_assessments (case_id, tracing_request_id, interview_date, interview_mode, persons_present, language_original, sections_original, sections_it, written_by)
         VALUES ($1, $2, '2026-09-20', 'HOME_VISIT', E'Father\\nMother', 'Arabic (Egyptian)', $3, $4, $5)`,
        [caseId, tracingId, JSON.stringify(ORIGINAL), JSON.stringify(ITALIAN_WITHOUT_RECOMMENDATIONS), ids.users['field.cairo']],
      );
      await move(caseId, 'FAMILY_LOCATED', 'ASSESSMENT_DONE', 'REPORT_DRAFTING');
    } else {
      await move(caseId, 'NOT_LOCATED', 'REPORT_DRAFTING');
    }
    return caseId;
  }

  const versionRow = async (reportId: string) =>
    (await t.db.query<{ id: string; status: string; lock_version: number; sections_it: Record<string, string>; content_sha256: string | null }[]>(
      `SELECT id, status, lock_version, sections_it, content_sha256 FROM report_versions WHERE report_id = $1 ORDER BY version_no DESC LIMIT 1`,
      [reportId],
    ))[0]!;

  describe('a family-assessment report, from draft to the recipients', () => {
    let caseId: string;
    let reportId: string;
    let report: { versions: { lockVersion: number; contentSha256: string | null }[] };

    beforeAll(async () => {
      caseId = await caseInDrafting({ outcome: 'LOCATED', minor: { first: 'Ağa Yūsuf', last: 'Traoré Ñúñez', aliases: ['يوسف تراوري'] } });
    });

    it('offers the family-assessment report and starts it pre-filled from the assessment and its translation', async () => {
      const before = (await t.as(caseworker).get(`/api/cases/${caseId}/reports`).expect(200)).body;
      expect(before).toEqual({ items: [], startable: 'FAMILY_ASSESSMENT' });

      const started = await t.as(caseworker).post(`/api/cases/${caseId}/reports`).expect(201);
      reportId = started.body.id;
      expect(started.body).toMatchObject({ caseId, kind: 'FAMILY_ASSESSMENT', currentVersionNo: 1, released: false });
      const [v1] = started.body.versions;
      expect(v1).toMatchObject({
        versionNo: 1,
        status: 'DRAFT',
        lockVersion: 1,
        originalLanguage: 'Arabic (Egyptian)',
        sectionsOriginal: ORIGINAL,
        sectionsIt: ITALIAN_WITHOUT_RECOMMENDATIONS,
        missingSections: { original: [], it: ['recommendations'] },
        prefilledFrom: { translationCurrent: true },
        contentSha256: null,
      });
      await t.as(caseworker).post(`/api/cases/${caseId}/reports`).expect(409);
      const history = await t.db.query<{ kind: string }[]>(`SELECT kind FROM case_history WHERE case_id = $1 AND kind LIKE 'REPORT_%'`, [caseId]);
      expect(history).toEqual([{ kind: 'REPORT_STARTED' }]);
      const audit = await t.db.query<{ action: string }[]>(`SELECT action FROM audit_event WHERE case_id = $1 AND entity_type = 'report'`, [caseId]);
      expect(audit).toEqual([{ action: 'REPORT_STARTED' }]);
    });

    it('refuses to submit an incomplete draft, naming the missing section, and changes nothing', async () => {
      const before = await snapshot(caseId);
      const response = await t.as(caseworker).post(`/api/reports/${reportId}/submit`).expect(422);
      expect(response.body).toMatchObject({
        code: 'TRANSITION_NOT_ALLOWED',
        details: { unmet: [{ code: 'REPORT_DRAFT_READY' }], fields: [{ path: 'sectionsIt.recommendations', code: 'required' }] },
      });
      expect(await snapshot(caseId)).toEqual(before);
      expect((await versionRow(reportId)).status).toBe('DRAFT');
      // The case page shows the same guard (and that submission happens from the report).
      const detail = (await t.as(caseworker).get(`/api/cases/${caseId}`).expect(200)).body;
      const submit = detail.transitions.find((tr: { to: string }) => tr.to === 'REPORT_QA');
      expect(submit.unmet.map((u: { code: string }) => u.code)).toEqual(['REPORT_DRAFT_READY', 'REPORT_SUBMITTED']);
    });

    it('edits the draft only with the current lock version, and rejects unknown sections', async () => {
      await put(caseworker, `/api/reports/${reportId}/draft`, { sectionsOriginal: ORIGINAL, sectionsIt: ITALIAN }).expect(428);
      const unknown = await put(caseworker, `/api/reports/${reportId}/draft`, { sectionsOriginal: ORIGINAL, sectionsIt: { ...ITALIAN, asylumStatus: 'x' } }, 1).expect(400);
      expect(unknown.body.details.fields).toEqual([expect.objectContaining({ path: 'sectionsIt.asylumStatus', code: 'unknown_section' })]);
      const saved = await put(caseworker, `/api/reports/${reportId}/draft`, { sectionsOriginal: ORIGINAL, sectionsIt: ITALIAN }, 1).expect(200);
      expect(saved.body.versions[0]).toMatchObject({ lockVersion: 2, missingSections: { original: [], it: [] } });
      await put(caseworker2, `/api/reports/${reportId}/draft`, { sectionsOriginal: ORIGINAL, sectionsIt: ITALIAN }, 2).expect(404);
      await t.as(caseworker2).get(`/api/cases/${caseId}/reports`).expect(404);
    });

    it('cannot be moved through the generic transitions endpoint ahead of the report', async () => {
      const { version } = await snapshot(caseId);
      const response = await fire(caseworker, caseId, version, 'REPORT_QA').expect(422);
      expect(response.body.details.unmet.map((u: { code: string }) => u.code)).toEqual(['REPORT_SUBMITTED']);
      expect((await snapshot(caseId)).state).toBe('REPORT_DRAFTING');
    });

    it('submits for QA and moves the case to REPORT_QA in the same transaction', async () => {
      const { version } = await snapshot(caseId);
      const submitted = await t.as(caseworker).post(`/api/reports/${reportId}/submit`).set('if-match', '2').expect(200);
      expect(submitted.body.versions[0]).toMatchObject({ status: 'IN_QA', submittedBy: { id: ids.users.caseworker } });
      expect(await snapshot(caseId)).toEqual({ state: 'REPORT_QA', version: version + 1 });
      const transitions = await t.db.query<{ to_state: string; detail: { transition: string } }[]>(
        `SELECT to_state, detail FROM case_history WHERE case_id = $1 AND kind = 'TRANSITION' ORDER BY id DESC LIMIT 1`,
        [caseId],
      );
      expect(transitions).toEqual([{ to_state: 'REPORT_QA', detail: { transition: 'submit_for_qa' } }]);
      // Under review the text is frozen.
      await put(caseworker, `/api/reports/${reportId}/draft`, { sectionsOriginal: ORIGINAL, sectionsIt: ITALIAN }, 2).expect(409);
      // The supervisor cannot send it back through the generic endpoint while it is under review.
      const back = await fire(supervisor, caseId, version + 1, 'REPORT_DRAFTING', 'Please rephrase').expect(422);
      expect(back.body.details.unmet.map((u: { code: string }) => u.code)).toEqual(['REPORT_RETURNED']);
    });

    it('needs a caseworker’s QA before the supervisor’s approval, and only a supervisor approves', async () => {
      const early = await t.as(supervisor).post(`/api/reports/${reportId}/approve`).expect(422);
      expect(early.body.details.unmet).toEqual([expect.objectContaining({ code: 'REPORT_QA_PASSED' })]);
      await t.as(supervisor).post(`/api/reports/${reportId}/qa`, { result: 'PASS' }).expect(403);
      await t.as(caseworker).post(`/api/reports/${reportId}/qa`, { result: 'RETURN' }).expect(400);
      const passed = await t.as(caseworker).post(`/api/reports/${reportId}/qa`, { result: 'PASS', comment: 'Translation checked against the original' }).expect(200);
      expect(passed.body.versions[0]).toMatchObject({ status: 'QA_PASSED', qa: { by: { id: ids.users.caseworker }, result: 'PASS' } });
      expect((await snapshot(caseId)).state).toBe('REPORT_QA');

      const before = await snapshot(caseId);
      await t.as(caseworker).post(`/api/reports/${reportId}/approve`).expect(403);
      const generic = await fire(supervisor, caseId, before.version, 'REPORT_APPROVED').expect(422);
      expect(generic.body.details.unmet.map((u: { code: string }) => u.code)).toEqual(['REPORT_VERSION_APPROVED']);
      expect(await snapshot(caseId)).toEqual(before);
      expect((await versionRow(reportId)).status).toBe('QA_PASSED');
    });

    it('approves, fixing the content hash, and moves the case to REPORT_APPROVED', async () => {
      const approved = await t.as(supervisor).post(`/api/reports/${reportId}/approve`).set('if-match', '2').expect(200);
      report = approved.body;
      expect(approved.body.versions[0]).toMatchObject({ status: 'APPROVED', approvedBy: { id: ids.users.supervisor } });
      expect(approved.body.versions[0].contentSha256).toMatch(/^[0-9a-f]{64}$/);
      const recomputed = await t.db.query<{ sha: string }[]>(`SELECT report_version_content_sha256(v) AS sha FROM report_versions v WHERE report_id = $1`, [reportId]);
      expect(recomputed[0]!.sha).toBe(approved.body.versions[0].contentSha256);
      expect((await snapshot(caseId)).state).toBe('REPORT_APPROVED');
    });

    it('keeps the approved version immutable, in the service and in the database', async () => {
      const edit = await put(caseworker, `/api/reports/${reportId}/draft`, { sectionsOriginal: ORIGINAL, sectionsIt: { ...ITALIAN, household: 'changed' } }, 2).expect(409);
      expect(edit.body.code).toBe('CONFLICT');
      const { id } = await versionRow(reportId);
      await expect(t.db.query(`UPDATE report_versions SET sections_it = '{}' WHERE id = $1`, [id])).rejects.toThrow(/immutable/);
      await expect(t.db.query(`UPDATE report_versions SET status = 'DRAFT' WHERE id = $1`, [id])).rejects.toThrow(/immutable/);
      await expect(t.db.query(`DELETE FROM report_versions WHERE id = $1`, [id])).rejects.toThrow(/cannot be deleted/);
      expect((await versionRow(reportId)).sections_it).toEqual(ITALIAN);
    });

    it('has no PDF before release', async () => {
      await pdf(caseworker, `/api/reports/${reportId}/pdf`).expect(404);
    });

    it('refuses to release without the family’s consent to sharing, naming it, and writes nothing', async () => {
      const before = await snapshot(caseId);
      const generic = await fire(caseworker, caseId, before.version, 'REPORT_SENT').expect(422);
      expect(generic.body.details.unmet.map((u: { code: string }) => u.code)).toEqual(['FAMILY_CONSENT_SHARING', 'REPORT_RELEASED']);
      const refused = await t.as(caseworker)
        .post(`/api/reports/${reportId}/release`, { recipients: [{ organisationId: ids.orgs.ssMilano }], purpose: 'Presa in carico del minore', legalBasis: 'L. 47/2017 art. 6' })
        .expect(422);
      expect(refused.body).toMatchObject({ code: 'TRANSITION_NOT_ALLOWED', details: { unmet: [{ code: 'FAMILY_CONSENT_SHARING' }] } });
      expect(await snapshot(caseId)).toEqual(before);
      expect((await versionRow(reportId)).status).toBe('APPROVED');
      expect(await t.db.query(`SELECT 1 FROM report_disclosures WHERE case_id = $1`, [caseId])).toEqual([]);
    });

    it('refuses recipients inside IOM and unknown ones, naming each', async () => {
      await t.db.query(
        `INSERT INTO consents (case_id, subject, family_member_id, scope, language, mediator_present, informed_by, given_at, recorded_by)
         SELECT case_id, 'FAMILY_MEMBER', id, 'SHARE_REPORT', 'Arabic (Egyptian)', false, 'Nour El-Sayed', '2026-09-20T10:05:00Z', $2 FROM family_members WHERE case_id = $1`,
        [caseId, ids.users['field.cairo']],
      );
      const response = await t.as(caseworker)
        .post(`/api/reports/${reportId}/release`, {
          recipients: [
            { organisationId: ids.orgs.missionEg },
            { userId: ids.users.caseworker2 },
            { organisationId: '00000000-0000-4000-8000-000000000000' },
            // Every volunteer guardian of the district: a guardian is named as a person.
            { organisationId: ids.orgs.guardiansMilano },
            { organisationId: ids.orgs.ssMilano, userId: ids.users.guardian },
          ],
          purpose: 'Presa in carico del minore',
          legalBasis: 'L. 47/2017 art. 6',
        })
        .expect(400);
      expect(response.body.details.fields.map((f: { path: string; code: string }) => `${f.path}:${f.code}`)).toEqual([
        'recipients.0.organisationId:not_allowed',
        'recipients.1.userId:not_allowed',
        'recipients.2.organisationId:not_found',
        'recipients.3.organisationId:not_allowed',
        'recipients.4.userId:mismatch',
      ]);
      expect(await t.db.query(`SELECT 1 FROM report_disclosures WHERE case_id = $1`, [caseId])).toEqual([]);
    });

    it('releases to named recipients: one register row each, the version released and the case in REPORT_SENT', async () => {
      const body = {
        recipients: [{ organisationId: ids.orgs.ssMilano }, { userId: ids.users.guardian }],
        purpose: 'Valutazione del superiore interesse e presa in carico',
        legalBasis: 'L. 47/2017 art. 6 (d.lgs. 142/2015 art. 19 c. 7-bis); consenso della famiglia',
      };
      const released = await t.as(caseworker).post(`/api/reports/${reportId}/release`, body).expect(200);
      expect(released.body).toMatchObject({ released: true, latestReleasedVersionNo: 1 });
      expect(released.body.versions[0].status).toBe('RELEASED');
      expect((await snapshot(caseId)).state).toBe('REPORT_SENT');
      const consentId = (await t.db.query<{ id: string }[]>(`SELECT id FROM consents WHERE case_id = $1 AND scope = 'SHARE_REPORT'`, [caseId]))[0]!.id;
      const register = await t.db.query<Record<string, unknown>[]>(
        `SELECT recipient_organisation_id, recipient_user_id, recipient_name, purpose, legal_basis, family_consent_id, content_sha256, released_by, approved_by
          FROM report_disclosures WHERE case_id = $1 ORDER BY recipient_user_id NULLS FIRST`,
        [caseId],
      );
      const common = { purpose: body.purpose, legal_basis: body.legalBasis, family_consent_id: consentId, content_sha256: report.versions[0]!.contentSha256, released_by: ids.users.caseworker, approved_by: ids.users.supervisor };
      expect(register).toEqual([
        { ...common, recipient_organisation_id: ids.orgs.ssMilano, recipient_user_id: null, recipient_name: 'Comune di Milano – Servizi sociali per minori' },
        { ...common, recipient_organisation_id: null, recipient_user_id: ids.users.guardian, recipient_name: 'Paola Riva (demo) – Tutori volontari – distretto di Milano' },
      ]);
      expect(released.body.versions[0].disclosures).toHaveLength(2);
      const audit = await t.db.query<{ action: string }[]>(`SELECT action FROM audit_event WHERE case_id = $1 AND action IN ('REPORT_RELEASED', 'CASE_TRANSITION') ORDER BY seq DESC LIMIT 2`, [caseId]);
      expect(audit.map((a) => a.action).sort()).toEqual(['CASE_TRANSITION', 'REPORT_RELEASED']);
    });

    it('keeps the released version and its register immutable', async () => {
      await put(caseworker, `/api/reports/${reportId}/draft`, { sectionsOriginal: ORIGINAL, sectionsIt: ITALIAN }, 2).expect(409);
      await t.as(caseworker).post(`/api/reports/${reportId}/release`, { recipients: [{ organisationId: ids.orgs.ministry }], purpose: 'again', legalBasis: 'again' }).expect(409);
      const { id } = await versionRow(reportId);
      await expect(t.db.query(`UPDATE report_versions SET qa_comment = 'x' WHERE id = $1`, [id])).rejects.toThrow(/immutable/);
      await expect(t.db.query(`UPDATE report_disclosures SET purpose = 'other' WHERE case_id = $1`, [caseId])).rejects.toThrow(/append-only/);
      await expect(t.db.query(`DELETE FROM report_disclosures WHERE case_id = $1`, [caseId])).rejects.toThrow(/append-only/);
    });

    it('serves the PDF to staff and recipients, with the names rendered, and audits each download', async () => {
      const staff = await pdf(caseworker, `/api/reports/${reportId}/pdf`).expect(200);
      expect(staff.headers['content-type']).toBe('application/pdf');
      expect(staff.headers['content-disposition']).toMatch(/^attachment; filename="relazione-indagine-familiare-IF-2026-9\d{3}-v1\.pdf"$/);
      expect(staff.headers['cache-control']).toBe('no-store');
      const body = staff.body as Buffer;
      expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const pages = await pdfPages(body);
      const text = pages.join('\n');
      expect(text).toContain('Relazione di indagine familiare');
      expect(text).toContain('Ağa Yūsuf Traoré Ñúñez');
      expect(text).toContain('محمد');
      expect(text).toContain('علي');
      expect(text).toContain('Олександр');
      expect(text).toContain('Αλεξάνδρα');
      expect(text).toContain('Traduzione italiana della sezione recommendations.');
      pages.forEach((page, i) => expect(page).toContain(`Pagina ${i + 1} di ${pages.length}`));
      expect(pages[0]).toContain('Destinatario: copia interna OIM');

      const social = await pdf(await t.login(demoEmail('social.milano')), `/api/reports/${reportId}/pdf`).expect(200);
      expect((await pdfPages(social.body as Buffer))[0]).toContain('Destinatario: Comune di Milano – Servizi sociali per minori · Versione 1');
      const guardian = await pdf(await t.login(demoEmail('guardian')), `/api/reports/${reportId}/pdf?original=true`).expect(200);
      const guardianText = (await pdfPages(guardian.body as Buffer)).join('\n');
      expect(guardianText).toContain('Destinatario: Paola Riva (demo)');
      expect(guardianText).toContain('Original text (Arabic) for household.');

      const downloads = await t.db.query<{ actor_role: string; detail: { versionNo: number } }[]>(
        `SELECT actor_role, detail FROM audit_event WHERE entity_id = $1 AND action = 'REPORT_DOWNLOADED' ORDER BY seq`,
        [reportId],
      );
      expect(downloads.map((d) => [d.actor_role, d.detail.versionNo])).toEqual([
        ['caseworker', 1],
        ['social_services', 1],
        ['guardian', 1],
      ]);
    });

    it('answers 404 to external users who are not recipients, and to versions that were not released', async () => {
      const deniedCount = async () =>
        Number((await t.db.query<{ n: string }[]>(`SELECT count(*) AS n FROM audit_event WHERE entity_id = $1 AND action = 'REPORT_ACCESS_DENIED'`, [reportId]))[0]!.n);
      const before = await deniedCount();
      for (const local of ['social.palermo', 'court.milano', 'ministry', 'guardian2']) {
        await pdf(await t.login(demoEmail(local)), `/api/reports/${reportId}/pdf`).expect(404);
      }
      await pdf(await t.login(demoEmail('field.cairo')), `/api/reports/${reportId}/pdf`).expect(403);
      await pdf(caseworker2, `/api/reports/${reportId}/pdf`).expect(404);
      await pdf(caseworker, `/api/reports/${reportId}/pdf?version=2`).expect(404);
      expect((await deniedCount()) - before).toBe(6);
    });
  });

  describe('a non-location note through the same path', () => {
    it('drafts from the outcome, goes back once from QA, and is released without a family consent', async () => {
      const caseId = await caseInDrafting({ outcome: 'NOT_LOCATED' });
      expect((await t.as(caseworker).get(`/api/cases/${caseId}/reports`).expect(200)).body.startable).toBe('NON_LOCATION_NOTE');
      const started = (await t.as(caseworker).post(`/api/cases/${caseId}/reports`).expect(201)).body;
      expect(started.kind).toBe('NON_LOCATION_NOTE');
      expect(started.versions[0]).toMatchObject({
        originalLanguage: 'English',
        sectionsOriginal: { attemptsMade: '2026-09-15 – phone: Number not in service', reason: 'Nobody at the last known address; neighbours say the family moved to Alexandria.', recommendations: '' },
        sectionsIt: { attemptsMade: '15/09/2026 – telefono: Number not in service', reason: 'La famiglia non è stata rintracciata.', recommendations: '' },
        missingSections: { original: ['recommendations'], it: ['recommendations'] },
      });
      const reportId = started.id;
      const sections = {
        sectionsOriginal: { ...started.versions[0].sectionsOriginal, recommendations: 'Repeat tracing through the community leader in Alexandria.' },
        sectionsIt: {
          ...started.versions[0].sectionsIt,
          reason: 'Nessuno all’ultimo indirizzo noto; secondo i vicini la famiglia si è trasferita ad Alessandria.',
          recommendations: 'Ripetere il rintraccio tramite il leader di comunità ad Alessandria.',
        },
      };
      await put(caseworker, `/api/reports/${reportId}/draft`, sections, 1).expect(200);
      await t.as(caseworker).post(`/api/reports/${reportId}/submit`).expect(200);

      // The supervisor returns it instead of approving: version RETURNED, case back to drafting.
      const before = await snapshot(caseId);
      const returned = await t.as(supervisor).post(`/api/reports/${reportId}/qa`, { result: 'RETURN', comment: 'Say which addresses were visited' }).expect(200);
      expect(returned.body.versions[0]).toMatchObject({ status: 'RETURNED', qa: { result: 'RETURN', comment: 'Say which addresses were visited' } });
      expect(await snapshot(caseId)).toEqual({ state: 'REPORT_DRAFTING', version: before.version + 1 });
      const back = await t.db.query<{ reason: string; detail: { transition: string } }[]>(
        `SELECT reason, detail FROM case_history WHERE case_id = $1 AND kind = 'TRANSITION' ORDER BY id DESC LIMIT 1`,
        [caseId],
      );
      expect(back).toEqual([{ reason: 'Say which addresses were visited', detail: { transition: 'report_returned' } }]);

      const revised = { ...sections, sectionsIt: { ...sections.sectionsIt, attemptsMade: `${sections.sectionsIt.attemptsMade}\nVisita all’indirizzo di Giza: nessuno presente.` } };
      await put(caseworker, `/api/reports/${reportId}/draft`, revised, 2).expect(200);
      await t.as(caseworker).post(`/api/reports/${reportId}/submit`).expect(200);
      await t.as(caseworker).post(`/api/reports/${reportId}/qa`, { result: 'PASS' }).expect(200);
      await t.as(supervisor).post(`/api/reports/${reportId}/approve`).expect(200);
      const released = await t.as(supervisor)
        .post(`/api/reports/${reportId}/release`, { recipients: [{ organisationId: ids.orgs.ssMilano }], purpose: 'Esito dell’indagine familiare', legalBasis: 'L. 47/2017 art. 6' })
        .expect(200);
      expect(released.body.versions[0].disclosures).toEqual([expect.objectContaining({ familyConsentId: null, purpose: 'Esito dell’indagine familiare' })]);
      expect((await snapshot(caseId)).state).toBe('REPORT_SENT');

      const note = await pdf(caseworker, `/api/reports/${reportId}/pdf`).expect(200);
      const text = (await pdfPages(note.body as Buffer)).join('\n');
      expect(text).toContain('Nota di mancato rintraccio o impossibilità a procedere');
      expect(text).toContain('Visita all’indirizzo di Giza: nessuno presente.');
    });
  });

  describe('the demo seed', () => {
    it('builds a released report through the same database rules, which the endpoints then serve', async () => {
      const caseId = await caseInDrafting({ outcome: 'LOCATED', sharingConsent: true });
      await expect(createReportForSeed(t.db, { caseId, status: 'APPROVED', draftedBy: ids.users.caseworker!, qaBy: ids.users.caseworker!, approvedBy: ids.users.supervisor!, at: new Date('2026-10-01T09:00:00Z') })).rejects.toThrow(
        /every section/,
      );
      const seeded = await createReportForSeed(t.db, {
        caseId,
        status: 'RELEASED',
        sectionsIt: { recommendations: 'Raccomandazioni del seed' },
        draftedBy: ids.users.caseworker!,
        qaBy: ids.users.caseworker!,
        approvedBy: ids.users.supervisor!,
        at: new Date('2026-10-01T09:00:00Z'),
        release: { recipients: [{ organisationId: ids.orgs.ssMilano, name: 'Comune di Milano – Servizi sociali per minori' }], purpose: 'Presa in carico', legalBasis: 'L. 47/2017 art. 6' },
      });
      expect(seeded.contentSha256).toMatch(/^[0-9a-f]{64}$/);
      const listed = (await t.as(caseworker).get(`/api/cases/${caseId}/reports`).expect(200)).body;
      expect(listed.items[0]).toMatchObject({ kind: 'FAMILY_ASSESSMENT', released: true, versions: [{ status: 'RELEASED', contentSha256: seeded.contentSha256, disclosures: [{ purpose: 'Presa in carico' }] }] });
      await pdf(await t.login(demoEmail('social.milano')), `/api/reports/${seeded.reportId}/pdf`).expect(200);
      // A version inserted as approved gets the hash of its content, whatever it claims.
      await expect(
        t.db.query(
          `INSERT INTO report_versions (report_id, version_no, status, original_language, drafted_by, created_at, updated_at, qa_by, qa_result, approved_by, approved_at, content_sha256)
           VALUES ($1, 2, 'APPROVED', 'it', $2, app_now(), app_now(), $2, 'PASS', $3, app_now(), $4)`,
          [seeded.reportId, ids.users.caseworker, ids.users.supervisor, 'f'.repeat(64)],
        ),
      ).rejects.toThrow(/does not match/);
    });
  });

  describe('concurrent drafting', () => {
    it('answers 412 to a stale edit and keeps the newer text', async () => {
      const caseId = await caseInDrafting({ outcome: 'LOCATED', sharingConsent: true });
      const reportId = (await t.as(caseworker).post(`/api/cases/${caseId}/reports`).expect(201)).body.id;
      const mine = { sectionsOriginal: ORIGINAL, sectionsIt: { ...ITALIAN, recommendations: 'Versione del primo operatore' } };
      const theirs = { sectionsOriginal: ORIGINAL, sectionsIt: { ...ITALIAN, recommendations: 'Versione del supervisore' } };
      await put(supervisor, `/api/reports/${reportId}/draft`, theirs, 1).expect(200);
      const stale = await put(caseworker, `/api/reports/${reportId}/draft`, mine, 1).expect(412);
      expect(stale.body).toMatchObject({ code: 'PRECONDITION_FAILED', details: { currentLockVersion: 2 } });
      const row = await versionRow(reportId);
      expect(row.lock_version).toBe(2);
      expect(row.sections_it.recommendations).toBe('Versione del supervisore');
      // A stale If-Match on an action is refused as well.
      await t.as(caseworker).post(`/api/reports/${reportId}/submit`).set('if-match', '1').expect(412);
      expect((await versionRow(reportId)).status).toBe('DRAFT');
    });
  });
});
