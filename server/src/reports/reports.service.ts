import { Injectable } from '@nestjs/common';
import {
  EDITABLE_REPORT_STATUSES,
  missingReportSections,
  reportSectionKeys,
  type CaseReports,
  type FieldError,
  type Report,
  type ReportKind,
  type ReportQaInput,
  type ReturnReportKind,
  type UpdateReportDraftInput,
} from '@app/contracts';
import { AuditService } from '../audit/audit.service';
import { AppError, notFound } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import { Clock } from '../common/clock';
import { CasesRepository } from '../cases/cases.repository';
import { Db, type Executor } from '../database/db';
import { prefillFromAssessment, prefillNonLocation, type DraftPrefill } from './report-drafting';
import { DISCLOSURE_SELECT, VERSION_SELECT, toReport, type DisclosureRow, type ReportRow, type VersionRow } from './reports.mapper';
import { assessmentForDraft, reportKindForCase } from './reports.store';
import { ReportActions, isTracingKind, parseLockVersion, staleDraft, unmet } from './report-actions';


const WORKING_STATUSES = ['DRAFT', 'IN_QA', 'QA_PASSED', 'RETURNED'] as const;

@Injectable()
export class ReportsService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly cases: CasesRepository,
    private readonly audit: AuditService,
    private readonly actions: ReportActions,
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
  // Starting a report (or a correction: a new version of an approved or released one)

  async start(user: AuthUser, caseId: string, ip: string): Promise<Report> {
    return this.db.transaction(async (tx) => {
      const caseRow = await this.cases.findVisibleById(user, caseId, tx, { lock: true });
      if (!caseRow) throw notFound('Case');
      this.actions.requireCaseState(caseRow, 'REPORT_DRAFTING', 'Starting a report');
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
      await this.actions.record(tx, user, caseId, versionNo === 1 ? 'REPORT_STARTED' : 'REPORT_CORRECTION_STARTED', reportId, ip, { kind, versionNo });
      return this.actions.loadReport(tx, reportId);
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
    await this.actions.record(tx, user, caseId, versionNo === 1 ? 'REPORT_STARTED' : 'REPORT_CORRECTION_STARTED', reportId, options.ip, { kind, versionNo, fromRecords: options.fromRecords });
    return this.actions.loadReport(tx, reportId);
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
      const { report, caseRow, version } = await this.actions.forAction(tx, user, reportId);
      if (!EDITABLE_REPORT_STATUSES.includes(version.status)) {
        const why = ['APPROVED', 'RELEASED', 'SUPERSEDED'].includes(version.status)
          ? 'approved and released versions never change; a correction is a new version'
          : 'it is under review and can be edited once returned';
        throw new AppError('CONFLICT', `Version ${version.version_no} is ${version.status}: ${why}`, { status: version.status, versionNo: version.version_no });
      }
      this.actions.requireWorkState(report.kind, caseRow, 'REPORT_DRAFTING', 'Editing a report');
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
      await this.actions.record(tx, user, caseRow.id, 'REPORT_DRAFT_EDITED', reportId, ip, { versionNo: version.version_no, lockVersion: updated[0].lock_version });
      return this.actions.loadReport(tx, reportId);
    });
  }

  async submit(user: AuthUser, reportId: string, ifMatch: string | undefined, ip: string): Promise<Report> {
    return this.db.transaction(async (tx) => {
      const { report, caseRow, version } = await this.actions.forAction(tx, user, reportId);
      this.actions.requireWorkState(report.kind, caseRow, 'REPORT_DRAFTING', 'Submitting a report');
      if (!EDITABLE_REPORT_STATUSES.includes(version.status)) {
        throw new AppError('CONFLICT', `Version ${version.version_no} is ${version.status}: only a draft can be submitted`, { status: version.status });
      }
      this.actions.checkLock(version, ifMatch);
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
      if (isTracingKind(report.kind)) await this.actions.follow(tx, user, caseRow, 'REPORT_QA', ip);
      await this.actions.record(tx, user, caseRow.id, 'REPORT_SUBMITTED', reportId, ip, { versionNo: version.version_no });
      return this.actions.loadReport(tx, reportId);
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Quality review, approval, release

  // PASS is a caseworker's check (the supervisor approves afterwards); RETURN, by the reviewing
  // caseworker or by the supervisor instead of approving, sends the version back to drafting and
  // the case with it.
  async qa(user: AuthUser, reportId: string, input: ReportQaInput, ifMatch: string | undefined, ip: string): Promise<Report> {
    return this.db.transaction(async (tx) => {
      const { report, caseRow, version } = await this.actions.forAction(tx, user, reportId);
      this.actions.requireWorkState(report.kind, caseRow, 'REPORT_QA', 'Quality review');
      this.actions.checkLock(version, ifMatch);
      const now = this.clock.now();
      const comment = input.comment?.trim() || null;
      if (input.result === 'PASS') {
        if (user.role !== 'caseworker') throw new AppError('FORBIDDEN', 'Quality review is a caseworker’s check; the supervisor approves afterwards', { firedBy: ['caseworker'] });
        if (version.status !== 'IN_QA') throw new AppError('CONFLICT', `Version ${version.version_no} is ${version.status}, not waiting for quality review`, { status: version.status });
        await tx.query(`UPDATE report_versions SET status = 'QA_PASSED', qa_by = $2, qa_at = $3, qa_result = 'PASS', qa_comment = $4 WHERE id = $1`, [version.id, user.id, now, comment]);
        await this.actions.record(tx, user, caseRow.id, 'REPORT_QA_PASSED', reportId, ip, { versionNo: version.version_no, comment });
      } else {
        if (version.status !== 'IN_QA' && version.status !== 'QA_PASSED') {
          throw new AppError('CONFLICT', `Version ${version.version_no} is ${version.status}, not under review`, { status: version.status });
        }
        await tx.query(`UPDATE report_versions SET status = 'RETURNED', qa_by = $2, qa_at = $3, qa_result = 'RETURN', qa_comment = $4 WHERE id = $1`, [version.id, user.id, now, comment]);
        if (isTracingKind(report.kind)) await this.actions.follow(tx, user, caseRow, 'REPORT_DRAFTING', ip, { reason: comment ?? undefined, systemMove: 'report_returned' });
        await this.actions.record(tx, user, caseRow.id, 'REPORT_RETURNED', reportId, ip, { versionNo: version.version_no, comment });
      }
      return this.actions.loadReport(tx, reportId);
    });
  }

  // The supervisor's approval (domain.md §4 #10) fixes the content hash, computed by the database
  // from the stored content.
  async approve(user: AuthUser, reportId: string, ifMatch: string | undefined, ip: string): Promise<Report> {
    return this.db.transaction(async (tx) => {
      const { report, caseRow, version } = await this.actions.forAction(tx, user, reportId);
      this.actions.requireWorkState(report.kind, caseRow, 'REPORT_QA', 'Approving a report');
      this.actions.checkLock(version, ifMatch);
      if (version.status === 'IN_QA') throw unmet('The report has not passed quality review', 'REPORT_QA_PASSED', 'A caseworker must pass the quality review first');
      if (version.status !== 'QA_PASSED') throw new AppError('CONFLICT', `Version ${version.version_no} is ${version.status} and cannot be approved`, { status: version.status });
      const approved = await tx.query<{ content_sha256: string }[]>(
        `UPDATE report_versions SET status = 'APPROVED', approved_by = $2, approved_at = $3 WHERE id = $1 RETURNING content_sha256`,
        [version.id, user.id, this.clock.now()],
      );
      if (isTracingKind(report.kind)) await this.actions.follow(tx, user, caseRow, 'REPORT_APPROVED', ip);
      await this.actions.record(tx, user, caseRow.id, 'REPORT_APPROVED', reportId, ip, { versionNo: version.version_no, contentSha256: approved[0]!.content_sha256 });
      return this.actions.loadReport(tx, reportId);
    });
  }
}
