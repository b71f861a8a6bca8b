// Administration (role admin): organisations and users.
export { adminQueries } from './api/admin-queries';
export { OrganisationsSection } from './components/organisations-section';
export { UsersSection } from './components/users-section';
