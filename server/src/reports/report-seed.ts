import { isReportDraftComplete, type ReportKind, type ReportSections } from '@app/contracts';
import type { Executor } from '../database/db';
import { prefillFromAssessment, prefillNonLocation, type DraftPrefill, type DraftSource } from './report-drafting';
import { assessmentForDraft, reportKindForCase } from './reports.store';
import { appendCaseHistory } from '../workflow/case-changes';

// For the demo seed (and imports): a report that has gone as far as `status`, built the way the
// endpoints build it (pre-filled from the assessment or the tracing outcome, each step a separate
// update so the database's immutability and hash rules apply), with its history rows and, when
// released, its disclosure-register rows. Call it inside the seed's transaction.
export type SeedReportStatus = 'DRAFT' | 'IN_QA' | 'QA_PASSED' | 'APPROVED' | 'RELEASED';

export interface SeedReport {
  caseId: string;
  status: SeedReportStatus;
  // Default: the kind the case needs (its confirmed tracing outcome).
  kind?: ReportKind;
  // Part-2 kinds (issue 4): the pre-fill built from the return records (server/src/return).
  prefill?: DraftPrefill;
  // Merged over the pre-filled text; beyond DRAFT every section must end up written in both.
  sectionsOriginal?: ReportSections;
  sectionsIt?: ReportSections;
  originalLanguage?: string;
  draftedBy: string;
  qaBy?: string;
  approvedBy?: string;
  releasedBy?: string;
  // When drafting started; each later step follows an hour apart.
  at: Date;
  release?: {
    recipients: { organisationId?: string; userId?: string; name: string }[];
    purpose: string;
    legalBasis: string;
    familyConsentId?: string | null;
  };
}

const HOUR = 3_600_000;
const ORDER: SeedReportStatus[] = ['DRAFT', 'IN_QA', 'QA_PASSED', 'APPROVED', 'RELEASED'];

export async function createReportForSeed(executor: Executor, input: SeedReport): Promise<{ reportId: string; versionId: string; contentSha256: string | null }> {
  const fail = (message: string) => new Error(`seed report for case ${input.caseId}: ${message}`);
  const found = await reportKindForCase(executor, input.caseId);
  const kind = input.kind ?? found.kind;
  if (!kind) throw fail('no tracing outcome says which report the case needs');
  let prefill: DraftPrefill;
  if (input.prefill) {
    prefill = input.prefill;
  } else if (kind === 'FAMILY_ASSESSMENT') {
    const assessment = await assessmentForDraft(executor, input.caseId);
    if (!assessment) throw fail('no family assessment');
    prefill = prefillFromAssessment(assessment);
  } else if (kind === 'NON_LOCATION_NOTE') {
    prefill = prefillNonLocation(found.tracing, found.startedFrom);
  } else {
    throw fail(`a ${kind} report needs its pre-fill`);
  }
  const sectionsOriginal = { ...prefill.sectionsOriginal, ...input.sectionsOriginal };
  const sectionsIt = { ...prefill.sectionsIt, ...input.sectionsIt };
  const reached = (status: SeedReportStatus) => ORDER.indexOf(input.status) >= ORDER.indexOf(status);
  if (reached('IN_QA') && !isReportDraftComplete(kind, sectionsOriginal, sectionsIt)) throw fail('every section must be written in the original and in Italian');
  const who = { qa: input.qaBy, approve: input.approvedBy, release: input.releasedBy ?? input.draftedBy };
  if (reached('QA_PASSED') && !who.qa) throw fail('qaBy is required');
  if (reached('APPROVED') && !who.approve) throw fail('approvedBy is required');
  if (reached('RELEASED') && !input.release?.recipients.length) throw fail('release recipients are required');

  const at = (step: number) => new Date(input.at.getTime() + step * HOUR);
  const history = (kindOfEvent: string, step: number, actor: string, detail: Record<string, unknown>) =>
    appendCaseHistory(executor, { caseId: input.caseId, at: at(step), actorId: actor, kind: kindOfEvent, detail: { entityId: reportId, ...detail } });

  const reportId = (
    await executor.query<{ id: string }[]>(`INSERT INTO reports (case_id, kind, created_by, created_at) VALUES ($1, $2, $3, $4) RETURNING id`, [input.caseId, kind, input.draftedBy, at(0)])
  )[0]!.id;
  const source: DraftSource = prefill.source;
  const versionId = (
    await executor.query<{ id: string }[]>(
      `INSERT INTO report_versions (report_id, version_no, original_language, sections_original, sections_it, source, drafted_by, created_at, updated_by, updated_at)
       VALUES ($1, 1, $2, $3, $4, $5, $6, $7, $6, $7) RETURNING id`,
      [reportId, input.originalLanguage ?? prefill.originalLanguage, JSON.stringify(sectionsOriginal), JSON.stringify(sectionsIt), JSON.stringify(source), input.draftedBy, at(0)],
    )
  )[0]!.id;
  await history('REPORT_STARTED', 0, input.draftedBy, { kind, versionNo: 1 });
  if (reached('IN_QA')) {
    await executor.query(`UPDATE report_versions SET status = 'IN_QA', submitted_by = $2, submitted_at = $3 WHERE id = $1`, [versionId, input.draftedBy, at(1)]);
    await history('REPORT_SUBMITTED', 1, input.draftedBy, { versionNo: 1 });
  }
  if (reached('QA_PASSED')) {
    await executor.query(`UPDATE report_versions SET status = 'QA_PASSED', qa_by = $2, qa_at = $3, qa_result = 'PASS' WHERE id = $1`, [versionId, who.qa, at(2)]);
    await history('REPORT_QA_PASSED', 2, who.qa!, { versionNo: 1 });
  }
  let contentSha256: string | null = null;
  if (reached('APPROVED')) {
    contentSha256 = (
      await executor.query<{ content_sha256: string }[]>(`UPDATE report_versions SET status = 'APPROVED', approved_by = $2, approved_at = $3 WHERE id = $1 RETURNING content_sha256`, [
        versionId,
        who.approve,
        at(3),
      ])
    )[0]!.content_sha256;
    await history('REPORT_APPROVED', 3, who.approve!, { versionNo: 1, contentSha256 });
  }
  if (reached('RELEASED') && input.release) {
    await executor.query(`UPDATE report_versions SET status = 'RELEASED', released_by = $2, released_at = $3 WHERE id = $1`, [versionId, who.release, at(4)]);
    const disclosureIds: string[] = [];
    for (const recipient of input.release.recipients) {
      const rows = await executor.query<{ id: string }[]>(
        `INSERT INTO report_disclosures (report_version_id, case_id, recipient_organisation_id, recipient_user_id, recipient_name, purpose, legal_basis,
            family_consent_id, content_sha256, released_by, approved_by, released_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
        [versionId, input.caseId, recipient.organisationId ?? null, recipient.userId ?? null, recipient.name, input.release.purpose, input.release.legalBasis,
          input.release.familyConsentId ?? null, contentSha256, who.release, who.approve, at(4)],
      );
      disclosureIds.push(rows[0]!.id);
    }
    await history('REPORT_RELEASED', 4, who.release, { versionNo: 1, contentSha256, disclosureIds, purpose: input.release.purpose, legalBasis: input.release.legalBasis });
  }
  return { reportId, versionId, contentSha256 };
}
