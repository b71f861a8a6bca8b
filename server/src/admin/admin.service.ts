import { Injectable } from '@nestjs/common';
import {
  REQUIRED_PLACE_BY_ORGANISATION_TYPE,
  ROLES_BY_ORGANISATION_TYPE,
  type CreateOrganisationInput,
  type CreateUserInput,
  type Organisation,
  type OrganisationType,
  type User,
} from '@app/contracts';
import { AuditService } from '../audit/audit.service';
import { AppError, notFound } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import { decodeCursor, encodeCursor } from '../common/cursor';
import { Db } from '../database/db';
import { PasswordService, passwordProblems } from '../auth/password.service';
import { SessionService } from '../auth/session.service';

interface OrganisationRow {
  id: string;
  name: string;
  type: OrganisationType;
  country: string | null;
  municipality: string | null;
  district: string | null;
  created_at: Date;
}
interface UserRow {
  id: string;
  email: string;
  display_name: string;
  role: User['role'];
  organisation_id: string;
  organisation_name: string;
  active: boolean;
  created_at: Date;
}

const toOrganisation = (row: OrganisationRow): Organisation => ({
  id: row.id,
  name: row.name,
  type: row.type,
  country: row.country,
  municipality: row.municipality,
  district: row.district,
  createdAt: row.created_at.toISOString(),
});
const toUser = (row: UserRow): User => ({
  id: row.id,
  email: row.email,
  displayName: row.display_name,
  role: row.role,
  organisationId: row.organisation_id,
  organisationName: row.organisation_name,
  active: row.active,
  createdAt: row.created_at.toISOString(),
});

const USER_COLUMNS = `u.id, u.email, u.display_name, u.role, u.organisation_id, o.name AS organisation_name, u.active, u.created_at`;

@Injectable()
export class AdminService {
  constructor(
    private readonly db: Db,
    private readonly passwords: PasswordService,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
  ) {}

  async listOrganisations(): Promise<{ items: Organisation[] }> {
    const rows = await this.db.query<OrganisationRow[]>(`SELECT * FROM organisations ORDER BY type, name`);
    return { items: rows.map(toOrganisation) };
  }

  async createOrganisation(actor: AuthUser, input: CreateOrganisationInput, ip: string): Promise<Organisation> {
    const place = REQUIRED_PLACE_BY_ORGANISATION_TYPE[input.type];
    if (place && !input[place]) {
      throw new AppError('VALIDATION_FAILED', `A ${input.type} organisation needs a ${place}`, {
        fields: [{ path: place, code: 'required', message: `Required for ${input.type}` }],
      });
    }
    return this.db.transaction(async (tx) => {
      const rows = await tx.query<OrganisationRow[]>(
        `INSERT INTO organisations (name, type, country, municipality, district) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (type, name) DO NOTHING RETURNING *`,
        [input.name, input.type, input.country ?? null, input.municipality ?? null, input.district ?? null],
      );
      const created = rows[0];
      if (!created) throw new AppError('CONFLICT', 'An organisation of this type with this name already exists', { fields: [{ path: 'name', code: 'duplicate', message: 'Already exists' }] });
      await this.audit.append({ actor, action: 'ORGANISATION_CREATED', entityType: 'organisation', entityId: created.id, detail: { type: input.type }, ip }, tx);
      return toOrganisation(created);
    });
  }

  async listUsers(query: { limit: number; cursor?: string | undefined; organisationId?: string | undefined }): Promise<{ items: User[]; nextCursor: string | null }> {
    const params: unknown[] = [query.limit + 1];
    const where: string[] = [];
    if (query.organisationId) {
      params.push(query.organisationId);
      where.push(`u.organisation_id = $${params.length}`);
    }
    if (query.cursor) {
      const [email, id] = decodeCursor(query.cursor, 2);
      params.push(email, id);
      where.push(`(lower(u.email), u.id) > ($${params.length - 1}, $${params.length}::uuid)`);
    }
    const rows = await this.db.query<UserRow[]>(
      `SELECT ${USER_COLUMNS} FROM users u JOIN organisations o ON o.id = u.organisation_id
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY lower(u.email), u.id LIMIT $1`,
      params,
    );
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return { items: page.map(toUser), nextCursor: rows.length > query.limit && last ? encodeCursor([last.email.toLowerCase(), last.id]) : null };
  }

