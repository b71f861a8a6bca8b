// The case timeline (issue 3): the case page's "Timeline" tab mounts TimelinePanel with its
// { caseId, caseDetail } props.
export { TimelinePanel, type TimelinePanelProps } from './components/timeline-panel';
export { timelineQueries } from './api/timeline-queries';
