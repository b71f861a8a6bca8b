// Typed path builders. Paths carry ids and filters only, never names or other personal data.
export const paths = {
  home: () => '/',
  login: () => '/login',
  cases: () => '/cases',
  caseDetail: (caseId: string) => `/cases/${encodeURIComponent(caseId)}`,
  admin: () => '/admin',
};
