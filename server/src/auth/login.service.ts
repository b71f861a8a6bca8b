import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { LoginInput } from '@app/contracts';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import { Clock } from '../common/clock';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Db } from '../database/db';
import { PasswordService } from './password.service';
import { SessionService } from './session.service';

interface UserRow {
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
  active: boolean;
  role: AuthUser['role'];
  organisation_id: string;
  organisation_name: string;
  organisation_type: AuthUser['organisationType'];
}

const INVALID = () => new AppError('INVALID_CREDENTIALS', 'Incorrect email or password');
const THROTTLED = () =>
  new AppError('LOGIN_THROTTLED', 'Too many failed attempts: sign-in is blocked for a while. Try again later or ask an administrator.');

@Injectable()
export class LoginService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly passwords: PasswordService,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // Throttles per account and per IP, locks an email after repeated failures, and answers the
  // same way whether or not the account exists.
  async login(input: LoginInput, meta: { ip: string; userAgent?: string }): Promise<{ token: string; user: AuthUser }> {
    const emailNorm = input.email.trim().toLowerCase();
    const now = this.clock.now();
    const windowStart = new Date(now.getTime() - this.config.LOGIN_WINDOW_MINUTES * 60_000);
    // Failed logins are audited without the typed email, which may hold a password by mistake.
    const emailRef = createHash('sha256').update(emailNorm).digest('hex').slice(0, 16);

    const ipFailures = await this.db.one<{ n: string }>(`SELECT count(*) AS n FROM login_failures WHERE ip = $1 AND at > $2`, [meta.ip, windowStart]);
    const lock = await this.db.one<{ locked_until: Date }>(`SELECT locked_until FROM login_locks WHERE email_norm = $1 AND locked_until > $2`, [emailNorm, now]);
    if (Number(ipFailures?.n ?? 0) >= this.config.LOGIN_MAX_FAILURES_PER_IP || lock) {
      await this.audit.append({ action: 'LOGIN_THROTTLED', entityType: 'session', detail: { emailRef, byIp: !lock }, ip: meta.ip });
      throw THROTTLED();
    }

    const user = await this.db.one<UserRow>(
      `SELECT u.id, u.email, u.display_name, u.password_hash, u.active, u.role,
              o.id AS organisation_id, o.name AS organisation_name, o.type AS organisation_type
         FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE lower(u.email) = $1`,
      [emailNorm],
    );
    const passwordOk = await this.passwords.verify(user?.password_hash, input.password);
    if (!user || !user.active || !passwordOk) {
      await this.recordFailure(emailNorm, emailRef, meta.ip, user);
      throw INVALID();
    }

    return this.db.transaction(async (tx) => {
      await tx.query(`DELETE FROM login_failures WHERE email_norm = $1`, [emailNorm]);
      const token = await this.sessions.create(user.id, meta, tx);
      await this.audit.append({ actor: user, action: 'LOGIN', entityType: 'session', entityId: user.id, ip: meta.ip }, tx);
      return {
        token,
        user: {
          id: user.id,
          email: user.email,
          displayName: user.display_name,
          role: user.role,
          organisationId: user.organisation_id,
          organisationName: user.organisation_name,
          organisationType: user.organisation_type,
        },
      };
    });
  }

  private async recordFailure(emailNorm: string, emailRef: string, ip: string, user: UserRow | undefined): Promise<void> {
    const now = this.clock.now();
    const windowStart = new Date(now.getTime() - this.config.LOGIN_WINDOW_MINUTES * 60_000);
    await this.db.transaction(async (tx) => {
      await tx.query(`INSERT INTO login_failures (email_norm, ip, at) VALUES ($1, $2, $3)`, [emailNorm, ip, now]);
      const rows = await tx.query<{ n: string }[]>(`SELECT count(*) AS n FROM login_failures WHERE email_norm = $1 AND at > $2`, [emailNorm, windowStart]);
      const failures = Number(rows[0]?.n ?? 0);
      const locked = failures >= this.config.LOGIN_MAX_FAILURES;
      if (locked) {
        await tx.query(
          `INSERT INTO login_locks (email_norm, locked_until) VALUES ($1, $2)
           ON CONFLICT (email_norm) DO UPDATE SET locked_until = EXCLUDED.locked_until`,
          [emailNorm, new Date(now.getTime() + this.config.LOGIN_LOCK_MINUTES * 60_000)],
        );
        await tx.query(`DELETE FROM login_failures WHERE email_norm = $1`, [emailNorm]);
      }
      await this.audit.append(
        { actor: user ? { id: user.id, role: user.role } : null, action: locked ? 'LOGIN_LOCKED' : 'LOGIN_FAILED', entityType: 'session', detail: { emailRef, failures }, ip },
        tx,
      );
    });
  }
}