  async createUser(actor: AuthUser, input: CreateUserInput, ip: string): Promise<User> {
    const organisation = await this.db.one<OrganisationRow>(`SELECT * FROM organisations WHERE id = $1`, [input.organisationId]);
    if (!organisation) {
      throw new AppError('VALIDATION_FAILED', 'Unknown organisation', { fields: [{ path: 'organisationId', code: 'not_found', message: 'No such organisation' }] });
    }
    if (!ROLES_BY_ORGANISATION_TYPE[organisation.type].includes(input.role)) {
      throw new AppError('VALIDATION_FAILED', `Role ${input.role} cannot belong to a ${organisation.type} organisation`, {
        fields: [{ path: 'role', code: 'role_not_allowed', message: `Allowed: ${ROLES_BY_ORGANISATION_TYPE[organisation.type].join(', ')}` }],
      });
    }
    this.assertPassword(input.password, input.email);
    const passwordHash = await this.passwords.hash(input.password);
    return this.db.transaction(async (tx) => {
      const rows = await tx.query<{ id: string }[]>(
        `INSERT INTO users (organisation_id, email, display_name, role, password_hash) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (lower(email)) DO NOTHING RETURNING id`,
        [input.organisationId, input.email, input.displayName, input.role, passwordHash],
      );
      const id = rows[0]?.id;
      if (!id) throw new AppError('CONFLICT', 'A user with this email already exists', { fields: [{ path: 'email', code: 'duplicate', message: 'Already exists' }] });
      await this.audit.append({ actor, action: 'USER_CREATED', entityType: 'user', entityId: id, detail: { role: input.role, organisationId: input.organisationId }, ip }, tx);
      const created = await tx.query<UserRow[]>(`SELECT ${USER_COLUMNS} FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE u.id = $1`, [id]);
      return toUser(created[0]!);
    });
  }

  async resetPassword(actor: AuthUser, userId: string, password: string, ip: string): Promise<void> {
    const target = await this.db.one<{ email: string }>(`SELECT email FROM users WHERE id = $1`, [userId]);
    if (!target) throw notFound('User');
    this.assertPassword(password, target.email);
    const passwordHash = await this.passwords.hash(password);
    await this.db.transaction(async (tx) => {
      await tx.query(`UPDATE users SET password_hash = $2, password_changed_at = app_now(), updated_at = app_now() WHERE id = $1`, [userId, passwordHash]);
      // A reset ends every session of the account: whoever held the old password is out.
      await this.sessions.destroyAllFor(userId, tx);
      await tx.query(`DELETE FROM login_locks WHERE email_norm = lower($1)`, [target.email]);
      await this.audit.append({ actor, action: 'USER_PASSWORD_RESET', entityType: 'user', entityId: userId, ip }, tx);
    });
  }

  async deactivate(actor: AuthUser, userId: string, ip: string): Promise<void> {
    if (userId === actor.id) {
      throw new AppError('CONFLICT', 'You cannot deactivate your own account');
    }
    await this.db.transaction(async (tx) => {
      const rows = await tx.query<{ id: string }[]>(`UPDATE users SET active = false, deactivated_at = app_now(), updated_at = app_now() WHERE id = $1 RETURNING id`, [userId]);
      if (!rows[0]) throw notFound('User');
      await this.sessions.destroyAllFor(userId, tx);
      await this.audit.append({ actor, action: 'USER_DEACTIVATED', entityType: 'user', entityId: userId, ip }, tx);
    });
  }

  private assertPassword(password: string, email: string): void {
    const problems = passwordProblems(password, { email });
    if (problems.length) throw new AppError('VALIDATION_FAILED', 'The password does not meet the policy', { fields: problems });
  }
}
