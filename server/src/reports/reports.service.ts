import { Injectable } from '@nestjs/common';
import {
  EDITABLE_REPORT_STATUSES,
  EXTERNAL_ROLES,
  IOM_STAFF_ROLES,
  RETURN_REPORT_STATES,
  TRACING_REPORT_KINDS,
  missingReportSections,
  reportSectionKeys,
  type CaseReports,
  type CaseState,
  type FieldError,
  type ReleaseReportInput,
  type Report,
  type ReportKind,
  type ReportPdfQuery,
  type ReportQaInput,
  type ReturnReportKind,
  type Role,
  type UpdateReportDraftInput,
} from '@app/contracts';
import { AuditService } from '../audit/audit.service';
import { AppError, notFound } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import { Clock } from '../common/clock';
import { CasesRepository, type CaseRow } from '../cases/cases.repository';
import { Db, type Executor } from '../database/db';
import { CaseTransitionService } from '../workflow/case-transition.service';
import { prefillFromAssessment, prefillNonLocation, type DraftPrefill } from './report-drafting';
import { renderReportPdf } from './report-pdf';
import { DISCLOSURE_SELECT, VERSION_SELECT, toReport, type DisclosureRow, type ReportRow, type VersionRow } from './reports.mapper';
import { assessmentForDraft, reportKindForCase } from './reports.store';
import { CaseChanges } from '../workflow/case-changes';
import { parseIfMatchVersion } from '../common/if-match';

const WORKING_STATUSES = ['DRAFT', 'IN_QA', 'QA_PASSED', 'RETURNED'] as const;
// Organisations a report may be released to as a whole (every user of it can read it). A guardian
// is always named as a person; IOM's own unit and missions are not recipients of a disclosure.
const RECIPIENT_ORGANISATION_TYPES = ['SOCIAL_SERVICES', 'JUVENILE_COURT', 'MINISTRY'];
const INTERNAL_COPY = 'copia interna OIM, non per la trasmissione';
// Part 2 (issue 4): the reintegration plan, the AVR operational note, the hand-over protocol and the
// monitoring reports go through the same versions, QA, approval, release and PDF, but do not move
// the case: they are worked on while the case is in the kind's states (RETURN_REPORT_STATES) and an
// approved version may be released then or at any later step of the return.
const isTracingKind = (kind: ReportKind) => (TRACING_REPORT_KINDS as readonly ReportKind[]).includes(kind);
const RETURN_RELEASE_STATES: readonly CaseState[] = ['IN_TRANSIT', 'HANDED_OVER', 'REINTEGRATION', 'MONITORING', 'CLOSED_REINTEGRATED'];
const PDF_SLUG: Record<ReportKind, string> = {
  FAMILY_ASSESSMENT: 'relazione-indagine-familiare',
  NON_LOCATION_NOTE: 'nota-mancato-rintraccio',
  REINTEGRATION_PLAN: 'progetto-reinserimento',
  AVR_OPERATIONAL_NOTE: 'nota-operativa-rimpatrio',
  HANDOVER_PROTOCOL: 'verbale-consegna',
  MONITORING_REPORT: 'relazione-monitoraggio',
};

// If-Match carries the version's lock version ("3", W/"3" or 3), as for cases.
export const parseLockVersion = (header: string | undefined): number | undefined => parseIfMatchVersion(header, 'report version’s lock version');

const staleDraft = (current: number) =>
  new AppError('PRECONDITION_FAILED', 'The report was changed by someone else: reload it and try again (your text was not saved)', { currentLockVersion: current });

const unmet = (message: string, code: string, guardMessage: string, extra: Record<string, unknown> = {}) =>
  new AppError('TRANSITION_NOT_ALLOWED', message, { unmet: [{ code, message: guardMessage }], ...extra });

interface ActionContext {
  report: ReportRow;
  caseRow: CaseRow;
  version: VersionRow;
}

interface PdfReportRow extends ReportRow {
  case_number: string;
  first_name: string;
  last_name: string;
  aliases: string[];
  date_of_birth: string | null;
  nationality: string;
}

