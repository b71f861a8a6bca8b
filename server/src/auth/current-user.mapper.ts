import type { CurrentUser } from '@app/contracts';
import type { AuthUser } from '../common/auth-user';

export const toCurrentUser = (user: AuthUser): CurrentUser => ({
  id: user.id,
  email: user.email,
  displayName: user.displayName,
  role: user.role,
  organisation: { id: user.organisationId, name: user.organisationName, type: user.organisationType },
});
