import { randomBytes } from 'node:crypto';
import { addYears, romeDay } from '@app/contracts';
import type request from 'supertest';
import { demoEmail, FETCH, type TestApp } from '../setup/test-app';
import { testNow } from '../setup/test-clock';

// Shared steps of the return specs (issue 4): each drives the API the way a user would; the
// part-1 prerequisites (a released family-assessment report) are written directly.

export const PDF = () => Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1'), randomBytes(512), Buffer.from('\n%%EOF\n')]);
export const DAY = 86_400_000;
// A day in Italy, as the server judges "today" and "not in the future".
export const isoDay = (d: Date) => romeDay(d);

export const riskCheck = (stage: string, decision = 'PROCEED') => ({
  stage,
  riskToMinor: 'No threat known on return',
  riskToFamily: 'Low',
  protectionStatusConflict: false,
  traffickingConcern: false,
  areaSecurity: 'Stable district',
  decision,
});

export const SCORES = {
  incomeSource: 3, foodSecurity: 4, abilityToBorrow: 2, debtBurden: 3, economicSatisfaction: 3,
  housing: 4, education: 5, healthcare: 4, documentation: 5, safeWater: 4,
  socialParticipation: 4, supportNetwork: 4, senseOfBelonging: 5, physicalSafety: 4, distressAbsence: 3,
};

export class ReturnDriver {
  constructor(
    readonly t: TestApp,
    readonly cookies: { caseworker: string; supervisor: string },
  ) {}

  async id(sql: string, params: unknown[] = []): Promise<string> {
    return (await this.t.db.query<{ id: string }[]>(sql, params))[0]!.id;
  }
  userId = (local: string) => this.id(`SELECT id FROM users WHERE email = $1`, [demoEmail(local)]);
  orgOf = (local: string) => this.id(`SELECT organisation_id AS id FROM users WHERE email = $1`, [demoEmail(local)]);
  orgNamed = (prefix: string) => this.id(`SELECT id FROM organisations WHERE name LIKE $1`, [`${prefix}%`]);

  async snapshot(caseId: string) {
    return (await this.t.db.query<{ state: string; version: number }[]>(`SELECT state, version FROM cases WHERE id = $1`, [caseId]))[0]!;
  }

  // Fires a transition with the current version as If-Match.
  async move(cookie: string, caseId: string, to: string, reason?: string): Promise<request.Response> {
    const { version } = await this.snapshot(caseId);
    return this.t.as(cookie).post(`/api/cases/${caseId}/transitions`, reason ? { to, reason } : { to }).set('if-match', String(version));
  }

  put(cookie: string, path: string, body: object): request.Test {
    return this.t.http.put(path).set('cookie', cookie).set(FETCH).send(body);
  }

  upload(cookie: string, path: string, fields: Record<string, string>, fileName = 'atto.pdf'): request.Test {
    let req = this.t.http.post(path).set('cookie', cookie).set(FETCH);
    for (const [name, value] of Object.entries(fields)) req = req.field(name, value);
    return req.attach('file', PDF(), fileName);
  }

  // Part 1's product, written directly: a released family-assessment report with its register row.
  async releasedFamilyAssessment(caseId: string): Promise<string> {
    const caseworker = await this.userId('caseworker');
    const supervisor = await this.userId('supervisor');
    const reportId = await this.id(`INSERT INTO reports (case_id, kind, created_by, created_at) VALUES ($1, 'FAMILY_ASSESSMENT', $2, app_now()) RETURNING id`, [caseId, caseworker]);
    const version = (
      await this.t.db.query<{ id: string; content_sha256: string }[]>(
        `INSERT INTO report_versions (report_id, version_no, status, original_language, sections_original, sections_it, drafted_by, created_at, updated_at,
            qa_by, qa_at, qa_result, approved_by, approved_at, released_by, released_at)
         VALUES ($1, 1, 'RELEASED', 'English', '{}', '{}', $2, app_now(), app_now(), $2, app_now(), 'PASS', $3, app_now(), $2, app_now()) RETURNING id, content_sha256`,
        [reportId, caseworker, supervisor],
      )
    )[0]!;
    await this.t.db.query(
      `INSERT INTO report_disclosures (report_version_id, case_id, recipient_organisation_id, recipient_name, purpose, legal_basis, content_sha256, released_by, approved_by, released_at)
       SELECT $1, $2, o.id, o.name, 'Best-interests assessment', 'Art. 19 c. 7-bis d.lgs. 142/2015', $3, $4, $5, app_now() FROM organisations o WHERE o.name LIKE 'Comune di Milano%'`,
      [version.id, caseId, version.content_sha256, caseworker, supervisor],
    );
    return reportId;
  }

  async grantGuardian(caseId: string, local = 'guardian') {
    await this.t.db.query(`INSERT INTO case_grants (case_id, user_id, relation, reason) VALUES ($1, $2, 'guardian', 'test')`, [caseId, await this.userId(local)]);
  }

