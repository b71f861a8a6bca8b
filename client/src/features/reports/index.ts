// Reports to the authorities (issue 3): the case file's "Reports" tab mounts ReportsPanel with its
// { caseId, caseDetail } props.
export { ReportsPanel, type ReportsPanelProps } from './components/reports-panel';
export { reportQueries } from './api/reports-queries';
