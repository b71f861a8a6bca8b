import type { OrganisationType, Role } from '@app/contracts';

export interface AuthUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  organisationId: string;
  organisationName: string;
  organisationType: OrganisationType;
}

declare module 'fastify' {
  interface FastifyRequest {
    user?: AuthUser;
    sessionTokenHash?: Buffer;
  }
}
