// Typed path builders. Paths carry ids and filters only, never names or other personal data.
export const paths = {
  home: () => '/',
  login: () => '/login',
  cases: () => '/cases',
  caseDetail: (caseId: string) => `/cases/${encodeURIComponent(caseId)}`,
  // The list filtered by one state (the dashboard's counts link here).
  casesInState: (state: string) => `/cases?state=${encodeURIComponent(state)}`,
  caseNew: () => '/cases/new',
  // One tab of the case file (?tab=consents, ?tab=reports…).
  caseTab: (caseId: string, tab: string) => `/cases/${encodeURIComponent(caseId)}?tab=${encodeURIComponent(tab)}`,
  admin: () => '/admin',
  tracingRequests: () => '/tracing-requests',
  tracingRequest: (tracingRequestId: string) => `/tracing-requests/${encodeURIComponent(tracingRequestId)}`,
  // Issue 4: the receiving mission's returned minors (field officers).
  fieldReturns: () => '/returns',
  fieldReturn: (caseId: string) => `/returns/${encodeURIComponent(caseId)}`,
  // Issue 5: the recipients' inbox, the statistics, the data-protection officer's oversight and
  // the social services' new family-tracing request.
  inbox: () => '/inbox',
  stats: () => '/stats',
  dpo: () => '/dpo',
  // One tab of the DPO page (?tab=access-log&caseId=… opens the access log of one case).
  dpoTab: (tab: string, caseId?: string) =>
    `/dpo?tab=${encodeURIComponent(tab)}${caseId ? `&caseId=${encodeURIComponent(caseId)}` : ''}`,
  portalTracingRequestNew: () => '/portal/tracing-requests/new',
  // The supervisor's queue of requests sent by social services (?show=all: also the assigned ones).
  intakeRequests: () => '/intake/requests',
};
