// Family tracing (issue 3). The case page's "Family & tracing" tab mounts CaseTracingPanel with
// its { caseId, caseDetail } props; the field officer's pages are routes of their own.
export { CaseTracingPanel, type CaseTracingPanelProps } from './components/case-tracing-panel';
export { FieldRequestList } from './components/field-request-list';
export { FieldRequestPage } from './components/field-request-page';
export { TranslationForm } from './components/translation-form';
export { SendTracingForm } from './components/send-tracing-form';
export { tracingQueries, type TracingListFilters } from './api/tracing-queries';
export { canManageTracing, canOpenTracingRequest, canWorkInTheField } from './utils/tracing-access';
