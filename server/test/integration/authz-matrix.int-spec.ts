import { randomBytes, randomUUID } from 'node:crypto';
import {
  ASSESSMENT_SECTION_KEYS,
  EXTERNAL_FORBIDDEN_KEYS,
  FIELD_OFFICER_FORBIDDEN_KEYS,
  PUBLIC_ROUTES,
  ROLES,
  ROUTE_ACCESS,
  routeDecision,
  routeRoles,
  routeRule,
  viewFields,
  type AccessRelation,
  type CaseState,
  type Role,
  type ViewName,
} from '@app/contracts';
import request from 'supertest';
import { RouteInventory, type RouteInfo } from '../../src/openapi/route-inventory';
import { createReportForSeed, type SeedReportStatus } from '../../src/reports/report-seed';
import { createTracingRequestForSeed } from '../../src/tracing/tracing.store';
import { FETCH, createTestApp, demoEmail, type TestApp } from '../setup/test-app';
import { ReturnDriver, isoDay } from './return-fixtures';

// The authorisation matrix through the HTTP API (issue 5; security-and-performance.md §1–§2):
// every route × every demo persona × every relation the persona can have to the route's target,
// expecting exactly what contracts/src/access-matrix.ts says – the documented success, 403 from
// the route wall, or 404 from the row wall (existence never leaks) – with every refusal audited
// once and nothing changed. Every answer is searched for canary markers of scopes the persona is
// outside of, and for keys no external user or field officer may receive.
//
// The oracle is independent of the code under test: relations are read from the fixture's rows
// with SQL written here, and compared with the matrix's cells.

const PERSONAS = [
  'admin',
  'supervisor',
  'caseworker',
  'caseworker2',
  'field.cairo',
  'field.dhaka',
  'guardian',
  'guardian2',
  'social.milano',
  'social.palermo',
  'court.milano',
  'court.palermo',
  'ministry',
  'dpo',
] as const;
type Persona = (typeof PERSONAS)[number];
type Site = 'milano' | 'palermo' | 'outside';
const SITES: Site[] = ['milano', 'palermo', 'outside'];
// The site on which each persona works: fresh fixtures for an allowed write are built there.
const HOME: Record<Persona, Site> = {
  admin: 'milano',
  supervisor: 'milano',
  caseworker: 'milano',
  caseworker2: 'palermo',
  'field.cairo': 'milano',
  'field.dhaka': 'palermo',
  guardian: 'milano',
  guardian2: 'palermo',
  'social.milano': 'milano',
  'social.palermo': 'palermo',
  'court.milano': 'milano',
  'court.palermo': 'palermo',
  ministry: 'milano',
  dpo: 'milano',
};
const EXTERNAL_ROLES: Role[] = ['guardian', 'social_services', 'court', 'ministry'];

const DAY = 86_400_000;
const rand = () => randomBytes(4).toString('hex');
const ORIGINAL = Object.fromEntries(ASSESSMENT_SECTION_KEYS.map((k) => [k, `Original text of ${k}.`]));
const ITALIAN = Object.fromEntries(ASSESSMENT_SECTION_KEYS.map((k) => [k, `Testo italiano della sezione ${k}.`]));
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1'), randomBytes(512), Buffer.from('\n%%EOF\n')]);
const READ_LOG_TABLES = new Set(['audit_event', 'audit_head', 'sessions', 'login_failures', 'login_locks', 'migrations']);

// ---------------------------------------------------------------------------------------------
// Fixtures

interface Fixture {
  site: Site;
  caseId: string;
  caseNumber: string;
  consentId: string;
  memberId: string;
  pendingRiskCheckId: string | null;
  tracingRequestId: string | null;
  reportId: string | null;
  disclosureIds: string[];
  assessmentVersion: number | null;
  docs: { staff?: string; social?: string; guardian?: string; field?: string; filed?: string };
  taskId: string | null;
  courtGrantId: string | null;
  guardianConsentId: string | null;
}

interface Spec {
  state: CaseState;
  tracing?: 'SENT' | 'IN_PROGRESS' | 'LOCATED' | 'ASSESSED';
  attempt?: boolean;
  report?: SeedReportStatus;
  pendingRiskCheck?: boolean;
  task?: boolean;
  courtGrant?: boolean;
  guardianConsent?: boolean;
  // The shared fixture of a site: every record, with canary markers.
  shared?: boolean;
}

interface Canary {
  marker: string;
  // The personas allowed to receive it; every other persona must never see it.
  visibleTo: readonly Persona[];
}

// Part 2 (issue 4): a Milano case driven through the API to a stage of the return. Every person
// and office of Milano stands in a relation to it (the caseworker, the unit, the guardian, the
// office, the court once the petition is filed, the Cairo mission once the operational plan is
// approved); nobody of Palermo does.
const RETURN_STAGES = [
  'AWAITING',
  'REQUESTED',
  'COUNSELLING',
  'PLANNED',
  'FILED',
  'PENDING',
  'HEARING',
  'HEARD',
  'DECIDED',
  'COURT_APPROVED',
  'PREPARED',
  'AVR_PREPARATION',
  'IN_TRANSIT',
  'PROTOCOL',
  'HANDED_OVER',
  'CONCERN',
  'ESCALATED',
] as const;
type ReturnStage = (typeof RETURN_STAGES)[number] | 'DECIDED_NO_DECREE';
interface ReturnFixture {
  caseId: string;
  faReportId: string;
  caregiverId: string;
  ssDocId: string | null;
  proceedingId: string | null;
  hearingId: string | null;
  decisionId: string | null;
  decreeId: string | null;
  itemIds: string[];
  visitIds: string[];
  protocolId: string | null;
}

