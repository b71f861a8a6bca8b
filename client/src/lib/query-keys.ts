// The query-cache keys that more than one feature uses: a change made in one part of the app
// refreshes what another shows by invalidating these.

// Everything about cases: the lists and each case.
export const casesKey = () => ['cases'] as const;

// Every case list (filters, name search, filter options) lives under ['cases', 'list', …].
export const caseListsKey = () => [...casesKey(), 'list'] as const;

// Everything about one case lives under ['cases', caseId]: the case itself, its file, tracing,
// reports, documents, timeline, return and portal views under longer keys, so one invalidation of
// caseKey(caseId) refreshes them all.
export const caseKey = (caseId: string) => [...casesKey(), caseId] as const;

// The dashboard (tasks, approvals, cases by state).
export const dashboardKey = () => ['dashboard'] as const;
