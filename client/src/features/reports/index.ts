// Reports to the authorities (issue 3): the case page's "Reports" tab mounts ReportsPanel with its
// { caseId, caseDetail } props (and the return's report starters in `starters`).
export { ReportsPanel, type ReportsPanelProps } from './components/reports-panel';
export { reportQueries } from './api/reports-queries';