@Injectable()
export class ReportsService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly cases: CasesRepository,
    private readonly transitions: CaseTransitionService,
    private readonly audit: AuditService,
    private readonly changes: CaseChanges,
  ) {}

  // ---------------------------------------------------------------------------------------------
  // Reading

  async list(user: AuthUser, caseId: string, ip: string): Promise<CaseReports> {
    const row = await this.cases.findVisibleById(user, caseId);
    if (!row) throw notFound('Case');
    const reports = await this.db.query<ReportRow[]>(`SELECT * FROM reports WHERE case_id = $1 ORDER BY created_at, id`, [caseId]);
    const [versions, disclosures] = await Promise.all([
      this.db.query<VersionRow[]>(`${VERSION_SELECT} WHERE v.report_id = ANY($1::uuid[])`, [reports.map((r) => r.id)]),
      this.db.query<DisclosureRow[]>(`${DISCLOSURE_SELECT} WHERE d.case_id = $1 ORDER BY d.released_at, d.id`, [caseId]),
    ]);
    const startable = row.state === 'REPORT_DRAFTING' ? await this.startableKind(this.db, caseId, reports, versions) : null;
    await this.audit.append({ actor: user, action: 'REPORTS_VIEWED', entityType: 'case', entityId: caseId, caseId, ip });
    return { items: reports.map((r) => toReport(r, versions, disclosures)), startable };
  }

  private async loadReport(executor: Executor, reportId: string): Promise<Report> {
    const report = (await executor.query<ReportRow[]>(`SELECT * FROM reports WHERE id = $1`, [reportId]))[0];
    if (!report) throw notFound('Report');
    const versions = await executor.query<VersionRow[]>(`${VERSION_SELECT} WHERE v.report_id = $1`, [reportId]);
    const disclosures = await executor.query<DisclosureRow[]>(
      `${DISCLOSURE_SELECT} JOIN report_versions rv ON rv.id = d.report_version_id WHERE rv.report_id = $1 ORDER BY d.released_at, d.id`,
      [reportId],
    );
    return toReport(report, versions, disclosures);
  }

  // ---------------------------------------------------------------------------------------------
  // Which report a case needs, and what it starts from

  private async startableKind(executor: Executor, caseId: string, reports: ReportRow[], versions: VersionRow[]): Promise<ReportKind | null> {
    const { kind } = await reportKindForCase(executor, caseId);
    if (!kind) return null;
    const existing = reports.find((r) => r.kind === kind);
    if (existing) {
      const working = versions.some((v) => v.report_id === existing.id && (WORKING_STATUSES as readonly string[]).includes(v.status));
      return working ? null : kind;
    }
    if (kind === 'FAMILY_ASSESSMENT' && !(await assessmentForDraft(executor, caseId))) return null;
    return kind;
  }

  // ---------------------------------------------------------------------------------------------
  // Shared plumbing of the actions

  // The report, its case (visible to the caller and locked, so the action serialises with
  // transitions and case-file writes) and its current version (locked).
  private async forAction(tx: Executor, user: AuthUser, reportId: string): Promise<ActionContext> {
    const report = (await tx.query<ReportRow[]>(`SELECT * FROM reports WHERE id = $1`, [reportId]))[0];
    if (!report) throw notFound('Report');
    const caseRow = await this.cases.findVisibleById(user, report.case_id, tx, { lock: true });
    if (!caseRow) throw notFound('Report');
    const version = (await tx.query<VersionRow[]>(`${VERSION_SELECT} WHERE v.report_id = $1 ORDER BY v.version_no DESC LIMIT 1 FOR UPDATE OF v`, [reportId]))[0];
    if (!version) throw notFound('Report');
    return { report, caseRow, version };
  }

  // The case state a report action needs: the tracing report's own workflow state, or for a part-2
  // report one of its kind's working states.
  private requireWorkState(kind: ReportKind, caseRow: CaseRow, tracingState: CaseState, action: string) {
    if (isTracingKind(kind)) return this.requireCaseState(caseRow, tracingState, action);
    const states = RETURN_REPORT_STATES[kind as ReturnReportKind];
    if (!states.includes(caseRow.state)) {
      throw new AppError('CONFLICT', `${action} needs the case in ${states.join(', ')}; it is in ${caseRow.state}`, { state: caseRow.state });
    }
  }

  private requireCaseState(caseRow: CaseRow, state: CaseState, action: string) {
    if (caseRow.state !== state) {
      throw new AppError('CONFLICT', `${action} needs the case in ${state}; it is in ${caseRow.state}`, { state: caseRow.state });
    }
  }

  private checkLock(version: VersionRow, ifMatch: string | undefined) {
    const expected = parseLockVersion(ifMatch);
    if (expected !== undefined && expected !== version.lock_version) throw staleDraft(version.lock_version);
  }

  private record(tx: Executor, user: AuthUser, caseId: string, action: string, reportId: string, ip: string, detail: Record<string, unknown>) {
    return this.changes.record(tx, { user, caseId, action, entity: { type: 'report', id: reportId }, ip, detail });
  }

  // Fires the case transition that follows the report, after checking the machine's guards against
  // the facts as they stand inside this transaction (the version has already moved). A QA return
  // by a caseworker is a system move of the supervisor's return_to_drafting: its guards are
  // checked, not its role.
  private async follow(tx: Executor, user: AuthUser, caseRow: CaseRow, to: CaseState, ip: string, options: { reason?: string; systemMove?: string } = {}) {
    await this.transitions.fire(tx, user, caseRow, to, ip, options);
  }

  // ---------------------------------------------------------------------------------------------
  // Starting a report (or a correction: a new version of an approved or released one)

  async start(user: AuthUser, caseId: string, ip: string): Promise<Report> {
    return this.db.transaction(async (tx) => {
      const caseRow = await this.cases.findVisibleById(user, caseId, tx, { lock: true });
      if (!caseRow) throw notFound('Case');
      this.requireCaseState(caseRow, 'REPORT_DRAFTING', 'Starting a report');
      const { kind, startedFrom, tracing } = await reportKindForCase(tx, caseId);
      if (!kind) {
        throw new AppError('CONFLICT', 'No tracing outcome says which report this case needs', {
          unmet: [{ code: 'TRACING_OUTCOME_RECORDED', message: 'The tracing outcome is not recorded' }],
        });
      }
      const now = this.clock.now();
      const existing = (await tx.query<ReportRow[]>(`SELECT * FROM reports WHERE case_id = $1 AND kind = $2`, [caseId, kind]))[0];
      let reportId: string;
      let versionNo: number;
      if (existing) {
        const latest = (await tx.query<VersionRow[]>(`${VERSION_SELECT} WHERE v.report_id = $1 ORDER BY v.version_no DESC LIMIT 1 FOR UPDATE OF v`, [existing.id]))[0]!;
        if ((WORKING_STATUSES as readonly string[]).includes(latest.status)) {
          throw new AppError('CONFLICT', `Version ${latest.version_no} of this report is still being worked on`, { reportId: existing.id, versionNo: latest.version_no });
        }
        // A correction starts from the last approved or released text; an approved version that was
        // never released is superseded by it.
        if (latest.status === 'APPROVED') await tx.query(`UPDATE report_versions SET status = 'SUPERSEDED' WHERE id = $1`, [latest.id]);
        reportId = existing.id;
        versionNo = latest.version_no + 1;
        await this.insertVersion(tx, user, reportId, versionNo, now, {
          originalLanguage: latest.original_language,
          sectionsOriginal: latest.sections_original,
          sectionsIt: latest.sections_it,
          source: { ...latest.source, copiedFromVersionNo: latest.version_no } as DraftPrefill['source'],
        });
      } else {
        let prefill: DraftPrefill;
        if (kind === 'FAMILY_ASSESSMENT') {
          const assessment = await assessmentForDraft(tx, caseId);
          if (!assessment) {
            throw new AppError('CONFLICT', 'The family assessment has not been written', {
              unmet: [{ code: 'ASSESSMENT_RECORDED', message: 'The family assessment has not been written' }],
            });
          }
          prefill = prefillFromAssessment(assessment);
        } else {
          prefill = prefillNonLocation(tracing, startedFrom);
        }
        reportId = (await tx.query<{ id: string }[]>(`INSERT INTO reports (case_id, kind, created_by, created_at) VALUES ($1, $2, $3, $4) RETURNING id`, [caseId, kind, user.id, now]))[0]!.id;
        versionNo = 1;
        await this.insertVersion(tx, user, reportId, versionNo, now, prefill);
      }
      await this.record(tx, user, caseId, versionNo === 1 ? 'REPORT_STARTED' : 'REPORT_CORRECTION_STARTED', reportId, ip, { kind, versionNo });
      return this.loadReport(tx, reportId);
    });
  }

  // Part 2 (issue 4): starts a report of a return kind, or a new version of it, from a pre-fill
  // built by the caller from the return records (server/src/return). The caller has locked the case
  // row and checked its state. A new version copies the last approved or released text unless
  // `fromRecords` asks for a fresh pre-fill; an approved version never released is superseded.
  async startReturnVersion(
    tx: Executor,
    user: AuthUser,
    caseId: string,
    kind: ReturnReportKind,
    existingReportId: string | null,
    prefill: DraftPrefill,
    options: { fromRecords: boolean; ip: string },
  ): Promise<Report> {
    const now = this.clock.now();
    let reportId: string;
    let versionNo: number;
    if (existingReportId) {
      const latest = (await tx.query<VersionRow[]>(`${VERSION_SELECT} WHERE v.report_id = $1 ORDER BY v.version_no DESC LIMIT 1 FOR UPDATE OF v`, [existingReportId]))[0]!;
      if ((WORKING_STATUSES as readonly string[]).includes(latest.status)) {
        throw new AppError('CONFLICT', `Version ${latest.version_no} of this report is still being worked on`, { reportId: existingReportId, versionNo: latest.version_no });
      }
      if (latest.status === 'APPROVED') await tx.query(`UPDATE report_versions SET status = 'SUPERSEDED' WHERE id = $1`, [latest.id]);
      reportId = existingReportId;
      versionNo = latest.version_no + 1;
      await this.insertVersion(
        tx,
        user,
        reportId,
        versionNo,
        now,
        options.fromRecords
          ? { ...prefill, source: { ...prefill.source, copiedFromVersionNo: null } }
          : {
              originalLanguage: latest.original_language,
              sectionsOriginal: latest.sections_original,
              sectionsIt: latest.sections_it,
              source: { ...latest.source, copiedFromVersionNo: latest.version_no } as DraftPrefill['source'],
            },
      );
    } else {
      reportId = (await tx.query<{ id: string }[]>(`INSERT INTO reports (case_id, kind, created_by, created_at) VALUES ($1, $2, $3, $4) RETURNING id`, [caseId, kind, user.id, now]))[0]!.id;
      versionNo = 1;
      await this.insertVersion(tx, user, reportId, versionNo, now, prefill);
    }
    await this.record(tx, user, caseId, versionNo === 1 ? 'REPORT_STARTED' : 'REPORT_CORRECTION_STARTED', reportId, options.ip, { kind, versionNo, fromRecords: options.fromRecords });
    return this.loadReport(tx, reportId);
  }

  private async insertVersion(tx: Executor, user: AuthUser, reportId: string, versionNo: number, now: Date, prefill: DraftPrefill) {
    await tx.query(
      `INSERT INTO report_versions (report_id, version_no, original_language, sections_original, sections_it, source, drafted_by, created_at, updated_by, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $7, $8)`,
      [reportId, versionNo, prefill.originalLanguage, JSON.stringify(prefill.sectionsOriginal), JSON.stringify(prefill.sectionsIt), JSON.stringify(prefill.source), user.id, now],
    );
  }

  // ---------------------------------------------------------------------------------------------
  // Drafting

  async updateDraft(user: AuthUser, reportId: string, input: UpdateReportDraftInput, ifMatch: string | undefined, ip: string): Promise<Report> {
    const expected = parseLockVersion(ifMatch);
    if (expected === undefined) throw new AppError('PRECONDITION_REQUIRED', 'Send the If-Match header with the lock version of the draft you edited');
    return this.db.transaction(async (tx) => {
      const { report, caseRow, version } = await this.forAction(tx, user, reportId);
      if (!EDITABLE_REPORT_STATUSES.includes(version.status)) {
        const why = ['APPROVED', 'RELEASED', 'SUPERSEDED'].includes(version.status)
          ? 'approved and released versions never change; a correction is a new version'
          : 'it is under review and can be edited once returned';
        throw new AppError('CONFLICT', `Version ${version.version_no} is ${version.status}: ${why}`, { status: version.status, versionNo: version.version_no });
      }
      this.requireWorkState(report.kind, caseRow, 'REPORT_DRAFTING', 'Editing a report');
      if (version.lock_version !== expected) throw staleDraft(version.lock_version);
      const allowed = new Set(reportSectionKeys(report.kind));
      const unknown: FieldError[] = (['sectionsOriginal', 'sectionsIt'] as const).flatMap((column) =>
        Object.keys(input[column])
          .filter((key) => !allowed.has(key))
          .map((key) => ({ path: `${column}.${key}`, code: 'unknown_section', message: `Not a section of this report (${[...allowed].join(', ')})` })),
      );
      if (unknown.length) throw new AppError('VALIDATION_FAILED', 'Unknown report sections', { fields: unknown });
      const now = this.clock.now();
      const updated = await tx.query<{ lock_version: number }[]>(
        `UPDATE report_versions SET sections_original = $3, sections_it = $4, original_language = coalesce($5, original_language),
            lock_version = lock_version + 1, updated_by = $6, updated_at = $7
          WHERE id = $1 AND lock_version = $2 RETURNING lock_version`,
        [version.id, expected, JSON.stringify(input.sectionsOriginal), JSON.stringify(input.sectionsIt), input.originalLanguage ?? null, user.id, now],
      );
      if (!updated[0]) throw staleDraft(version.lock_version);
      await this.record(tx, user, caseRow.id, 'REPORT_DRAFT_EDITED', reportId, ip, { versionNo: version.version_no, lockVersion: updated[0].lock_version });
      return this.loadReport(tx, reportId);
    });
  }

  async submit(user: AuthUser, reportId: string, ifMatch: string | undefined, ip: string): Promise<Report> {
    return this.db.transaction(async (tx) => {
      const { report, caseRow, version } = await this.forAction(tx, user, reportId);
      this.requireWorkState(report.kind, caseRow, 'REPORT_DRAFTING', 'Submitting a report');
      if (!EDITABLE_REPORT_STATUSES.includes(version.status)) {
        throw new AppError('CONFLICT', `Version ${version.version_no} is ${version.status}: only a draft can be submitted`, { status: version.status });
      }
      this.checkLock(version, ifMatch);
      const missing = missingReportSections(report.kind, version.sections_original, version.sections_it);
      if (missing.original.length || missing.it.length) {
        throw unmet('The draft is not complete', 'REPORT_DRAFT_READY', 'Every section must be written in the original language and in Italian', {
          fields: [
            ...missing.original.map((key) => ({ path: `sectionsOriginal.${key}`, code: 'required', message: 'Write this section in the original language' })),
            ...missing.it.map((key) => ({ path: `sectionsIt.${key}`, code: 'required', message: 'Translate this section into Italian' })),
          ],
        });
      }
      await tx.query(`UPDATE report_versions SET status = 'IN_QA', submitted_by = $2, submitted_at = $3 WHERE id = $1`, [version.id, user.id, this.clock.now()]);
      if (isTracingKind(report.kind)) await this.follow(tx, user, caseRow, 'REPORT_QA', ip);
      await this.record(tx, user, caseRow.id, 'REPORT_SUBMITTED', reportId, ip, { versionNo: version.version_no });
      return this.loadReport(tx, reportId);
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Quality review, approval, release

  // PASS is a caseworker's check (the supervisor approves afterwards); RETURN, by the reviewing
  // caseworker or by the supervisor instead of approving, sends the version back to drafting and
  // the case with it.
  async qa(user: AuthUser, reportId: string, input: ReportQaInput, ifMatch: string | undefined, ip: string): Promise<Report> {
    return this.db.transaction(async (tx) => {
      const { report, caseRow, version } = await this.forAction(tx, user, reportId);
      this.requireWorkState(report.kind, caseRow, 'REPORT_QA', 'Quality review');
      this.checkLock(version, ifMatch);
      const now = this.clock.now();
      const comment = input.comment?.trim() || null;
      if (input.result === 'PASS') {
        if (user.role !== 'caseworker') throw new AppError('FORBIDDEN', 'Quality review is a caseworker’s check; the supervisor approves afterwards', { firedBy: ['caseworker'] });
        if (version.status !== 'IN_QA') throw new AppError('CONFLICT', `Version ${version.version_no} is ${version.status}, not waiting for quality review`, { status: version.status });
        await tx.query(`UPDATE report_versions SET status = 'QA_PASSED', qa_by = $2, qa_at = $3, qa_result = 'PASS', qa_comment = $4 WHERE id = $1`, [version.id, user.id, now, comment]);
        await this.record(tx, user, caseRow.id, 'REPORT_QA_PASSED', reportId, ip, { versionNo: version.version_no, comment });
      } else {
        if (version.status !== 'IN_QA' && version.status !== 'QA_PASSED') {
          throw new AppError('CONFLICT', `Version ${version.version_no} is ${version.status}, not under review`, { status: version.status });
        }
        await tx.query(`UPDATE report_versions SET status = 'RETURNED', qa_by = $2, qa_at = $3, qa_result = 'RETURN', qa_comment = $4 WHERE id = $1`, [version.id, user.id, now, comment]);
        if (isTracingKind(report.kind)) await this.follow(tx, user, caseRow, 'REPORT_DRAFTING', ip, { reason: comment ?? undefined, systemMove: 'report_returned' });
        await this.record(tx, user, caseRow.id, 'REPORT_RETURNED', reportId, ip, { versionNo: version.version_no, comment });
      }
      return this.loadReport(tx, reportId);
    });
  }

  // The supervisor's approval (domain.md §4 #10) fixes the content hash, computed by the database
  // from the stored content.
  async approve(user: AuthUser, reportId: string, ifMatch: string | undefined, ip: string): Promise<Report> {
    return this.db.transaction(async (tx) => {
      const { report, caseRow, version } = await this.forAction(tx, user, reportId);
      this.requireWorkState(report.kind, caseRow, 'REPORT_QA', 'Approving a report');
      this.checkLock(version, ifMatch);
      if (version.status === 'IN_QA') throw unmet('The report has not passed quality review', 'REPORT_QA_PASSED', 'A caseworker must pass the quality review first');
      if (version.status !== 'QA_PASSED') throw new AppError('CONFLICT', `Version ${version.version_no} is ${version.status} and cannot be approved`, { status: version.status });
      const approved = await tx.query<{ content_sha256: string }[]>(
        `UPDATE report_versions SET status = 'APPROVED', approved_by = $2, approved_at = $3 WHERE id = $1 RETURNING content_sha256`,
        [version.id, user.id, this.clock.now()],
      );
      if (isTracingKind(report.kind)) await this.follow(tx, user, caseRow, 'REPORT_APPROVED', ip);
      await this.record(tx, user, caseRow.id, 'REPORT_APPROVED', reportId, ip, { versionNo: version.version_no, contentSha256: approved[0]!.content_sha256 });
      return this.loadReport(tx, reportId);
    });
  }

  // Release to named recipients (domain.md §4 #11, §8 rules 4 and 7): one disclosure-register row
  // per recipient, the version marked released and the case moved to REPORT_SENT, together.
  async release(user: AuthUser, reportId: string, input: ReleaseReportInput, ifMatch: string | undefined, ip: string): Promise<Report> {
    return this.db.transaction(async (tx) => {
      const { report, caseRow, version } = await this.forAction(tx, user, reportId);
      if (isTracingKind(report.kind)) this.requireCaseState(caseRow, 'REPORT_APPROVED', 'Releasing a report');
      else if (!RETURN_REPORT_STATES[report.kind as ReturnReportKind].includes(caseRow.state) && !RETURN_RELEASE_STATES.includes(caseRow.state)) {
        throw new AppError('CONFLICT', `Releasing this report needs the case on its return path; it is in ${caseRow.state}`, { state: caseRow.state });
      }
      if (version.status !== 'APPROVED') throw new AppError('CONFLICT', `Version ${version.version_no} is ${version.status}: only an approved version is released`, { status: version.status });
      this.checkLock(version, ifMatch);
      const recipients = await this.resolveRecipients(tx, input);
      const familyConsentId = await this.sharingConsent(tx, caseRow.id, report.kind, input.familyConsentId);

      const now = this.clock.now();
      await tx.query(`UPDATE report_versions SET status = 'RELEASED', released_by = $2, released_at = $3 WHERE id = $1`, [version.id, user.id, now]);
      const disclosureIds: string[] = [];
      for (const recipient of recipients) {
        const rows = await tx.query<{ id: string }[]>(
          `INSERT INTO report_disclosures (report_version_id, case_id, recipient_organisation_id, recipient_user_id, recipient_name, purpose, legal_basis,
              family_consent_id, content_sha256, released_by, approved_by, released_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
          [version.id, caseRow.id, recipient.organisationId, recipient.userId, recipient.name, input.purpose, input.legalBasis, familyConsentId,
            version.content_sha256, user.id, version.approved_by, now],
        );
        disclosureIds.push(rows[0]!.id);
      }
      if (isTracingKind(report.kind)) await this.follow(tx, user, caseRow, 'REPORT_SENT', ip);
      await this.record(tx, user, caseRow.id, 'REPORT_RELEASED', reportId, ip, {
        versionNo: version.version_no,
        contentSha256: version.content_sha256,
        disclosureIds,
        recipients: recipients.map((r) => ({ organisationId: r.organisationId, userId: r.userId })),
        purpose: input.purpose,
        legalBasis: input.legalBasis,
        familyConsentId,
      });
      return this.loadReport(tx, reportId);
    });
  }

  private async resolveRecipients(tx: Executor, input: ReleaseReportInput) {
    const fields: FieldError[] = [];
    const resolved: { organisationId: string | null; userId: string | null; name: string }[] = [];
    for (const [i, recipient] of input.recipients.entries()) {
      const org = recipient.organisationId
        ? (await tx.query<{ id: string; name: string; type: string }[]>(`SELECT id, name, type FROM organisations WHERE id = $1`, [recipient.organisationId]))[0]
        : undefined;
      const user = recipient.userId
        ? (
            await tx.query<{ id: string; display_name: string; role: Role; active: boolean; organisation_id: string; organisation_name: string }[]>(
              `SELECT u.id, u.display_name, u.role, u.active, u.organisation_id, o.name AS organisation_name FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE u.id = $1`,
              [recipient.userId],
            )
          )[0]
        : undefined;
      const path = `recipients.${i}`;
      if (recipient.organisationId && !org) fields.push({ path: `${path}.organisationId`, code: 'not_found', message: 'Unknown organisation' });
      if (recipient.userId && (!user || !user.active)) fields.push({ path: `${path}.userId`, code: 'not_found', message: 'Unknown or deactivated user' });
      if (org && !recipient.userId && !RECIPIENT_ORGANISATION_TYPES.includes(org.type)) {
        fields.push({ path: `${path}.organisationId`, code: 'not_allowed', message: 'A report goes to social services, a juvenile court or the ministry as a whole; a guardian is named as a person' });
      }
      if (user && !(EXTERNAL_ROLES as readonly Role[]).includes(user.role)) {
        fields.push({ path: `${path}.userId`, code: 'not_allowed', message: 'A report goes to a guardian, social services, a juvenile court or the ministry' });
      }
      if (org && user && user.organisation_id !== org.id) fields.push({ path: `${path}.userId`, code: 'mismatch', message: 'The user does not belong to that organisation' });
      if (user) resolved.push({ organisationId: org?.id ?? null, userId: user.id, name: `${user.display_name} – ${user.organisation_name}` });
      else if (org) resolved.push({ organisationId: org.id, userId: null, name: org.name });
    }
    if (fields.length) throw new AppError('VALIDATION_FAILED', 'Some recipients cannot receive this report', { fields });
    return resolved;
  }

  // The family's consent to sharing (domain.md §8 rule 4). A non-location note carries no family
  // data (attempts made, reason, recommendations), so it needs none; a consent named anyway must
  // still be one in force for this case. The part-2 reports rest on the court's decree and the
  // caregiver's acceptance, with the legal basis given at release: the consent is optional there.
  private async sharingConsent(tx: Executor, caseId: string, kind: ReportKind, requested: string | undefined): Promise<string | null> {
    const rows = await tx.query<{ id: string }[]>(
      `SELECT id FROM consents WHERE case_id = $1 AND subject = 'FAMILY_MEMBER' AND scope = 'SHARE_REPORT' AND withdrawn_at IS NULL
          AND ($2::uuid IS NULL OR id = $2::uuid)
        ORDER BY given_at DESC, id DESC LIMIT 1`,
      [caseId, requested ?? null],
    );
    if (requested && !rows[0]) {
      throw new AppError('VALIDATION_FAILED', 'Not a family consent to sharing in force for this case', {
        fields: [{ path: 'familyConsentId', code: 'not_found', message: 'Not a family consent to sharing (SHARE_REPORT) in force for this case' }],
      });
    }
    if (kind === 'FAMILY_ASSESSMENT' && !rows[0]) {
      throw unmet('The family has not consented to sharing the report', 'FAMILY_CONSENT_SHARING', "The family's consent to sharing the report is not recorded");
    }
    return rows[0]?.id ?? null;
  }

  // ---------------------------------------------------------------------------------------------
  // The PDF of a released version: IOM staff who see the case, and the recipients in the
  // disclosure register (the version released to them). Anyone else gets 404, audited.

  async pdf(user: AuthUser, reportId: string, query: ReportPdfQuery, ip: string): Promise<{ pdf: Buffer; fileName: string }> {
    const denied = async (): Promise<never> => {
      await this.audit.append({ actor: user, action: 'REPORT_ACCESS_DENIED', entityType: 'report', entityId: reportId, detail: { version: query.version ?? null }, ip });
      throw notFound('Report');
    };
    const report = (
      await this.db.query<PdfReportRow[]>(
        `SELECT r.*, c.case_number, m.first_name, m.last_name, m.aliases, to_char(m.date_of_birth, 'YYYY-MM-DD') AS date_of_birth, m.nationality
          FROM reports r JOIN cases c ON c.id = r.case_id JOIN minors m ON m.id = c.minor_id WHERE r.id = $1`,
        [reportId],
      )
    )[0];
    if (!report) return denied();

    let versionId: string | undefined;
    let recipientName = INTERNAL_COPY;
    let disclosureId: string | null = null;
    if ((IOM_STAFF_ROLES as readonly Role[]).includes(user.role)) {
      if (!(await this.cases.findVisibleById(user, report.case_id))) return denied();
      const rows = await this.db.query<{ id: string }[]>(
        `SELECT id FROM report_versions WHERE report_id = $1 AND status = 'RELEASED' AND ($2::int IS NULL OR version_no = $2) ORDER BY version_no DESC LIMIT 1`,
        [reportId, query.version ?? null],
      );
      versionId = rows[0]?.id;
    } else {
      const rows = await this.db.query<{ id: string; report_version_id: string; recipient_name: string }[]>(
        `SELECT d.id, d.report_version_id, d.recipient_name FROM report_disclosures d JOIN report_versions v ON v.id = d.report_version_id
          WHERE v.report_id = $1 AND v.status = 'RELEASED' AND ($2::int IS NULL OR v.version_no = $2)
            AND (d.recipient_user_id = $3 OR (d.recipient_user_id IS NULL AND d.recipient_organisation_id = $4))
          ORDER BY v.version_no DESC, d.recipient_user_id IS NULL, d.released_at DESC LIMIT 1`,
        [reportId, query.version ?? null, user.id, user.organisationId],
      );
      versionId = rows[0]?.report_version_id;
      recipientName = rows[0]?.recipient_name ?? recipientName;
      disclosureId = rows[0]?.id ?? null;
    }
    if (!versionId) return denied();
    const version = (await this.db.query<VersionRow[]>(`${VERSION_SELECT} WHERE v.id = $1`, [versionId]))[0]!;
    const now = this.clock.now();
    const pdf = await renderReportPdf({
      kind: report.kind,
      caseNumber: report.case_number,
      minor: { firstName: report.first_name, lastName: report.last_name, aliases: report.aliases, dateOfBirth: report.date_of_birth, nationality: report.nationality },
      version: {
        versionNo: version.version_no,
        originalLanguage: version.original_language,
        sectionsOriginal: version.sections_original,
        sectionsIt: version.sections_it,
        source: version.source,
        contentSha256: version.content_sha256!,
        draftedBy: version.drafted_by_name,
        qaBy: version.qa_by_name,
        qaAt: version.qa_at,
        approvedBy: version.approved_by_name ?? '',
        approvedAt: version.approved_at!,
        releasedAt: version.released_at!,
      },
      recipientName,
      downloadedBy: user.displayName,
      generatedAt: now,
      watermark: !(IOM_STAFF_ROLES as readonly Role[]).includes(user.role),
      includeOriginal: query.original === 'true',
    });
    await this.audit.append({
      actor: user,
      action: 'REPORT_DOWNLOADED',
      entityType: 'report',
      entityId: reportId,
      caseId: report.case_id,
      detail: { versionNo: version.version_no, disclosureId, includeOriginal: query.original === 'true', contentSha256: version.content_sha256 },
      ip,
    });
    const slug = PDF_SLUG[report.kind];
    return { pdf, fileName: `${slug}-${report.case_number.replace(/[^A-Za-z0-9-]/g, '')}-v${version.version_no}.pdf` };
  }
}
