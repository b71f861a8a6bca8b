import type { CaseState, TracingReportKind } from '@app/contracts';
import type { Executor } from '../database/db';
import { reportKindFor, type AssessmentForDraft, type TracingForDraft } from './report-drafting';

// Reads shared by the report endpoints and the demo seed.

const REPORT_START_STATES: CaseState[] = ['ASSESSMENT_DONE', 'NOT_LOCATED', 'UNSAFE', 'FAMILY_REFUSED'];

// The state the report was started from (the outcome the caseworker confirmed), if the history says.
export async function reportStartedFrom(executor: Executor, caseId: string): Promise<CaseState | null> {
  const rows = await executor.query<{ from_state: CaseState }[]>(
    `SELECT from_state FROM case_history WHERE case_id = $1 AND kind = 'TRANSITION' AND to_state = 'REPORT_DRAFTING' AND from_state = ANY($2::text[])
      ORDER BY id DESC LIMIT 1`,
    [caseId, REPORT_START_STATES],
  );
  return rows[0]?.from_state ?? null;
}

// The latest tracing request that was not cancelled, with every contact attempt of the case.
export async function latestTracingForDraft(executor: Executor, caseId: string): Promise<TracingForDraft | null> {
  const rows = await executor.query<Omit<TracingForDraft, 'attempts'>[]>(
    `SELECT id, outcome, outcome_notes FROM tracing_requests WHERE case_id = $1 AND status <> 'CANCELLED' ORDER BY sent_at DESC, id DESC LIMIT 1`,
    [caseId],
  );
  const request = rows[0];
  if (!request) return null;
  const attempts = await executor.query<TracingForDraft['attempts']>(
    `SELECT a.attempted_at, a.channel, a.result FROM contact_attempts a JOIN tracing_requests t ON t.id = a.tracing_request_id
      WHERE t.case_id = $1 AND t.status <> 'CANCELLED' ORDER BY a.attempted_at, a.id`,
    [caseId],
  );
  return { ...request, attempts };
}

export async function assessmentForDraft(executor: Executor, caseId: string): Promise<AssessmentForDraft | undefined> {
  const rows = await executor.query<AssessmentForDraft[]>(
    `SELECT id, version, tracing_request_id, to_char(interview_date, 'YYYY-MM-DD') AS interview_date, interview_mode, persons_present,
        language_original, sections_original, sections_it, translated_from_version
      FROM family_assessments WHERE case_id = $1`,
    [caseId],
  );
  return rows[0];
}

export async function reportKindForCase(
  executor: Executor,
  caseId: string,
): Promise<{ kind: TracingReportKind | null; startedFrom: CaseState | null; tracing: TracingForDraft | null }> {
  const [startedFrom, tracing] = await Promise.all([reportStartedFrom(executor, caseId), latestTracingForDraft(executor, caseId)]);
  return { kind: reportKindFor(startedFrom, tracing?.outcome ?? null), startedFrom, tracing };
}
