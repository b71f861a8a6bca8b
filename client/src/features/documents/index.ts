// Case documents (issue 3): the case file's "Documents" tab mounts DocumentsPanel with its
// { caseId, caseDetail } props.
export { DocumentsPanel, type DocumentsPanelProps } from './components/documents-panel';
export { documentQueries } from './api/documents-queries';
