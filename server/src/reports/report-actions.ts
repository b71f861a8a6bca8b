import { Injectable } from '@nestjs/common';
import { RETURN_REPORT_STATES, TRACING_REPORT_KINDS, type CaseState, type Report, type ReportKind, type ReturnReportKind } from '@app/contracts';
import { AppError, notFound } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import { parseIfMatchVersion } from '../common/if-match';
import { CasesRepository, type CaseRow } from '../cases/cases.repository';
import type { Executor } from '../database/db';
import { CaseChanges } from '../workflow/case-changes';
import { CaseTransitionService } from '../workflow/case-transition.service';
import { DISCLOSURE_SELECT, VERSION_SELECT, toReport, type DisclosureRow, type ReportRow, type VersionRow } from './reports.mapper';

// Part 2 (issue 4): the reintegration plan, the AVR operational note, the hand-over protocol and the
// monitoring reports go through the same versions, QA, approval, release and PDF, but do not move
// the case: they are worked on while the case is in the kind's states (RETURN_REPORT_STATES) and an
// approved version may be released then or at any later step of the return.
export const isTracingKind = (kind: ReportKind) => (TRACING_REPORT_KINDS as readonly ReportKind[]).includes(kind);

// If-Match carries the version's lock version ("3", W/"3" or 3), as for cases.
export const parseLockVersion = (header: string | undefined): number | undefined => parseIfMatchVersion(header, 'report version’s lock version');

export const staleDraft = (current: number) =>
  new AppError('PRECONDITION_FAILED', 'The report was changed by someone else: reload it and try again (your text was not saved)', { currentLockVersion: current });

export const unmet = (message: string, code: string, guardMessage: string, extra: Record<string, unknown> = {}) =>
  new AppError('TRANSITION_NOT_ALLOWED', message, { unmet: [{ code, message: guardMessage }], ...extra });

export interface ActionContext {
  report: ReportRow;
  caseRow: CaseRow;
  version: VersionRow;
}

// What every report action does around its rule (issue 17): find the report and lock its case and
// current version, check the case's state and the lock version, record the change, fire the
// transition that follows. Shared by ReportsService and ReportReleaseService.
@Injectable()
export class ReportActions {
  constructor(
    private readonly cases: CasesRepository,
    private readonly transitions: CaseTransitionService,
    private readonly changes: CaseChanges,
  ) {}

  async loadReport(executor: Executor, reportId: string): Promise<Report> {
    const report = (await executor.query<ReportRow[]>(`SELECT * FROM reports WHERE id = $1`, [reportId]))[0];
    if (!report) throw notFound('Report');
    const versions = await executor.query<VersionRow[]>(`${VERSION_SELECT} WHERE v.report_id = $1`, [reportId]);
    const disclosures = await executor.query<DisclosureRow[]>(
      `${DISCLOSURE_SELECT} JOIN report_versions rv ON rv.id = d.report_version_id WHERE rv.report_id = $1 ORDER BY d.released_at, d.id`,
      [reportId],
    );
    return toReport(report, versions, disclosures);
  }


  // The report, its case (visible to the caller and locked, so the action serialises with
  // transitions and case-file writes) and its current version (locked).
  async forAction(tx: Executor, user: AuthUser, reportId: string): Promise<ActionContext> {
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
  requireWorkState(kind: ReportKind, caseRow: CaseRow, tracingState: CaseState, action: string) {
    if (isTracingKind(kind)) return this.requireCaseState(caseRow, tracingState, action);
    const states = RETURN_REPORT_STATES[kind as ReturnReportKind];
    if (!states.includes(caseRow.state)) {
      throw new AppError('CONFLICT', `${action} needs the case in ${states.join(', ')}; it is in ${caseRow.state}`, { state: caseRow.state });
    }
  }

  requireCaseState(caseRow: CaseRow, state: CaseState, action: string) {
    if (caseRow.state !== state) {
      throw new AppError('CONFLICT', `${action} needs the case in ${state}; it is in ${caseRow.state}`, { state: caseRow.state });
    }
  }

  checkLock(version: VersionRow, ifMatch: string | undefined) {
    const expected = parseLockVersion(ifMatch);
    if (expected !== undefined && expected !== version.lock_version) throw staleDraft(version.lock_version);
  }

  record(tx: Executor, user: AuthUser, caseId: string, action: string, reportId: string, ip: string, detail: Record<string, unknown>) {
    return this.changes.record(tx, { user, caseId, action, entity: { type: 'report', id: reportId }, ip, detail });
  }

  // Fires the case transition that follows the report, after checking the machine's guards against
  // the facts as they stand inside this transaction (the version has already moved). A QA return
  // by a caseworker is a system move of the supervisor's return_to_drafting: its guards are
  // checked, not its role.
  async follow(tx: Executor, user: AuthUser, caseRow: CaseRow, to: CaseState, ip: string, options: { reason?: string; systemMove?: string } = {}) {
    await this.transitions.fire(tx, user, caseRow, to, ip, options);
  }
}