  async setBirthday(caseId: string, eighteenth: Date) {
    // The minor turns 18 on `eighteenth`'s day in Italy (a 29 February falls on the 28th).
    const dob = addYears(romeDay(eighteenth), -18);
    await this.t.db.query(`UPDATE minors SET date_of_birth = $2 WHERE id = (SELECT minor_id FROM cases WHERE id = $1)`, [caseId, dob]);
  }

  async caregiver(caseId: string): Promise<string> {
    const { caseworker } = this.cookies;
    const mother = (
      await this.t.as(caseworker).post(`/api/cases/${caseId}/family-members`, { relationship: 'MOTHER', firstName: 'Fatma', lastName: 'Ibrahim', country: 'EG', locality: 'Kafr el-Sheikh', isCaregiverCandidate: true }).expect(201)
    ).body.id as string;
    return mother;
  }

  async minorRequest(caseId: string) {
    await this.t
      .as(this.cookies.caseworker)
      .post(`/api/cases/${caseId}/avr/request`, {
        minorWords: 'Voglio tornare da mia madre e finire la scuola al mio paese.',
        language: 'Arabo (egiziano)',
        mediatorPresent: true,
        mediatorName: 'Samir (mediatore)',
        informedBy: 'Marco Bellini',
        givenAt: testNow().toISOString(),
      })
      .expect(201);
  }

  // The reintegration plan with one objective and two items (returns the item ids).
  async plan(caseId: string): Promise<string[]> {
    const { caseworker } = this.cookies;
    await this.put(caseworker, `/api/cases/${caseId}/reintegration-plan`, {
      assessmentsDone: { vulnerability: true, risk: true, family: true, skills: true, rssBaseline: true },
      needsAndSkills: 'Wants to finish secondary school; basic mechanics skills.',
      familySituation: 'Mother and two siblings; irregular income.',
      minorViews: 'Voglio studiare e aiutare mia madre.',
      minorViewsLanguage: 'Arabo (egiziano)',
      mediatorName: 'Samir (mediatore)',
    }).expect(200);
    const objective = (
      await this.t.as(caseworker).post(`/api/cases/${caseId}/reintegration-plan/objectives`, { dimension: 'SOCIAL', level: 'INDIVIDUAL', description: 'Back to school within three months' }).expect(201)
    ).body.objectives[0].id as string;
    await this.t
      .as(caseworker)
      .post(`/api/cases/${caseId}/reintegration-plan/assistance-items`, { objectiveId: objective, dimension: 'SOCIAL', level: 'INDIVIDUAL', type: 'SCHOOL_ENROLMENT', description: 'Fees and books', provider: 'Public school', budgetEur: 450, plannedOn: isoDay(new Date(testNow().getTime() + 30 * DAY)) })
      .expect(201);
    const plan = (
      await this.t
        .as(caseworker)
        .post(`/api/cases/${caseId}/reintegration-plan/assistance-items`, { dimension: 'PSYCHOSOCIAL', level: 'FAMILY_COMMUNITY', type: 'HEALTH_MHPSS', description: 'Family counselling', provider: 'NGO partner', budgetEur: 300 })
        .expect(201)
    ).body;
    return plan.assistanceItems.map((i: { id: string }) => i.id);
  }

  // AVR_COUNSELLING → COURT_PENDING: counselling, the plan, the social services' report and the filing.
  async fileWithCourt(caseId: string, familyAssessmentReportId: string): Promise<{ proceedingId: string; itemIds: string[] }> {
    const { caseworker } = this.cookies;
    await this.t
      .as(caseworker)
      .post(`/api/cases/${caseId}/avr/counselling-sessions`, {
        heldOn: isoDay(testNow()),
        counsellor: 'Marco Bellini',
        language: 'Arabo (egiziano)',
        mediatorPresent: true,
        mediatorName: 'Samir (mediatore)',
        minorWords: 'Ho capito cosa succede al ritorno e voglio comunque tornare.',
        topics: ['school', 'family'],
      })
      .expect(201);
    const itemIds = await this.plan(caseId);
    const ssReport = (await this.upload(caseworker, `/api/cases/${caseId}/documents`, { type: 'SOCIAL_SERVICES_REPORT', title: 'Relazione servizi sociali', language: 'it' }).expect(201)).body.id;
    const proceeding = (
      await this.t
        .as(caseworker)
        .post(`/api/cases/${caseId}/court/proceedings`, {
          courtOrganisationId: await this.orgOf('court.milano'),
          docketNumber: `RG ${randomBytes(2).toString('hex')}/2026`,
          filedBy: 'GUARDIAN',
          filedByName: 'Paola Riva',
          filedOn: isoDay(testNow()),
          familyAssessmentReportId,
          socialServicesReportDocumentId: ssReport,
          reintegrationProposal: true,
        })
        .expect(201)
    ).body;
    // The court's clerks reach the case through a court grant (given by a supervisor, issue 5).
    await this.t.db.query(`INSERT INTO case_grants (case_id, organisation_id, relation, reason) VALUES ($1, $2, 'court', 'test: petition filed')`, [caseId, await this.orgOf('court.milano')]);
    return { proceedingId: proceeding.id, itemIds };
  }

