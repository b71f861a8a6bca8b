import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { OrganisationType, Role } from '@app/contracts';
import type { AuthUser } from '../common/auth-user';
import { Clock } from '../common/clock';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Db, type Executor } from '../database/db';

export const SESSION_COOKIE = '__Host-sid';
const TOUCH_EVERY_MS = 60_000;

export const hashToken = (token: string): Buffer => createHash('sha256').update(token).digest();

interface SessionRow {
  user_id: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  email: string;
  display_name: string;
  role: Role;
  active: boolean;
  organisation_id: string;
  organisation_name: string;
  organisation_type: OrganisationType;
}

@Injectable()
export class SessionService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get absoluteMs(): number {
    return this.config.SESSION_ABSOLUTE_HOURS * 3_600_000;
  }

  // A new random token at every login (no fixation); only its hash is stored.
  async create(userId: string, meta: { ip: string; userAgent?: string }, executor: Executor = this.db): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    await executor.query(
      `INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at, ip, user_agent) VALUES ($1, $2, $3, $3, $4, $5, $6)`,
      [hashToken(token), userId, now, new Date(now.getTime() + this.absoluteMs), meta.ip, meta.userAgent?.slice(0, 300) ?? null],
    );
    return token;
  }

  // Resolves a live session: active user, within the absolute lifetime and the idle timeout.
  // An expired session is deleted on sight.
  async resolve(token: string): Promise<{ user: AuthUser; tokenHash: Buffer } | null> {
    const tokenHash = hashToken(token);
    const row = await this.db.one<SessionRow>(
      `SELECT s.user_id, s.created_at, s.last_seen_at, s.expires_at, u.email, u.display_name, u.role, u.active,
              o.id AS organisation_id, o.name AS organisation_name, o.type AS organisation_type
         FROM sessions s JOIN users u ON u.id = s.user_id JOIN organisations o ON o.id = u.organisation_id
        WHERE s.token_hash = $1`,
      [tokenHash],
    );
    if (!row) return null;
    const now = this.clock.now().getTime();
    const idleMs = this.config.SESSION_IDLE_MINUTES * 60_000;
    if (!row.active || now >= row.expires_at.getTime() || now - row.last_seen_at.getTime() >= idleMs) {
      await this.db.query(`DELETE FROM sessions WHERE token_hash = $1`, [tokenHash]);
      return null;
    }
    if (now - row.last_seen_at.getTime() >= TOUCH_EVERY_MS) {
      await this.db.query(`UPDATE sessions SET last_seen_at = $2 WHERE token_hash = $1`, [tokenHash, new Date(now)]);
    }
    return {
      tokenHash,
      user: {
        id: row.user_id,
        email: row.email,
        displayName: row.display_name,
        role: row.role,
        organisationId: row.organisation_id,
        organisationName: row.organisation_name,
        organisationType: row.organisation_type,
      },
    };
  }

  async destroy(tokenHash: Buffer): Promise<void> {
    await this.db.query(`DELETE FROM sessions WHERE token_hash = $1`, [tokenHash]);
  }

  async destroyAllFor(userId: string, executor: Executor = this.db): Promise<void> {
    await executor.query(`DELETE FROM sessions WHERE user_id = $1`, [userId]);
  }
}
