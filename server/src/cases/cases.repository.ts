import { Injectable } from '@nestjs/common';
import { CASE_FILE_RELATIONS_BY_ROLE, type CaseListQuery, type CaseState } from '@app/contracts';
import type { AuthUser } from '../common/auth-user';
import { Clock } from '../common/clock';
import { decodeCursor } from '../common/cursor';
import { Db, type Executor } from '../database/db';

export interface CaseRow {
  id: string;
  case_number: string;
  state: CaseState;
  priority: 'LOW' | 'NORMAL' | 'HIGH' | 'URGENT';
  channel: 'DG_MLPS' | 'ART19_7BIS_GUARDIAN' | 'OTHER';
  request_date: string;
  version: number;
  state_before_hold: CaseState | null;
  created_at: Date;
  updated_at: Date;
  minor_id: string;
  first_name: string;
  last_name: string;
  sex: 'M' | 'F' | 'X';
  nationality: string;
  date_of_birth: string | null;
}

const CASE_COLUMNS = `c.id, c.case_number, c.state, c.priority, c.channel, to_char(c.request_date, 'YYYY-MM-DD') AS request_date,
  c.version, c.state_before_hold, c.created_at, c.updated_at, m.id AS minor_id, m.first_name, m.last_name, m.sex, m.nationality,
  to_char(m.date_of_birth, 'YYYY-MM-DD') AS date_of_birth`;

// The one place that decides which cases a user may see: a live grant whose relation opens the
// case file to the user's role, naming the user or the user's organisation.
export function visibleCasePredicate(user: AuthUser, now: Date, params: unknown[], alias = 'c'): string {
  params.push(CASE_FILE_RELATIONS_BY_ROLE[user.role], user.id, user.organisationId, now);
  const n = params.length;
  return `EXISTS (SELECT 1 FROM case_grants g WHERE g.case_id = ${alias}.id AND g.relation = ANY($${n - 3}::text[])
    AND (g.user_id = $${n - 2}::uuid OR g.organisation_id = $${n - 1}::uuid) AND (g.expires_at IS NULL OR g.expires_at > $${n}))`;
}

@Injectable()
export class CasesRepository {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async listVisible(user: AuthUser, query: CaseListQuery): Promise<CaseRow[]> {
    const params: unknown[] = [query.limit + 1];
    const where = [visibleCasePredicate(user, this.clock.now(), params)];
    if (query.state) {
      params.push(query.state);
      where.push(`c.state = $${params.length}`);
    }
    if (query.cursor) {
      const [updatedAt, id] = decodeCursor(query.cursor, 2);
      params.push(updatedAt, id);
      where.push(`(c.updated_at, c.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    return this.db.query<CaseRow[]>(
      `SELECT ${CASE_COLUMNS} FROM cases c JOIN minors m ON m.id = c.minor_id
        WHERE ${where.join(' AND ')} ORDER BY c.updated_at DESC, c.id DESC LIMIT $1`,
      params,
    );
  }

  // lock: inside a transaction, hold the case row until commit (FOR UPDATE) so concurrent
  // workflow moves and case-file writes on the same case run one after the other.
  async findVisibleById(user: AuthUser, caseId: string, executor: Executor = this.db, options: { lock?: boolean } = {}): Promise<CaseRow | undefined> {
    const params: unknown[] = [caseId];
    const rows = await executor.query<CaseRow[]>(
      `SELECT ${CASE_COLUMNS} FROM cases c JOIN minors m ON m.id = c.minor_id
        WHERE c.id = $1 AND ${visibleCasePredicate(user, this.clock.now(), params)}${options.lock ? ' FOR UPDATE OF c' : ''}`,
      params,
    );
    return rows[0];
  }
}
