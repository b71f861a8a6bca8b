import { Injectable } from '@nestjs/common';
import type { DirectoryOrganisation, DirectoryOrganisationsQuery, DirectoryUser, DirectoryUsersQuery } from '@app/contracts';
import { Db } from '../database/db';

// Pick lists for the intake form: who can be the requesting authority, the social-services
// office, the guardian, the caseworker. Active accounts only; no contact details.
const MAX_ITEMS = 500;

@Injectable()
export class DirectoryService {
  constructor(private readonly db: Db) {}

  async organisations(query: DirectoryOrganisationsQuery): Promise<{ items: DirectoryOrganisation[] }> {
    const items = await this.db.query<DirectoryOrganisation[]>(
      `SELECT id, name, type FROM organisations WHERE ($1::text IS NULL OR type = $1) ORDER BY name, id LIMIT ${MAX_ITEMS}`,
      [query.type ?? null],
    );
    return { items };
  }

  async users(query: DirectoryUsersQuery): Promise<{ items: DirectoryUser[] }> {
    const items = await this.db.query<DirectoryUser[]>(
      `SELECT u.id, u.display_name AS name, u.role, o.name AS "organisationName"
         FROM users u JOIN organisations o ON o.id = u.organisation_id
        WHERE u.role = $1 AND u.active ORDER BY u.display_name, u.id LIMIT ${MAX_ITEMS}`,
      [query.role],
    );
    return { items };
  }
}
