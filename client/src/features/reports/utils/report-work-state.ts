import { RETURN_RELEASE_STATES, RETURN_REPORT_STATES, TRACING_REPORT_KINDS, type CaseState, type ReportKind, type ReturnReportKind } from '@app/contracts';

// A part-2 report (issue 4) may be released in its kind's states and at any later step of the
// return (RETURN_RELEASE_STATES, contracts: the server enforces the same list).

export const isTracingReportKind = (kind: ReportKind): boolean => (TRACING_REPORT_KINDS as readonly ReportKind[]).includes(kind);

// In which case states a report's version can be drafted, reviewed and approved, or released
// (mirrors ReportsService): a tracing report follows the case's own report states; a part-2
// report (issue 4) is worked on in its kind's states and released then or at a later step of the
// return, without moving the case.
export const reportWorkState = (kind: ReportKind, state: CaseState): { drafting: boolean; reviewing: boolean; releasing: boolean } => {
  if (isTracingReportKind(kind)) return { drafting: state === 'REPORT_DRAFTING', reviewing: state === 'REPORT_QA', releasing: state === 'REPORT_APPROVED' };
  const working = RETURN_REPORT_STATES[kind as ReturnReportKind].includes(state);
  return { drafting: working, reviewing: working, releasing: working || RETURN_RELEASE_STATES.includes(state) };
};
