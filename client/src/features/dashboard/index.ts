// The staff's home page: tasks and deadlines, approvals, cases by state, monitoring visits and
// minors turning eighteen.
export { dashboardQueries } from './api/dashboard-queries';
export { Dashboard } from './components/dashboard';
export { hasDashboard } from './utils/dashboard-access';