describe('the authorisation matrix', () => {
  let t: TestApp;
  let routes: RouteInfo[];
  const cookies = new Map<Persona, string>();
  const users = {} as Record<Persona, { id: string; org: string; name: string; role: Role; email: string }>;
  const orgs: Record<string, string> = {};
  const shared = {} as Record<Site, Fixture>;
  const canaries: Canary[] = [];
  const exercised = new Map<string, { allowed: number; refused: number }>();
  let sharedReturn: ReturnFixture;
  const now = () => t.clock.now();

  const site = (s: Site) =>
    ({
      milano: { nationality: 'EG', mission: orgs.missionEg!, unit: orgs.iom!, caseworker: 'caseworker' as Persona, guardian: 'guardian' as Persona, ss: orgs.ssMilano!, court: orgs.tmMilano!, live: true, recipientsOrg: null },
      palermo: { nationality: 'BD', mission: orgs.missionBd!, unit: orgs.iom!, caseworker: 'caseworker2' as Persona, guardian: 'guardian2' as Persona, ss: orgs.ssPalermo!, court: orgs.tmPalermo!, live: true, recipientsOrg: null },
      // Another unit's case: the demo personas' grants on it expired; its report went elsewhere.
      outside: { nationality: 'GM', mission: orgs.missionGm!, unit: orgs.otherUnit!, caseworker: 'caseworker' as Persona, guardian: 'guardian' as Persona, ss: orgs.ssMilano!, court: orgs.tmMilano!, live: false, recipientsOrg: orgs.ssTorino! },
    })[s];

  const q = <T>(sql: string, params: unknown[] = []) => t.db.query<T>(sql, params);

  // A case of `s` built directly in the database to `spec` (as the demo seed builds its stories).
  async function buildCase(s: Site, spec: Spec): Promise<Fixture> {
    const cfg = site(s);
    const tag = spec.shared ? `${s.toUpperCase()}-${rand()}` : rand();
    const marker = (what: string) => `CANARY-${what}-${tag}`;
    const cw = users[cfg.caseworker];
    const sup = users.supervisor;
    const minorId = (
      await q<{ id: string }[]>(
        `INSERT INTO minors (first_name, last_name, sex, nationality, date_of_birth, languages, region, municipality, reception_facility, health_notes, trafficking_indicators, legal_status, asylum_applicant)
         VALUES ($1, $2, 'M', $3, app_today() - interval '16 years', '{Arabo}', 'Lombardia', $4, $5, $6, $7, $8, true) RETURNING id`,
        [
          'Kanaro',
          spec.shared ? marker('NAME') : `Prova${tag}`,
          cfg.nationality,
          spec.shared ? marker('WHEREABOUTS') : 'Milano',
          spec.shared ? marker('FACILITY') : 'Comunità',
          spec.shared ? marker('HEALTH') : null,
          spec.shared ? marker('TRAFFICKING') : null,
          spec.shared ? marker('LEGALSTATUS') : 'Richiedente protezione internazionale',
        ],
      )
    )[0]!.id;
    const caseNumber = `MX-${tag}`;
    const caseId = (
      await q<{ id: string }[]>(
        `INSERT INTO cases (case_number, minor_id, state, channel, request_date, requesting_organisation_id, internal_notes, created_by, created_at, updated_at)
         VALUES ($1, $2, $3, 'DG_MLPS', app_today() - 40, $4, $5, $6, $7, $7) RETURNING id`,
        [caseNumber, minorId, spec.state, cfg.ss, spec.shared ? marker('INTERNAL') : null, cw.id, new Date(now().getTime() - 40 * DAY)],
      )
    )[0]!.id;
    // Person and office grants: live, or (outside) expired an hour ago; the unit's always live.
    const expires = cfg.live ? null : new Date(now().getTime() - 3_600_000);
    await q(
      `INSERT INTO case_grants (case_id, user_id, organisation_id, relation, expires_at, granted_by, reason) VALUES
        ($1, NULL, $2, 'supervising_unit', NULL, $9, 'matrix'),
        ($1, $3, NULL, 'assigned_caseworker', $8, $9, 'matrix'),
        ($1, $4, NULL, 'guardian', $8, $9, 'matrix'),
        ($1, NULL, $5, 'social_services', $8, $9, 'matrix'),
        ($1, NULL, $6, 'court', $8, $9, 'matrix'),
        ($1, NULL, $7, 'ministry', $8, $9, 'matrix')`,
      [caseId, cfg.unit, cw.id, users[cfg.guardian].id, cfg.ss, cfg.court, orgs.ministry, expires, sup.id],
    );
    const consentId = (
      await q<{ id: string }[]>(
        `INSERT INTO consents (case_id, subject, scope, language, mediator_present, informed_by, minor_words, given_at, recorded_by)
         VALUES ($1, 'MINOR', 'TRACING', 'Arabo', false, 'Operatore OIM Roma', 'Voglio che trovino mia madre.', $2, $3) RETURNING id`,
        [caseId, new Date(now().getTime() - 30 * DAY), cw.id],
      )
    )[0]!.id;
    await q(
      `INSERT INTO risk_checks (case_id, stage, risk_to_minor, risk_to_family, area_security, decision, assessed_by, approved_by, approved_at, created_at)
       VALUES ($1, 'PRE_TRACING', $2, 'Basso', 'Stabile', 'PROCEED', $3, $4, $5, $5)`,
      [caseId, spec.shared ? marker('RISK') : 'Nessuno', cw.id, sup.id, new Date(now().getTime() - 29 * DAY)],
    );
    const memberId = (
      await q<{ id: string }[]>(
        `INSERT INTO family_members (case_id, relationship, first_name, last_name, alive, country, locality, address, phones, is_caregiver_candidate)
         VALUES ($1, 'MOTHER', 'Fatma', 'Kanaro', 'YES', $2, 'Kafr el-Sheikh', $3, '{+20 555 0100}', true) RETURNING id`,
        [caseId, cfg.nationality, spec.shared ? marker('ADDRESS') : 'Via del mercato'],
      )
    )[0]!.id;
    const fx: Fixture = {
      site: s,
      caseId,
      caseNumber,
      consentId,
      memberId,
      pendingRiskCheckId: null,
      tracingRequestId: null,
      reportId: null,
      disclosureIds: [],
      assessmentVersion: null,
      docs: {},
      taskId: null,
      courtGrantId: null,
      guardianConsentId: null,
    };

    const field = cfg.nationality === 'BD' ? users['field.dhaka'] : users['field.cairo'];
    if (spec.tracing) {
      const sentAt = new Date(now().getTime() - 10 * DAY);
      const sent = await createTracingRequestForSeed(t.db, {
        caseId,
        missionId: cfg.mission,
        targetMemberIds: [memberId],
        questions: ['La famiglia è disponibile?'],
        safetyNotes: spec.shared ? marker('SAFETY') : null,
        sentBy: cw.id,
        sentAt,
        status: spec.tracing === 'SENT' ? 'SENT' : 'IN_PROGRESS',
      });
      fx.tracingRequestId = sent.id;
      if (spec.attempt || spec.tracing === 'LOCATED' || spec.tracing === 'ASSESSED') {
        await q(`INSERT INTO contact_attempts (tracing_request_id, attempted_at, channel, result, family_member_id, recorded_by) VALUES ($1, $2, 'PHONE', 'Risposto', $3, $4)`, [
          sent.id,
          new Date(sentAt.getTime() + DAY),
          memberId,
          field.id,
        ]);
      }
      if (spec.tracing === 'LOCATED' || spec.tracing === 'ASSESSED') {
        await q(
          `UPDATE tracing_requests SET status = 'COMPLETED', outcome = 'LOCATED', outcome_notes = 'Madre rintracciata', interview_mode = 'HOME_VISIT', outcome_recorded_at = $2, outcome_recorded_by = $3 WHERE id = $1`,
          [sent.id, new Date(sentAt.getTime() + 2 * DAY), field.id],
        );
        for (const scope of ['INTERVIEW', 'SHARE_REPORT']) {
          await q(
            `INSERT INTO consents (case_id, subject, family_member_id, tracing_request_id, scope, language, mediator_present, informed_by, given_at, recorded_by)
             VALUES ($1, 'FAMILY_MEMBER', $2, $3, $4, 'Arabo', false, 'Operatore OIM della missione', $5, $6)`,
            [caseId, memberId, sent.id, scope, new Date(sentAt.getTime() + 2 * DAY), field.id],
          );
        }
      }
      if (spec.tracing === 'ASSESSED') {
        await q(
          `INSERT INTO family_assessments (case_id, tracing_request_id, interview_date, interview_mode, persons_present, language_original, sections_original, sections_it,
             translated_by, translated_at, translated_from_version, written_by)
           VALUES ($1, $2, app_today() - 7, 'HOME_VISIT', 'Madre', 'Arabo', $3, $4, $5, $6, 1, $7)`,
          [caseId, sent.id, JSON.stringify(ORIGINAL), JSON.stringify(ITALIAN), cw.id, new Date(now().getTime() - 6 * DAY), field.id],
        );
        fx.assessmentVersion = 1;
        await q(`INSERT INTO case_history (case_id, at, actor_id, kind, from_state, to_state, detail) VALUES ($1, $2, $3, 'TRANSITION', 'ASSESSMENT_DONE', 'REPORT_DRAFTING', '{}')`, [
          caseId,
          new Date(now().getTime() - 5 * DAY),
          cw.id,
        ]);
      }
    }
    if (spec.report) {
      const share = (await q<{ id: string }[]>(`SELECT id FROM consents WHERE case_id = $1 AND scope = 'SHARE_REPORT' LIMIT 1`, [caseId]))[0]?.id ?? null;
      const recipients = cfg.recipientsOrg
        ? [{ organisationId: cfg.recipientsOrg, name: 'Comune di Torino (test)' }]
        : [
            { organisationId: cfg.ss, name: 'Servizi sociali' },
            { userId: users[cfg.guardian].id, name: 'Tutore' },
            { organisationId: orgs.ministry!, name: 'Ministero' },
            { organisationId: cfg.court, name: 'Tribunale per i minorenni' },
          ];
      const created = await createReportForSeed(t.db, {
        caseId,
        status: spec.report,
        draftedBy: cw.id,
        qaBy: users[cfg.caseworker === 'caseworker' ? 'caseworker2' : 'caseworker'].id,
        approvedBy: sup.id,
        releasedBy: cw.id,
        at: new Date(now().getTime() - 4 * DAY),
        ...(spec.shared ? { sectionsIt: { recommendations: marker('REPORT') } } : {}),
        ...(spec.report === 'RELEASED' ? { release: { recipients, purpose: 'Valutazione del superiore interesse', legalBasis: 'Art. 19 c. 7-bis', familyConsentId: share } } : {}),
      });
      fx.reportId = created.reportId;
      fx.disclosureIds = (await q<{ id: string }[]>(`SELECT id FROM report_disclosures WHERE report_version_id = $1 ORDER BY id`, [created.versionId])).map((r) => r.id);
    }
    if (spec.pendingRiskCheck) {
      fx.pendingRiskCheckId = (
        await q<{ id: string }[]>(
          `INSERT INTO risk_checks (case_id, stage, risk_to_minor, risk_to_family, area_security, decision, assessed_by, created_at)
           VALUES ($1, 'PRE_RETURN', 'Nessuno', 'Basso', 'Stabile', 'PROCEED', $2, $3) RETURNING id`,
          [caseId, cw.id, now()],
        )
      )[0]!.id;
    }
    if (spec.task) {
      fx.taskId = (
        await q<{ id: string }[]>(
          `INSERT INTO tasks (case_id, rule, title, due_at, source, owner_role, created_by) VALUES ($1, $2, 'Richiamare i servizi sociali', $3, 'MANUAL', 'caseworker', $4) RETURNING id`,
          [caseId, `manual:${randomUUID()}`, new Date(now().getTime() + 7 * DAY), cw.id],
        )
      )[0]!.id;
    }
    if (spec.courtGrant) {
      fx.courtGrantId = (
        await q<{ id: string }[]>(`INSERT INTO case_grants (case_id, organisation_id, relation, expires_at, reason, granted_by) VALUES ($1, $2, 'court', $3, 'udienza', $4) RETURNING id`, [
          caseId,
          cfg.court,
          new Date(now().getTime() + 30 * DAY),
          sup.id,
        ])
      )[0]!.id;
    }
    if (spec.guardianConsent) {
      fx.guardianConsentId = (
        await q<{ id: string }[]>(
          `INSERT INTO consents (case_id, subject, scope, language, mediator_present, informed_by, given_at, recorded_by) VALUES ($1, 'GUARDIAN', 'PHOTO', 'Italiano', false, 'Tutore', $2, $3) RETURNING id`,
          [caseId, new Date(now().getTime() - DAY), users[cfg.guardian].id],
        )
      )[0]!.id;
    }
    if (spec.shared) await addSharedRecords(fx, marker, field);
    return fx;
  }

  async function insertDocument(caseId: string, uploader: string, type: string, title: string, tracingRequestId: string | null = null): Promise<string> {
    const id = (
      await q<{ id: string }[]>(
        `INSERT INTO documents (case_id, tracing_request_id, type, title, language, origin, file_name, media_type, size_bytes, sha256, uploaded_by, uploaded_at)
         VALUES ($1, $2, $3, $4, 'it', 'RECEIVED', 'documento.pdf', 'application/pdf', $5, $6, $7, $8) RETURNING id`,
        [caseId, tracingRequestId, type, title, PDF.length, 'a'.repeat(64), uploader, now()],
      )
    )[0]!.id;
    await q(`INSERT INTO document_contents (document_id, content) VALUES ($1, $2)`, [id, PDF]);
    return id;
  }

  // Everything else a case can hold, each carrying a marker of its scope.
  async function addSharedRecords(fx: Fixture, marker: (what: string) => string, field: { id: string }) {
    const cfg = site(fx.site);
    const cw = users[cfg.caseworker];
    const ssUser = fx.site === 'palermo' ? users['social.palermo'] : users['social.milano'];
    fx.docs.staff = await insertDocument(fx.caseId, cw.id, 'CORRESPONDENCE', marker('DOCSTAFF'));
    fx.docs.social = await insertDocument(fx.caseId, ssUser.id, 'SOCIAL_SERVICES_REPORT', marker('DOCSOCIAL'));
    fx.docs.guardian = await insertDocument(fx.caseId, users[cfg.guardian].id, 'CONSENT', marker('DOCGUARDIAN'));
    fx.docs.field = await insertDocument(fx.caseId, field.id, 'FAMILY_ASSESSMENT_ORIGINAL', marker('DOCFIELD'), fx.tracingRequestId);
    fx.docs.filed = await insertDocument(fx.caseId, cw.id, 'IF_REPORT', marker('DOCFILED'));
    // The proceeding before the site's court: the social services' report and the filed copy.
    await q(
      `INSERT INTO court_proceedings (case_id, kind, court_organisation_id, docket_number, filed_by, filed_by_name, filed_on, social_services_document_id, other_document_ids, reintegration_proposal, recorded_by, created_at)
       VALUES ($1, 'AVR_ART8', $2, $3, 'GUARDIAN', 'Tutore', app_today() - 3, $4, $5, true, $6, $7)`,
      [fx.caseId, cfg.court, `RG ${rand()}/2026`, fx.docs.social, [fx.docs.filed], cw.id, now()],
    );
    fx.taskId = (
      await q<{ id: string }[]>(
        `INSERT INTO tasks (case_id, rule, title, due_at, source, owner_role, created_by) VALUES ($1, $2, $3, $4, 'MANUAL', 'caseworker', $5) RETURNING id`,
        [fx.caseId, `manual:${randomUUID()}`, marker('TASK'), new Date(now().getTime() + 7 * DAY), cw.id],
      )
    )[0]!.id;
    fx.pendingRiskCheckId = (
      await q<{ id: string }[]>(
        `INSERT INTO risk_checks (case_id, stage, risk_to_minor, risk_to_family, area_security, decision, assessed_by, created_at)
         VALUES ($1, 'PRE_RETURN', 'Nessuno', 'Basso', 'Stabile', 'PROCEED', $2, $3) RETURNING id`,
        [fx.caseId, cw.id, now()],
      )
    )[0]!.id;
    fx.courtGrantId = (await q<{ id: string }[]>(`SELECT id FROM case_grants WHERE case_id = $1 AND relation = 'court' LIMIT 1`, [fx.caseId]))[0]!.id;
    fx.guardianConsentId = (
      await q<{ id: string }[]>(
        `INSERT INTO consents (case_id, subject, scope, language, mediator_present, informed_by, given_at, recorded_by) VALUES ($1, 'GUARDIAN', 'PHOTO', 'Italiano', false, 'Tutore', $2, $3) RETURNING id`,
        [fx.caseId, new Date(now().getTime() - DAY), users[cfg.guardian].id],
      )
    )[0]!.id;
    await q(
      `INSERT INTO minor_views (case_id, context, words, language, mediator_present, expressed_on, relayed_by, created_at) VALUES ($1, 'GENERAL', $2, 'Arabo', false, app_today() - 1, $3, $4)`,
      [fx.caseId, marker('VIEWS'), users[cfg.guardian].id, now()],
    );
    await q(`INSERT INTO prosieguo_requests (case_id, organisation_id, requested_by, reasons, submitted_at) VALUES ($1, $2, $3, $4, $5)`, [fx.caseId, ssUser.org, ssUser.id, marker('PROSIEGUO'), now()]);
    await q(
      `INSERT INTO external_requests (case_id, organisation_id, submitted_by, submitted_at, channel, questions, family_information) VALUES ($1, $2, $3, $4, 'OTHER', '[]', $5)`,
      [fx.caseId, ssUser.org, ssUser.id, new Date(now().getTime() - 40 * DAY), marker('FAMILYINFO')],
    );

    // Who may ever receive each marker (the scopes of the site's case).
    const p = (...list: Persona[]) => list;
    const live = fx.site !== 'outside';
    const staff = live ? (fx.site === 'milano' ? p('supervisor', 'caseworker') : p('supervisor', 'caseworker2')) : p();
    const s = fx.site === 'milano' ? { g: 'guardian', ss: 'social.milano', tm: 'court.milano', f: 'field.cairo' } : { g: 'guardian2', ss: 'social.palermo', tm: 'court.palermo', f: 'field.dhaka' };
    const ext = (...roles: ('g' | 'ss' | 'tm' | 'f')[]) => (live ? roles.map((r) => s[r] as Persona) : []);
    const add = (what: string, visibleTo: Persona[]) => canaries.push({ marker: marker(what), visibleTo });
    add('NAME', [...staff, ...ext('g', 'ss', 'tm', 'f'), ...(live ? p('ministry') : [])]);
    add('INTERNAL', staff);
    add('WHEREABOUTS', [...staff, ...ext('g', 'ss', 'tm')]);
    add('FACILITY', [...staff, ...ext('g', 'ss', 'tm')]);
    add('LEGALSTATUS', [...staff, ...ext('g', 'ss', 'tm')]);
    add('HEALTH', [...staff, ...ext('g', 'ss')]);
    add('TRAFFICKING', [...staff, ...ext('g', 'ss')]);
    add('ADDRESS', [...staff, ...ext('f')]);
    add('SAFETY', [...staff, ...ext('f')]);
    add('RISK', staff);
    add('REPORT', staff);
    add('DOCSTAFF', staff);
    add('DOCSOCIAL', [...staff, ...ext('ss', 'tm')]);
    add('DOCGUARDIAN', [...staff, ...ext('g')]);
    add('DOCFIELD', [...staff, ...ext('f')]);
    add('DOCFILED', [...staff, ...ext('tm')]);
    add('TASK', staff);
    add('VIEWS', [...staff, ...ext('g')]);
    add('PROSIEGUO', [...staff, ...ext('g', 'ss')]);
    add('FAMILYINFO', [...staff, ...ext('ss')]);
  }

  // A Milano return case driven through the API to `stage`, each step as its user takes it.
  async function buildReturn(stage: ReturnStage): Promise<ReturnFixture> {
    const d = new ReturnDriver(t, { caseworker: cookieOf('caseworker'), supervisor: cookieOf('supervisor') });
    const target = stage === 'DECIDED_NO_DECREE' ? 'HEARD' : stage;
    const reach = (s: (typeof RETURN_STAGES)[number]) => RETURN_STAGES.indexOf(target) >= RETURN_STAGES.indexOf(s);
    const ok = async (pending: PromiseLike<request.Response>, status: number, what: string) => {
      const response = await pending;
      if (response.status !== status) throw new Error(`return fixture, ${what}: ${response.status} ${response.text.slice(0, 400)}`);
      return response.body as Record<string, unknown> & { id: string };
    };
    const caseId = await t.blankCase('AWAITING_SOLUTION');
    const move = async (who: Persona, to: string) => {
      const response = await d.move(cookieOf(who), caseId, to);
      if (response.status !== 200) throw new Error(`return fixture, move to ${to}: ${response.status} ${response.text.slice(0, 400)}`);
    };
    const rf: ReturnFixture = {
      caseId,
      faReportId: await d.releasedFamilyAssessment(caseId),
      caregiverId: '',
      ssDocId: null,
      proceedingId: null,
      hearingId: null,
      decisionId: null,
      decreeId: null,
      itemIds: [],
      visitIds: [],
      protocolId: null,
    };
    await d.grantGuardian(caseId);
    rf.caregiverId = await d.caregiver(caseId);
    const court = cookieOf('court.milano');
    const cairo = cookieOf('field.cairo');
    if (reach('REQUESTED')) await d.minorRequest(caseId);
    if (reach('COUNSELLING')) {
      await ok(json('POST', `/api/cases/${caseId}/avr/guardian-consent`, cookieOf('guardian'), { confirm: true }), 201, 'guardian consent');
      await move('caseworker', 'AVR_REQUESTED');
      await move('caseworker', 'AVR_COUNSELLING');
    }
    if (reach('PLANNED')) {
      await ok(
        json('POST', `/api/cases/${caseId}/avr/counselling-sessions`, cookieOf('caseworker'), {
          heldOn: isoDay(now()),
          counsellor: 'Marco Bellini',
          language: 'Arabo',
          mediatorPresent: false,
          minorWords: 'Voglio tornare da mia madre.',
          topics: ['scuola'],
        }),
        201,
        'counselling',
      );
      rf.itemIds = await d.plan(caseId);
      rf.ssDocId = (await ok(upload(`/api/cases/${caseId}/documents`, cookieOf('caseworker'), 'SOCIAL_SERVICES_REPORT'), 201, 'social services report')).id;
    }
    if (reach('FILED')) {
      rf.proceedingId = (
        await ok(
          json('POST', `/api/cases/${caseId}/court/proceedings`, cookieOf('caseworker'), {
            courtOrganisationId: orgs.tmMilano,
            docketNumber: `RG ${rand()}/2026`,
            filedBy: 'GUARDIAN',
            filedByName: 'Paola Riva',
            filedOn: isoDay(now()),
            familyAssessmentReportId: rf.faReportId,
            socialServicesReportDocumentId: rf.ssDocId,
            reintegrationProposal: true,
          }),
          201,
          'filing',
        )
      ).id;
      // The court reads the case through time-limited access given by the supervisor (issue 5).
      await ok(json('POST', `/api/cases/${caseId}/court-access`, cookieOf('supervisor'), { courtOrganisationId: orgs.tmMilano, expiresAt: iso(180 * DAY), reason: 'Ricorso art. 8 depositato' }), 201, 'court access');
    }
    if (reach('PENDING')) await move('caseworker', 'COURT_PENDING');
    if (reach('HEARING')) rf.hearingId = (await ok(json('POST', `/api/cases/${caseId}/court/proceedings/${rf.proceedingId}/hearings`, court, { scheduledAt: iso(5 * DAY) }), 201, 'hearing')).id;
    if (reach('HEARD')) {
      await ok(
        json('PUT', `/api/cases/${caseId}/court/hearings/${rf.hearingId}`, court, { heldAt: iso(-60_000), minorHeard: true, guardianHeard: true, interpreterName: 'Interprete', interpreterLanguage: 'Arabo' }),
        200,
        'hearing held',
      );
    }
    if (stage === 'DECIDED_NO_DECREE' || reach('DECIDED')) {
      rf.decreeId = (await ok(call('POST', `/api/cases/${caseId}/court/decrees`, court).field('title', 'Decreto').field('language', 'it').attach('file', PDF, 'decreto.pdf'), 201, 'decree')).id;
      const decision = { outcome: 'RETURN_ORDERED', decidedOn: isoDay(now()), reasonsSummary: 'Sentiti il minore e il tutore.', ...(stage === 'DECIDED_NO_DECREE' ? {} : { decreeDocumentId: rf.decreeId }) };
      rf.decisionId = (await ok(json('POST', `/api/cases/${caseId}/court/proceedings/${rf.proceedingId}/decision`, court, decision), 201, 'decision')).id;
    }
    if (reach('COURT_APPROVED')) await move('caseworker', 'COURT_APPROVED');
    if (reach('PREPARED')) await d.prepareReturn(caseId, rf.caregiverId, new Date(now().getTime() + 20 * DAY));
    if (reach('AVR_PREPARATION')) await move('supervisor', 'AVR_PREPARATION');
    if (reach('IN_TRANSIT')) {
      await d.approveReport(caseId, { kind: 'AVR_OPERATIONAL_NOTE' }, true);
      await move('caseworker', 'IN_TRANSIT');
    }
    if (reach('PROTOCOL')) rf.protocolId = (await ok(upload(`/api/field/returns/${caseId}/documents`, cairo, 'HANDOVER_PROTOCOL'), 201, 'protocol')).id;
    if (reach('HANDED_OVER')) {
      await ok(json('POST', `/api/field/returns/${caseId}/handover`, cairo, handoverBody(rf)), 201, 'hand-over');
      rf.visitIds = (await q<{ id: string }[]>(`SELECT id FROM monitoring_visits WHERE case_id = $1 ORDER BY seq`, [caseId])).map((r) => r.id);
    }
    if (reach('CONCERN')) await ok(json('PUT', `/api/field/returns/${caseId}/monitoring-visits/${rf.visitIds[0]}`, cairo, await visitBody(rf, true)), 200, 'visit with a concern');
    if (reach('ESCALATED')) {
      await ok(json('POST', `/api/field/returns/${caseId}/monitoring-visits/${rf.visitIds[0]}/escalation`, cairo, { referredTo: 'Comitato di protezione', note: 'Segnalato per telefono.' }), 200, 'escalation');
    }
    return rf;
  }
  const handoverBody = (rf: ReturnFixture) => ({
    arrivedAt: iso(-200 * DAY),
    place: 'Aeroporto del Cairo',
    receivedByName: 'Fatma Ibrahim',
    receivedByKind: 'PARENT',
    receivedByFamilyMemberId: rf.caregiverId,
    protocolDocumentId: rf.protocolId,
    signedBy: ['Scorta OIM', 'Missione OIM Il Cairo', 'Fatma Ibrahim'],
  });
  const visitBody = async (rf: ReturnFixture, concern = false, index = 0) => {
    const planned = (await q<{ planned_on: string }[]>(`SELECT to_char(planned_on, 'YYYY-MM-DD') AS planned_on FROM monitoring_visits WHERE id = $1`, [rf.visitIds[index]]))[0]!.planned_on;
    return { visitedOn: planned, mode: 'HOME', officer: 'Operatore della missione', childSeenAlone: true, wellbeing: 'Va a scuola, dorme bene.', ...(concern ? { protectionConcerns: 'Uno zio lo spinge a lavorare.' } : {}) };
  };

  // ---------------------------------------------------------------------------------------------
  // The oracle: the persona's relations to a target, read from the rows.

  async function caseRelations(persona: Persona, caseId: string): Promise<AccessRelation[]> {
    const u = users[persona];
    const rows = await q<{ relation: AccessRelation }[]>(
      `SELECT DISTINCT relation FROM case_grants WHERE case_id = $1 AND (expires_at IS NULL OR expires_at > $2) AND (user_id = $3 OR organisation_id = $4)`,
      [caseId, now(), u.id, u.org],
    );
    return rows.map((r) => r.relation);
  }
  // The relation that opens the case file to the persona's role, written out here.
  const OWN_RELATION: Partial<Record<Role, AccessRelation>> = {
    supervisor: 'supervising_unit',
    caseworker: 'assigned_caseworker',
    guardian: 'guardian',
    social_services: 'social_services',
    court: 'court',
  };

  type Target = { kind: 'none' } | { kind: 'case' | 'report' | 'document' | 'tracing_request' | 'task' | 'disclosure' | 'user' | 'return'; id: string; caseId?: string };
  const FIELD_RETURN_STATES = ['AVR_PREPARATION', 'IN_TRANSIT', 'HANDED_OVER', 'REINTEGRATION', 'MONITORING', 'CLOSED_REINTEGRATED'];

  async function relationsOf(persona: Persona, target: Target): Promise<AccessRelation[]> {
    const u = users[persona];
    switch (target.kind) {
      case 'none':
      case 'user':
        return ['any'];
      case 'case':
      case 'task':
        return caseRelations(persona, target.caseId ?? target.id);
      case 'report': {
        const rel = await caseRelations(persona, target.caseId!);
        const recipient = await q(
          `SELECT 1 FROM report_disclosures d JOIN report_versions v ON v.id = d.report_version_id
            WHERE v.report_id = $1 AND (d.recipient_user_id = $2 OR (d.recipient_user_id IS NULL AND d.recipient_organisation_id = $3))`,
          [target.id, u.id, u.org],
        );
        return (recipient as unknown[]).length ? [...rel, 'recipient'] : rel;
      }
      case 'return': {
        const mine = await q(
          `SELECT 1 FROM avr_travel_plans tp JOIN cases c ON c.id = tp.case_id WHERE tp.case_id = $1 AND tp.receiving_mission_id = $2 AND c.state = ANY($3::text[])`,
          [target.id, u.org, FIELD_RETURN_STATES],
        );
        return (mine as unknown[]).length ? ['mission'] : [];
      }
      case 'disclosure': {
        const rows = await q(`SELECT 1 FROM report_disclosures WHERE id = $1 AND (recipient_user_id = $2 OR (recipient_user_id IS NULL AND recipient_organisation_id = $3))`, [target.id, u.id, u.org]);
        return (rows as unknown[]).length ? ['recipient'] : [];
      }
      case 'tracing_request': {
        const rel = await caseRelations(persona, target.caseId!);
        const mine = await q(`SELECT 1 FROM tracing_requests WHERE id = $1 AND mission_id = $2`, [target.id, u.org]);
        return (mine as unknown[]).length ? [...rel, 'mission'] : rel;
      }
      case 'document': {
        const rel = await caseRelations(persona, target.caseId!);
        const doc = (
          await q<{ uploaded_by: string; uploader_org: string; tracing_request_id: string | null; mission_id: string | null; status: string | null }[]>(
            `SELECT d.uploaded_by, uu.organisation_id AS uploader_org, d.tracing_request_id, tr.mission_id, tr.status
               FROM documents d JOIN users uu ON uu.id = d.uploaded_by LEFT JOIN tracing_requests tr ON tr.id = d.tracing_request_id WHERE d.id = $1`,
            [target.id],
          )
        )[0]!;
        const own = OWN_RELATION[u.role];
        const sees = own !== undefined && rel.includes(own);
        const extra: AccessRelation[] = [];
        if (u.role === 'guardian' && sees && doc.uploaded_by === u.id) extra.push('uploader');
        if (u.role === 'social_services' && sees && doc.uploader_org === u.org) extra.push('uploader');
        if (u.role === 'court' && sees) {
          const filed = await q(
            `SELECT 1 FROM court_proceedings cp WHERE cp.case_id = $1 AND cp.court_organisation_id = $2 AND (cp.social_services_document_id = $3 OR $3 = ANY (cp.other_document_ids))
             UNION ALL SELECT 1 FROM court_decisions cd JOIN court_proceedings cp ON cp.id = cd.proceeding_id WHERE cd.decree_document_id = $3 AND cp.court_organisation_id = $2`,
            [target.caseId, u.org, target.id],
          );
          if ((filed as unknown[]).length || doc.uploader_org === u.org) extra.push('filed');
        }
        if (u.role === 'field_officer' && doc.mission_id === u.org && doc.uploader_org === u.org && doc.status !== 'CANCELLED') extra.push('mission');
        return [...rel, ...extra];
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Requests

  const server = () => t.app.getHttpServer();
  const call = (method: string, path: string, cookie: string) => {
    const r = (request(server()) as unknown as Record<string, (p: string) => request.Test>)[method.toLowerCase()]!(path).set('cookie', cookie);
    return method === 'GET' ? r : r.set(FETCH);
  };
  const json = (method: string, path: string, cookie: string, body?: object) => (body === undefined ? call(method, path, cookie) : call(method, path, cookie).send(body));
  const version = async (caseId: string) => (await q<{ version: number }[]>(`SELECT version FROM cases WHERE id = $1`, [caseId]))[0]!.version;
  const iso = (offsetMs = 0) => new Date(now().getTime() + offsetMs).toISOString();
  const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(now());
  const upload = (path: string, cookie: string, type: string) =>
    call('POST', path, cookie).field('type', type).field('title', `Documento ${rand()}`).field('language', 'it').attach('file', PDF, 'documento.pdf');

  interface Ctx {
    fx: Fixture;
    persona: Persona;
    cookie: string;
    target: Target;
    // The return case the cell acts on (issue 4 routes): the shared one, or a fresh one.
    rf: ReturnFixture;
  }
  interface Probe {
    // The resources of a fixture the route is tried on (one cell each); none: a global route.
    targets?(fx: Fixture): Target[];
    // An allowed write gets a fresh fixture built to this spec at the persona's home site.
    fresh?: Spec | ((persona: Persona) => Spec);
    // A fresh session for every call (logout ends it).
    ownSession?: true;
    // Issue 4 routes: an allowed write gets a fresh return case driven to this stage.
    stage?: ReturnStage;
    send(c: Ctx): PromiseLike<request.Response>;
  }
  const onCase = (fx: Fixture): Target[] => [{ kind: 'case', id: fx.caseId }];
  // The shared return case belongs to the Milano site.
  const onReturn =
    (kind: 'case' | 'return') =>
    (fx: Fixture): Target[] =>
      fx.site === 'milano' ? [{ kind, id: sharedReturn.caseId, caseId: sharedReturn.caseId }] : [];
  const base: Spec = { state: 'SCREENING' };
  const P = (c: Ctx) => c.target as { id: string; caseId: string };
  const minor = () => ({ firstName: 'Nuovo', lastName: `Minore${rand()}`, sex: 'M', nationality: 'EG' });

  const PROBES: Record<string, Probe> = {
    'GET /api/auth/me': { send: (c) => call('GET', '/api/auth/me', c.cookie) },
    'POST /api/auth/logout': { ownSession: true, send: (c) => call('POST', '/api/auth/logout', c.cookie) },

    'GET /api/admin/organisations': { send: (c) => call('GET', '/api/admin/organisations', c.cookie) },
    'POST /api/admin/organisations': { send: (c) => json('POST', '/api/admin/organisations', c.cookie, { name: `Comune di Prova ${rand()}`, type: 'SOCIAL_SERVICES', municipality: 'Torino' }) },
    'GET /api/admin/users': { send: (c) => call('GET', '/api/admin/users', c.cookie) },
    'POST /api/admin/users': {
      send: (c) =>
        json('POST', '/api/admin/users', c.cookie, { email: `nuovo.${rand()}@prova.example`, displayName: 'Nuovo tutore', role: 'guardian', organisationId: orgs.guardiansMilano, password: 'una frase lunga e sicura 2026' }),
    },
    // A refused call names an existing account (and must leave it as it was); an allowed one gets
    // an account of its own.
    'POST /api/admin/users/:userId/deactivate': { targets: () => [{ kind: 'user', id: users.guardian2.id }], send: (c) => call('POST', `/api/admin/users/${P(c).id}/deactivate`, c.cookie) },
    'POST /api/admin/users/:userId/password': {
      targets: () => [{ kind: 'user', id: users.guardian2.id }],
      send: (c) => json('POST', `/api/admin/users/${P(c).id}/password`, c.cookie, { password: 'una nuova frase lunga 2026' }),
    },

    'GET /api/cases': { send: (c) => call('GET', '/api/cases?limit=100', c.cookie) },
    'POST /api/cases/search': { send: (c) => json('POST', '/api/cases/search', c.cookie, { name: 'Kanaro', limit: 100 }) },
    'GET /api/cases/filters': { send: (c) => call('GET', '/api/cases/filters', c.cookie) },
    'POST /api/cases': {
      send: (c) =>
        json('POST', '/api/cases', c.cookie, {
          minor: minor(),
          channel: 'DG_MLPS',
          requestingOrganisationId: orgs.ssMilano,
          requestDate: today(),
          ...(users[c.persona].role === 'supervisor' ? { assignedCaseworkerId: users.caseworker.id } : {}),
        }),
    },
    'GET /api/cases/:caseId': { targets: onCase, send: (c) => call('GET', `/api/cases/${c.fx.caseId}`, c.cookie) },
    'PATCH /api/cases/:caseId': { targets: onCase, fresh: base, send: async (c) => json('PATCH', `/api/cases/${c.fx.caseId}`, c.cookie, { priority: 'HIGH' }).set('if-match', String(await version(c.fx.caseId))) },
    'PATCH /api/cases/:caseId/minor': {
      targets: onCase,
      fresh: base,
      send: async (c) => json('PATCH', `/api/cases/${c.fx.caseId}/minor`, c.cookie, { languages: ['Arabo', 'Italiano'] }).set('if-match', String(await version(c.fx.caseId))),
    },
    'GET /api/cases/:caseId/timeline': { targets: onCase, send: (c) => call('GET', `/api/cases/${c.fx.caseId}/timeline`, c.cookie) },
    'POST /api/cases/:caseId/transitions': {
      targets: onCase,
      fresh: { state: 'RECEIVED' },
      send: async (c) => json('POST', `/api/cases/${c.fx.caseId}/transitions`, c.cookie, { to: 'SCREENING' }).set('if-match', String(await version(c.fx.caseId))),
    },

    'GET /api/cases/:caseId/file': { targets: onCase, send: (c) => call('GET', `/api/cases/${c.fx.caseId}/file`, c.cookie) },
    'POST /api/cases/:caseId/consents': {
      targets: onCase,
      fresh: base,
      send: (c) =>
        json('POST', `/api/cases/${c.fx.caseId}/consents`, c.cookie, {
          subject: 'MINOR',
          scope: 'DATA_PROCESSING',
          language: 'Arabo',
          mediatorPresent: false,
          informedBy: 'Operatore OIM Roma',
          minorWords: 'Sono d’accordo.',
          givenAt: iso(-60_000),
        }),
    },
    'POST /api/cases/:caseId/consents/:consentId/withdraw': {
      targets: onCase,
      fresh: base,
      send: (c) => json('POST', `/api/cases/${c.fx.caseId}/consents/${c.fx.consentId}/withdraw`, c.cookie, { reason: 'Il minore ha cambiato idea' }),
    },
    'POST /api/cases/:caseId/risk-checks': {
      targets: onCase,
      fresh: base,
      send: (c) =>
        json('POST', `/api/cases/${c.fx.caseId}/risk-checks`, c.cookie, {
          stage: 'PRE_TRACING',
          riskToMinor: 'Nessuno',
          riskToFamily: 'Nessuno',
          protectionStatusConflict: false,
          traffickingConcern: false,
          areaSecurity: 'Stabile',
          decision: 'PROCEED',
        }),
    },
    'POST /api/cases/:caseId/risk-checks/:riskCheckId/approve': {
      targets: onCase,
      fresh: { ...base, pendingRiskCheck: true },
      send: (c) => call('POST', `/api/cases/${c.fx.caseId}/risk-checks/${c.fx.pendingRiskCheckId}/approve`, c.cookie),
    },
    'POST /api/cases/:caseId/family-members': {
      targets: onCase,
      fresh: base,
      send: (c) => json('POST', `/api/cases/${c.fx.caseId}/family-members`, c.cookie, { relationship: 'UNCLE', firstName: 'Zio', lastName: 'Prova' }),
    },

    'POST /api/cases/:caseId/tracing-requests': {
      targets: onCase,
      fresh: { state: 'READY_FOR_TRACING' },
      send: (c) => json('POST', `/api/cases/${c.fx.caseId}/tracing-requests`, c.cookie, { missionId: site(c.fx.site).mission, targetMemberIds: [c.fx.memberId] }),
    },
    'GET /api/cases/:caseId/tracing': { targets: onCase, send: (c) => call('GET', `/api/cases/${c.fx.caseId}/tracing`, c.cookie) },
    'PUT /api/cases/:caseId/assessment/translation': {
      targets: onCase,
      fresh: { state: 'REPORT_DRAFTING', tracing: 'ASSESSED' },
      send: (c) => json('PUT', `/api/cases/${c.fx.caseId}/assessment/translation`, c.cookie, { sections: ITALIAN }).set('if-match', String(c.fx.assessmentVersion ?? 1)),
    },
    'GET /api/tracing-requests': { send: (c) => call('GET', '/api/tracing-requests?limit=100', c.cookie) },
    'GET /api/tracing-requests/:tracingRequestId': {
      targets: (fx) => [{ kind: 'tracing_request', id: fx.tracingRequestId!, caseId: fx.caseId }],
      send: (c) => call('GET', `/api/tracing-requests/${P(c).id}`, c.cookie),
    },
    'POST /api/tracing-requests/:tracingRequestId/contact-attempts': {
      targets: (fx) => [{ kind: 'tracing_request', id: fx.tracingRequestId!, caseId: fx.caseId }],
      fresh: { state: 'TRACING_IN_PROGRESS', tracing: 'IN_PROGRESS' },
      send: (c) => json('POST', `/api/tracing-requests/${c.fx.tracingRequestId}/contact-attempts`, c.cookie, { attemptedAt: iso(-60_000), channel: 'PHONE', result: 'Nessuna risposta' }),
    },
    'POST /api/tracing-requests/:tracingRequestId/family-consents': {
      targets: (fx) => [{ kind: 'tracing_request', id: fx.tracingRequestId!, caseId: fx.caseId }],
      fresh: { state: 'TRACING_IN_PROGRESS', tracing: 'IN_PROGRESS' },
      send: (c) =>
        json('POST', `/api/tracing-requests/${c.fx.tracingRequestId}/family-consents`, c.cookie, {
          familyMemberId: c.fx.memberId,
          scope: 'INTERVIEW',
          language: 'Arabo',
          informedBy: 'Operatore della missione',
          givenAt: iso(-60_000),
        }),
    },
    'POST /api/tracing-requests/:tracingRequestId/outcome': {
      targets: (fx) => [{ kind: 'tracing_request', id: fx.tracingRequestId!, caseId: fx.caseId }],
      fresh: { state: 'TRACING_IN_PROGRESS', tracing: 'IN_PROGRESS', attempt: true },
      send: (c) => json('POST', `/api/tracing-requests/${c.fx.tracingRequestId}/outcome`, c.cookie, { outcome: 'NOT_LOCATED', notes: 'Nessuno all’indirizzo' }),
    },
    'PUT /api/tracing-requests/:tracingRequestId/assessment': {
      targets: (fx) => [{ kind: 'tracing_request', id: fx.tracingRequestId!, caseId: fx.caseId }],
      fresh: { state: 'FAMILY_LOCATED', tracing: 'LOCATED' },
      send: (c) =>
        json('PUT', `/api/tracing-requests/${c.fx.tracingRequestId}/assessment`, c.cookie, {
          interviewDate: today(),
          interviewMode: 'HOME_VISIT',
          personsPresent: ['Madre'],
          languageOriginal: 'Arabo',
          sections: { household: 'La madre vive con due figli.' },
        }),
    },

    'GET /api/cases/:caseId/reports': { targets: onCase, send: (c) => call('GET', `/api/cases/${c.fx.caseId}/reports`, c.cookie) },
    'POST /api/cases/:caseId/reports': { targets: onCase, fresh: { state: 'REPORT_DRAFTING', tracing: 'ASSESSED' }, send: (c) => call('POST', `/api/cases/${c.fx.caseId}/reports`, c.cookie) },
    'PUT /api/reports/:reportId/draft': {
      targets: (fx) => [{ kind: 'report', id: fx.reportId!, caseId: fx.caseId }],
      fresh: { state: 'REPORT_DRAFTING', tracing: 'ASSESSED', report: 'DRAFT' },
      send: (c) => json('PUT', `/api/reports/${c.fx.reportId}/draft`, c.cookie, { sectionsOriginal: ORIGINAL, sectionsIt: ITALIAN }).set('if-match', '1'),
    },
    'POST /api/reports/:reportId/submit': {
      targets: (fx) => [{ kind: 'report', id: fx.reportId!, caseId: fx.caseId }],
      fresh: { state: 'REPORT_DRAFTING', tracing: 'ASSESSED', report: 'DRAFT' },
      send: (c) => call('POST', `/api/reports/${c.fx.reportId}/submit`, c.cookie),
    },
    'POST /api/reports/:reportId/qa': {
      targets: (fx) => [{ kind: 'report', id: fx.reportId!, caseId: fx.caseId }],
      fresh: { state: 'REPORT_QA', tracing: 'ASSESSED', report: 'IN_QA' },
      // A caseworker passes the review; a supervisor may only return it (the approval is theirs).
      send: (c) => json('POST', `/api/reports/${c.fx.reportId}/qa`, c.cookie, users[c.persona].role === 'supervisor' ? { result: 'RETURN', comment: 'Da rivedere' } : { result: 'PASS' }),
    },
    'POST /api/reports/:reportId/approve': {
      targets: (fx) => [{ kind: 'report', id: fx.reportId!, caseId: fx.caseId }],
      fresh: { state: 'REPORT_QA', tracing: 'ASSESSED', report: 'QA_PASSED' },
      send: (c) => call('POST', `/api/reports/${c.fx.reportId}/approve`, c.cookie),
    },
    'POST /api/reports/:reportId/release': {
      targets: (fx) => [{ kind: 'report', id: fx.reportId!, caseId: fx.caseId }],
      fresh: { state: 'REPORT_APPROVED', tracing: 'ASSESSED', report: 'APPROVED' },
      send: (c) =>
        json('POST', `/api/reports/${c.fx.reportId}/release`, c.cookie, {
          recipients: [{ organisationId: site(c.fx.site).ss }],
          purpose: 'Valutazione del superiore interesse',
          legalBasis: 'Art. 19 c. 7-bis d.lgs. 142/2015',
        }),
    },
    'GET /api/reports/:reportId/pdf': {
      targets: (fx) => [{ kind: 'report', id: fx.reportId!, caseId: fx.caseId }],
      send: (c) => call('GET', `/api/reports/${c.fx.reportId}/pdf`, c.cookie),
    },

    'GET /api/cases/:caseId/documents': { targets: onCase, send: (c) => call('GET', `/api/cases/${c.fx.caseId}/documents`, c.cookie) },
    'POST /api/cases/:caseId/documents': {
      targets: onCase,
      fresh: base,
      send: (c) => upload(`/api/cases/${c.fx.caseId}/documents`, c.cookie, { guardian: 'CONSENT', social_services: 'SOCIAL_SERVICES_REPORT' }[users[c.persona].role as string] ?? 'CORRESPONDENCE'),
    },
    'POST /api/tracing-requests/:tracingRequestId/documents': {
      targets: (fx) => [{ kind: 'tracing_request', id: fx.tracingRequestId!, caseId: fx.caseId }],
      fresh: { state: 'TRACING_IN_PROGRESS', tracing: 'IN_PROGRESS' },
      send: (c) => upload(`/api/tracing-requests/${c.fx.tracingRequestId}/documents`, c.cookie, 'FAMILY_ASSESSMENT_ORIGINAL'),
    },
    'GET /api/tracing-requests/:tracingRequestId/documents': {
      targets: (fx) => [{ kind: 'tracing_request', id: fx.tracingRequestId!, caseId: fx.caseId }],
      send: (c) => call('GET', `/api/tracing-requests/${P(c).id}/documents`, c.cookie),
    },
    'GET /api/documents/:documentId/content': {
      targets: (fx) => Object.values(fx.docs).map((id) => ({ kind: 'document' as const, id: id!, caseId: fx.caseId })),
      send: (c) => call('GET', `/api/documents/${P(c).id}/content`, c.cookie),
    },

    'GET /api/tasks': { send: (c) => call('GET', '/api/tasks?status=all&owner=any&limit=100', c.cookie) },
    'GET /api/cases/:caseId/tasks': { targets: onCase, send: (c) => call('GET', `/api/cases/${c.fx.caseId}/tasks`, c.cookie) },
    'POST /api/cases/:caseId/tasks': {
      targets: onCase,
      fresh: base,
      send: (c) => json('POST', `/api/cases/${c.fx.caseId}/tasks`, c.cookie, { title: 'Richiamare il tutore', dueAt: iso(7 * DAY) }),
    },
    'POST /api/tasks/:taskId/complete': {
      targets: (fx) => [{ kind: 'task', id: fx.taskId!, caseId: fx.caseId }],
      fresh: { ...base, task: true },
      send: (c) => call('POST', `/api/tasks/${c.fx.taskId}/complete`, c.cookie),
    },
    'GET /api/dashboard': { send: (c) => call('GET', '/api/dashboard', c.cookie) },
    'POST /api/minors/search': { send: (c) => json('POST', '/api/minors/search', c.cookie, { name: 'Kanaro' }) },
    'GET /api/directory/organisations': { send: (c) => call('GET', '/api/directory/organisations', c.cookie) },
    'GET /api/directory/users': { send: (c) => call('GET', '/api/directory/users?role=caseworker', c.cookie) },

    // Issue 4 (court, return, the receiving mission): on the shared Milano return case, or on a
    // fresh one driven to the stage where the write succeeds.
    'GET /api/cases/:caseId/court': { targets: onReturn('case'), send: (c) => call('GET', `/api/cases/${c.rf.caseId}/court`, c.cookie) },
    'POST /api/cases/:caseId/court/proceedings': {
      targets: onReturn('case'),
      stage: 'PLANNED',
      send: (c) =>
        json('POST', `/api/cases/${c.rf.caseId}/court/proceedings`, c.cookie, {
          courtOrganisationId: orgs.tmMilano,
          docketNumber: `RG ${rand()}/2026`,
          filedBy: 'GUARDIAN',
          filedByName: 'Paola Riva',
          filedOn: today(),
          familyAssessmentReportId: c.rf.faReportId,
          socialServicesReportDocumentId: c.rf.ssDocId,
          reintegrationProposal: true,
        }),
    },
    'POST /api/cases/:caseId/court/proceedings/:proceedingId/hearings': {
      targets: onReturn('case'),
      stage: 'PENDING',
      send: (c) => json('POST', `/api/cases/${c.rf.caseId}/court/proceedings/${c.rf.proceedingId}/hearings`, c.cookie, { scheduledAt: iso(5 * DAY) }),
    },
    'PUT /api/cases/:caseId/court/hearings/:hearingId': {
      targets: onReturn('case'),
      stage: 'HEARING',
      send: (c) => json('PUT', `/api/cases/${c.rf.caseId}/court/hearings/${c.rf.hearingId}`, c.cookie, { heldAt: iso(-60_000), minorHeard: true, guardianHeard: true }),
    },
    'POST /api/cases/:caseId/court/decrees': {
      targets: onReturn('case'),
      stage: 'FILED',
      send: (c) => call('POST', `/api/cases/${c.rf.caseId}/court/decrees`, c.cookie).field('title', 'Decreto').field('language', 'it').attach('file', PDF, 'decreto.pdf'),
    },
    'POST /api/cases/:caseId/court/proceedings/:proceedingId/decision': {
      targets: onReturn('case'),
      stage: 'HEARD',
      send: (c) => json('POST', `/api/cases/${c.rf.caseId}/court/proceedings/${c.rf.proceedingId}/decision`, c.cookie, { outcome: 'RETURN_ORDERED', decidedOn: today(), reasonsSummary: 'Sentiti il minore e il tutore.' }),
    },
    'PUT /api/cases/:caseId/court/decisions/:decisionId/decree': {
      targets: onReturn('case'),
      stage: 'DECIDED_NO_DECREE',
      send: (c) => json('PUT', `/api/cases/${c.rf.caseId}/court/decisions/${c.rf.decisionId}/decree`, c.cookie, { decreeDocumentId: c.rf.decreeId }),
    },
    'POST /api/cases/:caseId/court/prosieguo': {
      targets: onReturn('case'),
      stage: 'FILED',
      send: async (c) => {
        let decree = c.rf.decreeId;
        if (!decree) {
          decree = (await call('POST', `/api/cases/${c.rf.caseId}/court/decrees`, c.cookie).field('title', 'Decreto di prosieguo').field('language', 'it').attach('file', PDF, 'decreto.pdf')).body.id as string;
        }
        const until = (await q<{ d: string }[]>(`SELECT to_char(m.date_of_birth + interval '19 years', 'YYYY-MM-DD') AS d FROM cases c JOIN minors m ON m.id = c.minor_id WHERE c.id = $1`, [c.rf.caseId]))[0]!.d;
        return json('POST', `/api/cases/${c.rf.caseId}/court/prosieguo`, c.cookie, {
          ...(users[c.persona].role === 'court' ? {} : { courtOrganisationId: orgs.tmMilano }),
          docketNumber: `RG ${rand()}/2026`,
          decidedOn: today(),
          prosieguoUntil: until,
          decreeDocumentId: decree,
        });
      },
    },
    'GET /api/cases/:caseId/return': { targets: onReturn('case'), send: (c) => call('GET', `/api/cases/${c.rf.caseId}/return`, c.cookie) },
    'POST /api/cases/:caseId/avr/request': {
      targets: onReturn('case'),
      stage: 'AWAITING',
      send: (c) =>
        json('POST', `/api/cases/${c.rf.caseId}/avr/request`, c.cookie, { minorWords: 'Voglio tornare da mia madre.', language: 'Arabo', mediatorPresent: false, informedBy: 'Marco Bellini', givenAt: iso(-60_000) }),
    },
    'POST /api/cases/:caseId/avr/guardian-consent': { targets: onReturn('case'), stage: 'REQUESTED', send: (c) => json('POST', `/api/cases/${c.rf.caseId}/avr/guardian-consent`, c.cookie, { confirm: true }) },
    'POST /api/cases/:caseId/avr/counselling-sessions': {
      targets: onReturn('case'),
      stage: 'COUNSELLING',
      send: (c) =>
        json('POST', `/api/cases/${c.rf.caseId}/avr/counselling-sessions`, c.cookie, { heldOn: today(), counsellor: 'Marco Bellini', language: 'Arabo', mediatorPresent: false, minorWords: 'Ho capito cosa succede.' }),
    },
    'PUT /api/cases/:caseId/reintegration-plan': {
      targets: onReturn('case'),
      stage: 'COUNSELLING',
      send: (c) =>
        json('PUT', `/api/cases/${c.rf.caseId}/reintegration-plan`, c.cookie, {
          assessmentsDone: { vulnerability: true, risk: true, family: true, skills: true, rssBaseline: true },
          needsAndSkills: 'Vuole finire la scuola.',
          familySituation: 'Madre e due fratelli.',
          minorViews: 'Voglio studiare.',
          minorViewsLanguage: 'Arabo',
        }),
    },
    'POST /api/cases/:caseId/reintegration-plan/objectives': {
      targets: onReturn('case'),
      stage: 'PLANNED',
      send: (c) => json('POST', `/api/cases/${c.rf.caseId}/reintegration-plan/objectives`, c.cookie, { dimension: 'ECONOMIC', level: 'INDIVIDUAL', description: 'Avviare un piccolo laboratorio' }),
    },
    'POST /api/cases/:caseId/reintegration-plan/assistance-items': {
      targets: onReturn('case'),
      stage: 'PLANNED',
      send: (c) =>
        json('POST', `/api/cases/${c.rf.caseId}/reintegration-plan/assistance-items`, c.cookie, {
          dimension: 'ECONOMIC',
          level: 'INDIVIDUAL',
          type: 'VOCATIONAL_TRAINING',
          description: 'Corso di meccanica',
          provider: 'Centro di formazione',
          budgetEur: 200,
        }),
    },
    'PATCH /api/cases/:caseId/reintegration-plan/assistance-items/:itemId': {
      targets: onReturn('case'),
      stage: 'PLANNED',
      send: (c) => json('PATCH', `/api/cases/${c.rf.caseId}/reintegration-plan/assistance-items/${c.rf.itemIds[0]}`, c.cookie, { status: 'IN_PROGRESS' }),
    },
    'PUT /api/cases/:caseId/avr/travel-plan': {
      targets: onReturn('case'),
      stage: 'COURT_APPROVED',
      send: (c) =>
        json('PUT', `/api/cases/${c.rf.caseId}/avr/travel-plan`, c.cookie, {
          receivingCaregiverId: c.rf.caregiverId,
          airportCollection: true,
          receivingMissionId: orgs.missionEg,
          travelDocumentType: 'PASSPORT',
          travelDocumentReady: true,
          consularContact: false,
          fitToTravel: true,
          fitnessAssessedOn: today(),
          fitnessAssessedBy: 'Dr. Rossi, pediatra',
          escortName: 'Luca Verdi',
          escortRole: 'Operatore OIM',
          itinerary: 'Milano Malpensa → Il Cairo',
          plannedDeparture: iso(20 * DAY),
        }),
    },
    'POST /api/cases/:caseId/avr/handover': { targets: onReturn('case'), stage: 'PROTOCOL', send: (c) => json('POST', `/api/cases/${c.rf.caseId}/avr/handover`, c.cookie, handoverBody(c.rf)) },
    'POST /api/cases/:caseId/monitoring/visits': {
      targets: onReturn('case'),
      stage: 'HANDED_OVER',
      send: (c) => json('POST', `/api/cases/${c.rf.caseId}/monitoring/visits`, c.cookie, { plannedOn: isoDay(new Date(now().getTime() + 30 * DAY)), reason: 'Caso vulnerabile' }),
    },
    'PUT /api/cases/:caseId/monitoring/visits/:visitId': {
      targets: onReturn('case'),
      stage: 'HANDED_OVER',
      send: async (c) => json('PUT', `/api/cases/${c.rf.caseId}/monitoring/visits/${c.rf.visitIds[1]}`, c.cookie, await visitBody(c.rf, false, 1)),
    },
    'POST /api/cases/:caseId/monitoring/visits/:visitId/cancel': {
      targets: onReturn('case'),
      stage: 'HANDED_OVER',
      send: (c) => json('POST', `/api/cases/${c.rf.caseId}/monitoring/visits/${c.rf.visitIds[2]}/cancel`, c.cookie, { reason: 'La famiglia si è trasferita' }),
    },
    'POST /api/cases/:caseId/monitoring/visits/:visitId/escalation': {
      targets: onReturn('case'),
      stage: 'CONCERN',
      send: (c) => json('POST', `/api/cases/${c.rf.caseId}/monitoring/visits/${c.rf.visitIds[0]}/escalation`, c.cookie, { referredTo: 'Comitato di protezione', note: 'Segnalato per telefono.' }),
    },
    'POST /api/cases/:caseId/monitoring/visits/:visitId/escalation/resolve': {
      targets: onReturn('case'),
      stage: 'ESCALATED',
      send: (c) => json('POST', `/api/cases/${c.rf.caseId}/monitoring/visits/${c.rf.visitIds[0]}/escalation/resolve`, c.cookie, { resolution: 'Famiglia seguita dai servizi locali.' }),
    },
    'POST /api/cases/:caseId/durable-solution': {
      targets: onReturn('case'),
      stage: 'AWAITING',
      send: (c) =>
        json('POST', `/api/cases/${c.rf.caseId}/durable-solution`, c.cookie, {
          solution: 'LOCAL_INTEGRATION_IT',
          decidedBy: 'Servizi sociali e tutore',
          decisionRef: 'Verbale 1/2026',
          decidedOn: today(),
          minorViews: 'Voglio restare in Italia.',
          minorViewsLanguage: 'Arabo',
          mediatorPresent: false,
          optionsConsidered: ['LOCAL_INTEGRATION_IT', 'RETURN_AVR'],
        }),
    },
    'POST /api/cases/:caseId/return-reports': { targets: onReturn('case'), stage: 'PLANNED', send: (c) => json('POST', `/api/cases/${c.rf.caseId}/return-reports`, c.cookie, { kind: 'REINTEGRATION_PLAN' }) },
    'GET /api/field/returns': { send: (c) => call('GET', '/api/field/returns', c.cookie) },
    'GET /api/field/returns/:caseId': { targets: onReturn('return'), send: (c) => call('GET', `/api/field/returns/${c.rf.caseId}`, c.cookie) },
    'POST /api/field/returns/:caseId/documents': { targets: onReturn('return'), stage: 'IN_TRANSIT', send: (c) => upload(`/api/field/returns/${c.rf.caseId}/documents`, c.cookie, 'HANDOVER_PROTOCOL') },
    'POST /api/field/returns/:caseId/handover': { targets: onReturn('return'), stage: 'PROTOCOL', send: (c) => json('POST', `/api/field/returns/${c.rf.caseId}/handover`, c.cookie, handoverBody(c.rf)) },
    'PUT /api/field/returns/:caseId/monitoring-visits/:visitId': {
      targets: onReturn('return'),
      stage: 'HANDED_OVER',
      send: async (c) => json('PUT', `/api/field/returns/${c.rf.caseId}/monitoring-visits/${c.rf.visitIds[1]}`, c.cookie, await visitBody(c.rf, false, 1)),
    },
    'POST /api/field/returns/:caseId/monitoring-visits/:visitId/escalation': {
      targets: onReturn('return'),
      stage: 'CONCERN',
      send: (c) => json('POST', `/api/field/returns/${c.rf.caseId}/monitoring-visits/${c.rf.visitIds[0]}/escalation`, c.cookie, { referredTo: 'Comitato di protezione', note: 'Segnalato per telefono.' }),
    },
    'GET /api/field/returns/:caseId/documents/:documentId': { targets: onReturn('return'), send: (c) => call('GET', `/api/field/returns/${c.rf.caseId}/documents/${c.rf.protocolId}`, c.cookie) },
    'PATCH /api/field/returns/:caseId/assistance-items/:itemId': {
      targets: onReturn('return'),
      stage: 'HANDED_OVER',
      send: (c) => json('PATCH', `/api/field/returns/${c.rf.caseId}/assistance-items/${c.rf.itemIds[0]}`, c.cookie, { status: 'DELIVERED', deliveredOn: today() }),
    },

    'GET /api/inbox': { send: (c) => call('GET', '/api/inbox?limit=100', c.cookie) },
    'POST /api/inbox/:disclosureId/acknowledge': {
      targets: (fx) => fx.disclosureIds.map((id) => ({ kind: 'disclosure' as const, id, caseId: fx.caseId })),
      send: (c) => call('POST', `/api/inbox/${P(c).id}/acknowledge`, c.cookie),
    },
    'GET /api/cases/:caseId/disclosures': { targets: onCase, send: (c) => call('GET', `/api/cases/${c.fx.caseId}/disclosures`, c.cookie) },
    'GET /api/stats': { send: (c) => call('GET', '/api/stats?breakdown=nationality', c.cookie) },
    'GET /api/stats/export': { send: (c) => call('GET', '/api/stats/export?breakdown=sex', c.cookie) },
    'GET /api/dpo/audit': { send: (c) => call('GET', '/api/dpo/audit?limit=50', c.cookie) },
    'GET /api/dpo/audit/verification': { send: (c) => call('GET', '/api/dpo/audit/verification', c.cookie) },
    'GET /api/dpo/disclosures': { send: (c) => call('GET', '/api/dpo/disclosures?limit=100', c.cookie) },
    'GET /api/dpo/cases/:caseId/access-log': { targets: onCase, send: (c) => call('GET', `/api/dpo/cases/${c.fx.caseId}/access-log`, c.cookie) },

    'GET /api/portal/cases/:caseId': { targets: onCase, send: (c) => call('GET', `/api/portal/cases/${c.fx.caseId}`, c.cookie) },
    'POST /api/portal/tracing-requests': { send: (c) => json('POST', '/api/portal/tracing-requests', c.cookie, { minor: minor(), questions: ['La famiglia sa dove si trova?'] }) },
    'GET /api/intake/requests': { send: (c) => call('GET', '/api/intake/requests?limit=100', c.cookie) },
    'POST /api/cases/:caseId/assignment': {
      targets: onCase,
      fresh: base,
      send: (c) => json('POST', `/api/cases/${c.fx.caseId}/assignment`, c.cookie, { caseworkerId: users[site(c.fx.site).caseworker === 'caseworker' ? 'caseworker2' : 'caseworker'].id }),
    },
    'GET /api/cases/:caseId/court-access': { targets: onCase, send: (c) => call('GET', `/api/cases/${c.fx.caseId}/court-access`, c.cookie) },
    'POST /api/cases/:caseId/court-access': {
      targets: onCase,
      fresh: base,
      send: (c) => json('POST', `/api/cases/${c.fx.caseId}/court-access`, c.cookie, { courtOrganisationId: orgs.tmPalermo, expiresAt: iso(30 * DAY), reason: 'Udienza fissata' }),
    },
    'POST /api/cases/:caseId/court-access/:grantId/revoke': {
      targets: onCase,
      fresh: { ...base, courtGrant: true },
      send: (c) => call('POST', `/api/cases/${c.fx.caseId}/court-access/${c.fx.courtGrantId}/revoke`, c.cookie),
    },
    'POST /api/cases/:caseId/guardian-consents': {
      targets: onCase,
      fresh: base,
      send: (c) => json('POST', `/api/cases/${c.fx.caseId}/guardian-consents`, c.cookie, { scope: 'PHOTO', givenAt: iso(-60_000) }),
    },
    'POST /api/cases/:caseId/guardian-consents/:consentId/withdraw': {
      targets: onCase,
      fresh: { ...base, guardianConsent: true },
      send: (c) => json('POST', `/api/cases/${c.fx.caseId}/guardian-consents/${c.fx.guardianConsentId}/withdraw`, c.cookie, { reason: 'Non più d’accordo' }),
    },
    'GET /api/cases/:caseId/minor-views': { targets: onCase, send: (c) => call('GET', `/api/cases/${c.fx.caseId}/minor-views`, c.cookie) },
    'POST /api/cases/:caseId/minor-views': {
      targets: onCase,
      fresh: base,
      send: (c) => json('POST', `/api/cases/${c.fx.caseId}/minor-views`, c.cookie, { context: 'GENERAL', words: 'Voglio restare a scuola qui.', language: 'Arabo', mediatorPresent: false, expressedOn: today() }),
    },
    'GET /api/cases/:caseId/prosieguo-requests': { targets: onCase, send: (c) => call('GET', `/api/cases/${c.fx.caseId}/prosieguo-requests`, c.cookie) },
    'POST /api/cases/:caseId/prosieguo-requests': {
      targets: onCase,
      fresh: base,
      send: (c) => json('POST', `/api/cases/${c.fx.caseId}/prosieguo-requests`, c.cookie, { reasons: 'Percorso scolastico avviato: serve sostegno dopo i 18 anni.' }),
    },
  };

  async function freshUser(): Promise<string> {
    return (
      await q<{ id: string }[]>(
        `INSERT INTO users (organisation_id, email, display_name, role, password_hash) SELECT organisation_id, $1, 'Utente di prova', role, password_hash FROM users WHERE email = $2 RETURNING id`,
        [`prova.${rand()}@prova.example`, demoEmail('guardian')],
      )
    )[0]!.id;
  }

  // ---------------------------------------------------------------------------------------------
  // Checks applied to every answer

  const keysDeep = (value: unknown, out = new Set<string>()): Set<string> => {
    if (Array.isArray(value)) for (const v of value) keysDeep(v, out);
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        out.add(k);
        keysDeep(v, out);
      }
    }
    return out;
  };

  function checkAnswer(persona: Persona, label: string, response: request.Response) {
    const text = response.headers['content-type']?.includes('application/pdf') ? '' : (response.text ?? '');
    for (const canary of canaries) {
      if (!canary.visibleTo.includes(persona) && text.includes(canary.marker)) {
        throw new Error(`${label}: ${persona} received the canary ${canary.marker}`);
      }
    }
    const fieldName = users['field.cairo'].name;
    if (EXTERNAL_ROLES.includes(users[persona].role)) {
      for (const forbidden of [fieldName, users['field.dhaka'].name, users['field.cairo'].email, users['field.dhaka'].email]) {
        if (text.includes(forbidden)) throw new Error(`${label}: ${persona} received a field officer's identity (${forbidden})`);
      }
    }
    if (response.headers['content-type']?.includes('application/json') && response.body) {
      const keys = keysDeep(response.body);
      const forbidden: readonly string[] = users[persona].role === 'field_officer' ? FIELD_OFFICER_FORBIDDEN_KEYS : EXTERNAL_ROLES.includes(users[persona].role) ? EXTERNAL_FORBIDDEN_KEYS : [];
      const leaked = forbidden.filter((k) => keys.has(k));
      if (leaked.length) throw new Error(`${label}: ${persona} received forbidden keys ${leaked.join(', ')}`);
    }
  }

  async function fingerprint(): Promise<string[]> {
    const tables = await q<{ table_name: string }[]>(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`);
    const parts: string[] = [];
    for (const { table_name } of tables) {
      if (READ_LOG_TABLES.has(table_name)) continue;
      const rows = await q<{ h: string | null }[]>(`SELECT md5(string_agg(md5(x::text), '' ORDER BY md5(x::text))) AS h FROM "${table_name}" x`);
      parts.push(`${table_name}:${rows[0]?.h}`);
    }
    return parts;
  }
  const auditSeq = async () => Number((await q<{ seq: string }[]>(`SELECT seq FROM audit_head`))[0]!.seq);

  const successStatus = (route: RouteInfo) => route.contract?.status ?? (route.contract?.response || route.contract?.produces ? 200 : 204);

  // ---------------------------------------------------------------------------------------------

  beforeAll(async () => {
    t = await createTestApp();
    routes = t.app.get(RouteInventory).list();
    const orgRow = async (where: string) => (await q<{ id: string }[]>(`SELECT id FROM organisations WHERE ${where} ORDER BY created_at LIMIT 1`))[0]!.id;
    Object.assign(orgs, {
      iom: await orgRow(`type = 'IOM_UNIT'`),
      missionEg: await orgRow(`type = 'IOM_MISSION' AND country = 'EG'`),
      missionBd: await orgRow(`type = 'IOM_MISSION' AND country = 'BD'`),
      missionGm: await orgRow(`type = 'IOM_MISSION' AND country = 'GM'`),
      ssMilano: await orgRow(`type = 'SOCIAL_SERVICES' AND municipality = 'Milano'`),
      ssPalermo: await orgRow(`type = 'SOCIAL_SERVICES' AND municipality = 'Palermo'`),
      tmMilano: await orgRow(`type = 'JUVENILE_COURT' AND district = 'Milano'`),
      tmPalermo: await orgRow(`type = 'JUVENILE_COURT' AND district = 'Palermo'`),
      ministry: await orgRow(`type = 'MINISTRY'`),
      guardiansMilano: await orgRow(`type = 'GUARDIANS' AND district = 'Milano'`),
    });
    orgs.otherUnit = (await q<{ id: string }[]>(`INSERT INTO organisations (name, type, country, municipality) VALUES ('OIM – altra unità (matrice)', 'IOM_UNIT', 'IT', 'Torino') RETURNING id`))[0]!.id;
    orgs.ssTorino = (await q<{ id: string }[]>(`INSERT INTO organisations (name, type, country, municipality) VALUES ('Comune di Torino (matrice)', 'SOCIAL_SERVICES', 'IT', 'Torino') RETURNING id`))[0]!.id;
    for (const persona of PERSONAS) {
      const row = (await q<{ id: string; organisation_id: string; display_name: string; role: Role; email: string }[]>(`SELECT id, organisation_id, display_name, role, email FROM users WHERE email = $1`, [demoEmail(persona)]))[0]!;
      users[persona] = { id: row.id, org: row.organisation_id, name: row.display_name, role: row.role, email: row.email };
      cookies.set(persona, await t.login(demoEmail(persona)));
    }
    for (const s of SITES) shared[s] = await buildCase(s, { state: 'REPORT_SENT', tracing: 'ASSESSED', report: 'RELEASED', shared: true });
    sharedReturn = await buildReturn('ESCALATED');
  }, 120_000);
  afterAll(() => t.close());

  // Sessions idle out after 30 minutes; the run is shorter, but keep them fresh per route anyway.
  const cookieOf = (persona: Persona) => cookies.get(persona)!;

  it('has a matrix entry and a probe for every route the app serves, and @Roles() agrees with the matrix', () => {
    const served = routes.filter((r) => !r.isPublic).map((r) => `${r.method} ${r.path}`);
    const inMatrix = Object.keys(ROUTE_ACCESS);
    expect(served.filter((k) => !inMatrix.includes(k))).toEqual([]);
    expect(inMatrix.filter((k) => !served.includes(k))).toEqual([]);
    expect(routes.filter((r) => r.isPublic).map((r) => `${r.method} ${r.path}`).sort()).toEqual([...PUBLIC_ROUTES].sort());
    expect(inMatrix.filter((k) => !PROBES[k])).toEqual([]);
    for (const route of routes.filter((r) => !r.isPublic)) {
      const key = `${route.method} ${route.path}`;
      expect({ key, roles: [...(route.roles ?? [])].sort() }).toEqual({ key, roles: routeRoles(key).sort() });
      const rule = routeRule(key)!;
      // A route that names a resource is either global for its roles or behind the row wall.
      if (route.path.includes(':')) expect(rule.target).not.toBe('none');
    }
  });

  it('drives the route wall: a role @Roles() lists but the matrix does not is refused and audited', async () => {
    const rule = ROUTE_ACCESS['GET /api/cases/:caseId'] as unknown as { allow: Partial<Record<Role, readonly AccessRelation[]>> };
    const saved = rule.allow.guardian;
    await call('GET', `/api/cases/${shared.milano.caseId}`, cookieOf('guardian')).expect(200);
    delete rule.allow.guardian;
    try {
      const seq = await auditSeq();
      await call('GET', `/api/cases/${shared.milano.caseId}`, cookieOf('guardian')).expect(403);
      const audit = await q<{ action: string }[]>(`SELECT action FROM audit_event WHERE seq > $1 AND actor_id = $2`, [seq, users.guardian.id]);
      expect(audit).toEqual([{ action: 'AUTHZ_DENIED' }]);
    } finally {
      rule.allow.guardian = saved;
    }
    await call('GET', `/api/cases/${shared.milano.caseId}`, cookieOf('guardian')).expect(200);
  });

  it('keeps the matrix and the row wall in one place: case routes use the case-file relations', () => {
    for (const [key, rule] of Object.entries(ROUTE_ACCESS) as [string, { target: string; allow: Partial<Record<Role, readonly string[]>> }][]) {
      if (rule.target !== 'case' || key.startsWith('GET /api/dpo/')) continue;
      for (const [role, relations] of Object.entries(rule.allow)) expect({ key, role, relations }).toEqual({ key, role, relations: [OWN_RELATION[role as Role]] });
    }
  });

  // One test per route: every persona on every target of every site.
  describe.each(Object.keys(ROUTE_ACCESS))('%s', (key) => {
    it('answers each persona as the matrix says, audits every refusal once and changes nothing on refusal', async () => {
      const route = routes.find((r) => `${r.method} ${r.path}` === key);
      if (!route) throw new Error(`${key} is in the matrix but not served`);
      const probe = PROBES[key];
      if (!probe) throw new Error(`${key} has no probe`);
      const cells: { persona: Persona; fx: Fixture; target: Target; decision: ReturnType<typeof routeDecision> }[] = [];
      for (const persona of PERSONAS) {
        if (!probe.targets) {
          cells.push({ persona, fx: shared[HOME[persona]], target: { kind: 'none' }, decision: routeDecision(key, users[persona].role, ['any']) });
          continue;
        }
        for (const s of SITES) {
          for (const target of probe.targets(shared[s])) {
            const resolved = (target.kind === 'user' ? target : { ...target, caseId: (target as { caseId?: string }).caseId ?? shared[s].caseId }) as Target;
            cells.push({ persona, fx: shared[s], target: resolved, decision: routeDecision(key, users[persona].role, await relationsOf(persona, resolved)) });
          }
        }
      }
      exercised.set(key, { allowed: cells.filter((c) => c.decision === 'allow').length, refused: cells.filter((c) => c.decision !== 'allow').length });
      const expectedOf = (decision: string) => (decision === 'allow' ? successStatus(route) : decision === 'deny_role' ? 403 : 404);
      const mismatches: string[] = [];

      // Refusals first, against the shared fixtures: nothing may change.
      const before = await fingerprint();
      for (const cell of cells.filter((c) => c.decision !== 'allow')) {
        const seq = await auditSeq();
        const cookie = probe.ownSession ? await t.login(demoEmail(cell.persona)) : cookieOf(cell.persona);
        const response = await probe.send({ fx: cell.fx, persona: cell.persona, cookie, target: cell.target, rf: sharedReturn });
        const label = `${key} as ${cell.persona} on ${cell.fx.site}/${cell.target.kind}`;
        const expected = expectedOf(cell.decision);
        if (response.status !== expected) {
          mismatches.push(`${label}: expected ${expected}, got ${response.status} ${(response.text ?? '').slice(0, 300)}`);
          continue;
        }
        checkAnswer(cell.persona, label, response);
        if (expected === 404) expect(response.body.code).toBe('NOT_FOUND');
        const denials = await q<{ action: string }[]>(
          `SELECT action FROM audit_event WHERE seq > $1 AND actor_id = $2 AND (action IN ('AUTHZ_DENIED', 'ACCESS_DENIED') OR action LIKE '%\\_ACCESS\\_DENIED')`,
          [seq, users[cell.persona].id],
        );
        if (denials.length !== 1 || (expected === 403 && denials[0]!.action !== 'AUTHZ_DENIED')) mismatches.push(`${label}: refusal audited as ${JSON.stringify(denials)}`);
      }
      const after = await fingerprint();
      expect(after.filter((p, i) => p !== before[i])).toEqual([]);

      // Then the allowed cells: the documented success (a write on a fresh fixture of its own).
      const write = route.method !== 'GET' && key !== 'POST /api/cases/search' && key !== 'POST /api/minors/search';
      for (const cell of cells.filter((c) => c.decision === 'allow')) {
        let fx = cell.fx;
        let target = cell.target;
        if (write && probe.fresh) {
          const spec = typeof probe.fresh === 'function' ? probe.fresh(cell.persona) : probe.fresh;
          fx = await buildCase(HOME[cell.persona], spec);
          target = probe.targets ? ({ ...probe.targets(fx)[0]!, caseId: fx.caseId } as Target) : cell.target;
        }
        if (write && target.kind === 'user') target = { kind: 'user', id: await freshUser() };
        let rf = sharedReturn;
        if (write && probe.stage) {
          rf = await buildReturn(probe.stage);
          target = { kind: target.kind as 'case' | 'return', id: rf.caseId, caseId: rf.caseId };
        }
        const cookie = probe.ownSession ? await t.login(demoEmail(cell.persona)) : cookieOf(cell.persona);
        const response = await probe.send({ fx, persona: cell.persona, cookie, target, rf });
        const label = `${key} as ${cell.persona} on ${fx.site}/${target.kind}`;
        if (response.status !== successStatus(route)) {
          mismatches.push(`${label}: expected ${successStatus(route)}, got ${response.status} ${(response.text ?? '').slice(0, 300)}`);
          continue;
        }
        checkAnswer(cell.persona, label, response);
      }
      expect(mismatches).toEqual([]);
    });
  });

  it('exercised at least one allowed and one refused cell of every route', () => {
    // (A route open to every role in every relation, such as GET /api/auth/me, has no refusal.)
    const openToAll = (key: string) => routeRoles(key).length === ROLES.length && Object.values(routeRule(key)!.allow).every((r) => r?.includes('any'));
    const thin = Object.keys(ROUTE_ACCESS).filter((key) => !exercised.get(key)?.allowed || (!exercised.get(key)?.refused && !openToAll(key)));
    expect(thin).toEqual([]);
  });

  // ---------------------------------------------------------------------------------------------
  // Field wall: the keys of every view, per role.

  describe('views show exactly the fields the matrix lists', () => {
    const keys = (value: object) => Object.keys(value).sort();
    const expectView = (view: ViewName, persona: Persona, value: object) => expect({ view, persona, keys: keys(value) }).toEqual({ view, persona, keys: [...viewFields(view, users[persona].role)].sort() });

    it('case list, detail, minor profile and timeline', async () => {
      for (const persona of ['supervisor', 'caseworker', 'guardian', 'social.milano', 'court.milano'] as Persona[]) {
        const list = (await call('GET', '/api/cases?limit=1', cookieOf(persona)).expect(200)).body;
        expectView('caseSummary', persona, list.items[0]);
        const detail = (await call('GET', `/api/cases/${shared.milano.caseId}`, cookieOf(persona)).expect(200)).body;
        expectView('caseDetail', persona, detail);
        expectView('caseDetailMinor', persona, detail.minor);
        const timeline = (await call('GET', `/api/cases/${shared.milano.caseId}/timeline`, cookieOf(persona)).expect(200)).body;
        expectView('timelineEntry', persona, timeline.items[0]);
      }
    });

    it('documents, the inbox and the portal case page', async () => {
      for (const persona of ['supervisor', 'caseworker', 'guardian', 'social.milano', 'court.milano'] as Persona[]) {
        const docs = (await call('GET', `/api/cases/${shared.milano.caseId}/documents`, cookieOf(persona)).expect(200)).body;
        expectView('documentMeta', persona, docs.items[0]);
      }
      const fieldDocs = (await call('GET', `/api/tracing-requests/${shared.milano.tracingRequestId}/documents`, cookieOf('field.cairo')).expect(200)).body;
      expectView('documentMeta', 'field.cairo', fieldDocs.items[0]);
      for (const persona of ['guardian', 'social.milano', 'court.milano', 'ministry'] as Persona[]) {
        const inbox = (await call('GET', '/api/inbox?limit=1', cookieOf(persona)).expect(200)).body;
        expectView('inboxItem', persona, inbox.items[0]);
      }
      for (const persona of ['guardian', 'social.milano', 'court.milano'] as Persona[]) {
        const page = (await call('GET', `/api/portal/cases/${shared.milano.caseId}`, cookieOf(persona)).expect(200)).body;
        expectView('portalCase', persona, page);
      }
    });

    it('the field officer’s packet and returned minor, and the statistics', async () => {
      const detail = (await call('GET', `/api/tracing-requests/${shared.milano.tracingRequestId}`, cookieOf('field.cairo')).expect(200)).body;
      expectView('tracingPacketMinor', 'field.cairo', detail.packet.minor);
      const returned = (await call('GET', `/api/field/returns/${sharedReturn.caseId}`, cookieOf('field.cairo')).expect(200)).body;
      expectView('fieldReturnDetail', 'field.cairo', returned);
      expectView('fieldReturnMinor', 'field.cairo', returned.minor);
      for (const persona of ['supervisor', 'ministry'] as Persona[]) expectView('statsReport', persona, (await call('GET', '/api/stats', cookieOf(persona)).expect(200)).body);
    });
  });

  // ---------------------------------------------------------------------------------------------
  // Lists: exactly the expected ids for each persona.

  describe('every list returns exactly the expected set of ids', () => {
    const visibleCaseIds = async (persona: Persona) => {
      const u = users[persona];
      const relation = OWN_RELATION[u.role];
      if (!relation) return [];
      const rows = await q<{ case_id: string }[]>(
        `SELECT DISTINCT case_id FROM case_grants WHERE relation = $1 AND (user_id = $2 OR organisation_id = $3) AND (expires_at IS NULL OR expires_at > $4) ORDER BY case_id`,
        [relation, u.id, u.org, now()],
      );
      return rows.map((r) => r.case_id);
    };
    const pages = async (persona: Persona, path: string, idOf: (item: Record<string, unknown>) => string = (i) => i.id as string) => {
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const sep = path.includes('?') ? '&' : '?';
        const response: request.Response = await call('GET', `${path}${sep}limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, cookieOf(persona)).expect(200);
        checkAnswer(persona, path, response);
        ids.push(...(response.body.items as Record<string, unknown>[]).map(idOf));
        cursor = response.body.nextCursor;
      } while (cursor);
      return ids.sort();
    };
    const CASE_PERSONAS: Persona[] = ['supervisor', 'caseworker', 'caseworker2', 'guardian', 'guardian2', 'social.milano', 'social.palermo', 'court.milano', 'court.palermo'];

    it.each(CASE_PERSONAS)('the case list, the name search and the filter options of %s', async (persona) => {
      const expected = await visibleCaseIds(persona);
      expect(await pages(persona, '/api/cases')).toEqual(expected);
      // Name search, across its pages: the fixture minors all carry "Kanaro".
      const found: string[] = [];
      let cursor: string | null = null;
      do {
        const search: request.Response = await json('POST', '/api/cases/search', cookieOf(persona), { name: 'Kanaro', limit: 50, ...(cursor ? { cursor } : {}) }).expect(200);
        checkAnswer(persona, 'search', search);
        found.push(...search.body.items.map((i: { id: string }) => i.id));
        cursor = search.body.nextCursor;
      } while (cursor);
      const kanaro = await q<{ id: string }[]>(`SELECT c.id FROM cases c JOIN minors m ON m.id = c.minor_id WHERE m.first_name = 'Kanaro' AND c.id = ANY($1::uuid[]) ORDER BY c.id`, [expected]);
      expect(found.sort()).toEqual(kanaro.map((r) => r.id));
      const filters = await call('GET', '/api/cases/filters', cookieOf(persona)).expect(200);
      const states = await q<{ state: string }[]>(`SELECT DISTINCT state FROM cases WHERE id = ANY($1::uuid[]) ORDER BY state`, [expected]);
      expect(filters.body.states).toEqual(states.map((r) => r.state));
    });

    it.each(['supervisor', 'caseworker', 'caseworker2'] as Persona[])('the tasks, dashboard and incoming requests of %s', async (persona) => {
      const visible = await visibleCaseIds(persona);
      const tasks = await q<{ id: string }[]>(`SELECT id FROM tasks WHERE case_id = ANY($1::uuid[]) ORDER BY id`, [visible]);
      expect(await pages(persona, '/api/tasks?status=all&owner=any')).toEqual(tasks.map((r) => r.id));
      const open = await q<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM cases WHERE id = ANY($1::uuid[]) AND state NOT IN ('CLOSED_LOCAL_SOLUTION','CLOSED_REINTEGRATED','WITHDRAWN','AGED_OUT','REJECTED')`,
        [visible],
      );
      const dashboard = await call('GET', '/api/dashboard', cookieOf(persona)).expect(200);
      expect(dashboard.body.openCases).toBe(open[0]!.n);
      const incoming = await q<{ id: string }[]>(`SELECT id FROM external_requests WHERE case_id = ANY($1::uuid[]) ORDER BY id`, [visible]);
      expect(await pages(persona, '/api/intake/requests')).toEqual(incoming.map((r) => r.id));
    });

    it.each(['field.cairo', 'field.dhaka'] as Persona[])('the tracing requests and the returned minors of %s', async (persona) => {
      const rows = await q<{ id: string }[]>(`SELECT id FROM tracing_requests WHERE mission_id = $1 ORDER BY id`, [users[persona].org]);
      expect(await pages(persona, '/api/tracing-requests')).toEqual(rows.map((r) => r.id));
      const returns = await q<{ id: string }[]>(
        `SELECT tp.case_id AS id FROM avr_travel_plans tp JOIN cases c ON c.id = tp.case_id WHERE tp.receiving_mission_id = $1 AND c.state = ANY($2::text[]) ORDER BY 1`,
        [users[persona].org, FIELD_RETURN_STATES],
      );
      const listed = await call('GET', '/api/field/returns', cookieOf(persona)).expect(200);
      checkAnswer(persona, 'field returns', listed);
      expect(listed.body.items.map((i: { caseId: string }) => i.caseId).sort()).toEqual(returns.map((r) => r.id));
    });

    it.each(['guardian', 'guardian2', 'social.milano', 'social.palermo', 'court.milano', 'court.palermo', 'ministry'] as Persona[])('the inbox of %s', async (persona) => {
      const u = users[persona];
      const rows = await q<{ id: string }[]>(`SELECT id FROM report_disclosures WHERE recipient_user_id = $1 OR (recipient_user_id IS NULL AND recipient_organisation_id = $2) ORDER BY id`, [u.id, u.org]);
      expect(await pages(persona, '/api/inbox')).toEqual(rows.map((r) => r.id));
    });

    it.each(['supervisor', 'caseworker', 'guardian', 'social.milano', 'court.milano', 'guardian2', 'social.palermo', 'court.palermo'] as Persona[])('the documents %s may open on each site', async (persona) => {
      for (const s of SITES) {
        const fx = shared[s];
        const all = await q<{ id: string }[]>(`SELECT id FROM documents WHERE case_id = $1 ORDER BY id`, [fx.caseId]);
        const expected: string[] = [];
        for (const doc of all) {
          if (routeDecision('GET /api/documents/:documentId/content', users[persona].role, await relationsOf(persona, { kind: 'document', id: doc.id, caseId: fx.caseId })) === 'allow') expected.push(doc.id);
        }
        const list = await call('GET', `/api/cases/${fx.caseId}/documents`, cookieOf(persona));
        if (routeDecision('GET /api/cases/:caseId/documents', users[persona].role, await caseRelations(persona, fx.caseId)) !== 'allow') {
          expect(list.status).toBe(404);
          expect(expected).toEqual([]);
          continue;
        }
        expect(list.status).toBe(200);
        checkAnswer(persona, 'documents', list);
        expect({ site: s, ids: list.body.items.map((d: { id: string }) => d.id).sort() }).toEqual({ site: s, ids: expected });
        const portal = users[persona].role === 'guardian' || users[persona].role === 'social_services' || users[persona].role === 'court';
        if (portal) {
          const page = await call('GET', `/api/portal/cases/${fx.caseId}`, cookieOf(persona)).expect(200);
          expect(page.body.documents.map((d: { id: string }) => d.id).sort()).toEqual(expected);
        }
      }
    });

    it('the DPO’s disclosure register and a case’s access log', async () => {
      const all = await q<{ id: string }[]>(`SELECT id FROM report_disclosures ORDER BY id`);
      expect(await pages('dpo', '/api/dpo/disclosures')).toEqual(all.map((r) => r.id));
      // Every row about the case up to now; the DPO's own looks come after and are not in it.
      const head = await auditSeq();
      const seqs = await q<{ seq: string }[]>(
        `SELECT seq::text AS seq FROM audit_event WHERE (case_id = $1 OR (entity_type = 'case' AND entity_id = $1::text)) AND seq <= $2 ORDER BY seq`,
        [shared.palermo.caseId, head],
      );
      expect(seqs.length).toBeGreaterThan(10);
      const log = await pages('dpo', `/api/dpo/cases/${shared.palermo.caseId}/access-log`, (i) => String(i.seq));
      expect(log).toEqual(seqs.map((r) => r.seq).sort());
    });

    it('the administrator’s users and organisations', async () => {
      const usersAll = await q<{ id: string }[]>(`SELECT id FROM users ORDER BY id`);
      expect(await pages('admin', '/api/admin/users')).toEqual(usersAll.map((r) => r.id));
      const orgsAll = await q<{ id: string }[]>(`SELECT id FROM organisations ORDER BY id`);
      const listed = (await call('GET', '/api/admin/organisations', cookieOf('admin')).expect(200)).body.items.map((o: { id: string }) => o.id).sort();
      expect(listed).toEqual(orgsAll.map((r) => r.id));
    });
  });
});
