// Case documents (issue 3): the case page's "Documents" tab mounts DocumentsPanel with its
// { caseId, caseDetail } props; other features list a case's documents and link to their content.
export { DocumentsPanel, type DocumentsPanelProps } from './components/documents-panel';
export { documentQueries } from './api/documents-queries';
export { documentContentUrl } from './api/documents-api';