  // The court hears the minor and the guardian and orders (or rejects) the return, with its decree.
  async courtDecides(court: string, caseId: string, proceedingId: string, outcome: 'RETURN_ORDERED' | 'RETURN_REJECTED'): Promise<string> {
    const hearing = (await this.t.as(court).post(`/api/cases/${caseId}/court/proceedings/${proceedingId}/hearings`, { scheduledAt: new Date(testNow().getTime() + 5 * DAY).toISOString() }).expect(201)).body;
    await this.put(court, `/api/cases/${caseId}/court/hearings/${hearing.id}`, {
      heldAt: testNow().toISOString(),
      minorHeard: true,
      guardianHeard: true,
      interpreterName: 'Interprete di tribunale',
      interpreterLanguage: 'Arabo',
    }).expect(200);
    const decree = (await this.upload(court, `/api/cases/${caseId}/court/decrees`, { title: 'Decreto del Tribunale per i minorenni', language: 'it' }).expect(201)).body.id;
    const decision = (
      await this.t
        .as(court)
        .post(`/api/cases/${caseId}/court/proceedings/${proceedingId}/decision`, { outcome, decidedOn: isoDay(testNow()), reasonsSummary: 'Sentiti il minore e il tutore; esaminati gli atti.', decreeDocumentId: decree })
        .expect(201)
    ).body;
    return decision.id;
  }

  // Submits, passes QA, approves (and optionally releases) a report started from the records.
  async approveReport(caseId: string, body: object, release = false): Promise<string> {
    const { caseworker, supervisor } = this.cookies;
    const report = (await this.t.as(caseworker).post(`/api/cases/${caseId}/return-reports`, body).expect(201)).body;
    await this.t.as(caseworker).post(`/api/reports/${report.id}/submit`).expect(200);
    await this.t.as(caseworker).post(`/api/reports/${report.id}/qa`, { result: 'PASS' }).expect(200);
    await this.t.as(supervisor).post(`/api/reports/${report.id}/approve`).expect(200);
    if (release) {
      await this.t
        .as(caseworker)
        .post(`/api/reports/${report.id}/release`, {
          recipients: [{ organisationId: await this.orgNamed('Comune di Milano') }],
          purpose: 'Informazione sul rimpatrio assistito del minore',
          legalBasis: 'Art. 8 L. 47/2017; decreto del Tribunale per i minorenni',
        })
        .expect(200);
    }
    return report.id;
  }

  // Everything COURT_APPROVED → AVR_PREPARATION needs, with the departure at `departure`.
  async prepareReturn(caseId: string, caregiverId: string, departure: Date, travel: Record<string, unknown> = {}) {
    const { caseworker, supervisor } = this.cookies;
    const pre = (await this.t.as(caseworker).post(`/api/cases/${caseId}/risk-checks`, riskCheck('PRE_RETURN')).expect(201)).body;
    await this.t.as(supervisor).post(`/api/cases/${caseId}/risk-checks/${pre.id}/approve`).expect(200);
    const consular = (await this.t.as(caseworker).post(`/api/cases/${caseId}/risk-checks`, riskCheck('PRE_CONTACT_CONSULATE')).expect(201)).body;
    await this.t.as(supervisor).post(`/api/cases/${caseId}/risk-checks/${consular.id}/approve`).expect(200);
    await this.t
      .as(caseworker)
      .post(`/api/cases/${caseId}/consents`, {
        subject: 'FAMILY_MEMBER',
        familyMemberId: caregiverId,
        scope: 'RETURN_ACCEPTANCE',
        language: 'Arabo (egiziano)',
        mediatorPresent: false,
        informedBy: 'Nour El-Sayed (missione OIM)',
        givenAt: testNow().toISOString(),
      })
      .expect(201);
    await this.put(caseworker, `/api/cases/${caseId}/avr/travel-plan`, {
      receivingCaregiverId: caregiverId,
      airportCollection: true,
      receivingMissionId: await this.orgOf('field.cairo'),
      travelDocumentType: 'LAISSEZ_PASSER',
      travelDocumentReady: true,
      consularContact: true,
      fitToTravel: true,
      fitnessAssessedOn: isoDay(testNow()),
      fitnessAssessedBy: 'Dr. Rossi, pediatra',
      escortName: 'Luca Verdi',
      escortRole: 'Operatore OIM',
      itinerary: 'Milano Malpensa → Il Cairo, volo diretto',
      plannedDeparture: departure.toISOString(),
      ...travel,
    }).expect(200);
    await this.approveReport(caseId, { kind: 'REINTEGRATION_PLAN' });
  }
}
