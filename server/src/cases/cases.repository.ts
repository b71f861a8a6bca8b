import { Injectable } from '@nestjs/common';
import { CASE_FILE_RELATIONS_BY_ROLE, USER_GRANT_RELATIONS, type CaseListQuery, type CaseState, type OrganisationType, type Role } from '@app/contracts';
import { AppError } from '../common/app-error';
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

export interface UserRefJson {
  id: string;
  name: string;
}
export interface OrganisationRefJson {
  id: string;
  name: string;
  type: OrganisationType;
}

// A row of the case list: the case, who works on it, who asked, and whether a task is overdue.
export interface CaseListRow extends CaseRow {
  assigned_caseworker: UserRefJson | null;
  requesting_authority: OrganisationRefJson | null;
  overdue: boolean;
}

// The case detail: the list row plus the case fields and the minor's full profile.
export interface CaseDetailRow extends CaseListRow {
  risk_level: 'UNKNOWN' | 'LOW' | 'MEDIUM' | 'HIGH';
  dg_protocol_no: string | null;
  internal_notes: string | null;
  reopen_count: number;
  guardian: UserRefJson | null;
  social_services: OrganisationRefJson | null;
  aliases: string[];
  languages: string[];
  dob_basis: 'DECLARED' | 'DOCUMENT' | 'AGE_ASSESSMENT';
  age_assessment_min: number | null;
  age_assessment_max: number | null;
  dob_is_default_jan1: boolean;
  presumed_minor: boolean;
  arrival_date: string | null;
  arrival_mode: 'SEA' | 'LAND' | 'AIR' | null;
  region: string | null;
  municipality: string | null;
  reception_facility: string | null;
  reception_type: 'FIRST' | 'SAI' | 'CAS' | 'FOSTER_FAMILY' | null;
  legal_status: string | null;
  asylum_applicant: boolean;
  trafficking_indicators: string | null;
  health_notes: string | null;
  vulnerabilities: string[];
  prosieguo_until: string | null;
  minor_version: number;
}

export interface TimelineRow {
  id: string;
  at: Date;
  kind: string;
  from_state: CaseState | null;
  to_state: CaseState | null;
  reason: string | null;
  detail: Record<string, unknown>;
  actor_id: string | null;
  actor_name: string | null;
  actor_role: Role | null;
}

// What an external viewer may see of the case history (see timeline.policy.ts).
export interface TimelineScope {
  kinds: readonly string[];
  caseFields: readonly string[];
  minorFields: readonly string[];
}

const CASE_COLUMNS = `c.id, c.case_number, c.state, c.priority, c.channel, to_char(c.request_date, 'YYYY-MM-DD') AS request_date,
  c.version, c.state_before_hold, c.created_at, c.updated_at, m.id AS minor_id, m.first_name, m.last_name, m.sex, m.nationality,
  to_char(m.date_of_birth, 'YYYY-MM-DD') AS date_of_birth`;

// A live grant of a relation on the case (the `n`th parameter is "now").
const liveGrant = (relation: string, now: number, alias = 'c') =>
  `g.case_id = ${alias}.id AND g.relation = '${relation}' AND (g.expires_at IS NULL OR g.expires_at > $${now})`;

// `alias` is the row the extras describe: `c` (cases) or, in the list, `p` (the page, so that the
// subqueries run for the rows of the page only).
const LIST_EXTRAS = (now: number, alias = 'c') => `,
  (SELECT json_build_object('id', u.id, 'name', u.display_name) FROM case_grants g JOIN users u ON u.id = g.user_id
    WHERE ${liveGrant('assigned_caseworker', now, alias)} ORDER BY g.created_at DESC LIMIT 1) AS assigned_caseworker,
  (SELECT json_build_object('id', o.id, 'name', o.name, 'type', o.type) FROM organisations o WHERE o.id = ${alias}.requesting_organisation_id) AS requesting_authority,
  EXISTS (SELECT 1 FROM tasks t WHERE t.case_id = ${alias}.id AND t.status = 'OPEN' AND t.due_at < $${now}) AS overdue`;

const DETAIL_EXTRAS = (now: number) => `${LIST_EXTRAS(now)},
  c.risk_level, c.dg_protocol_no, c.internal_notes, c.reopen_count,
  (SELECT json_build_object('id', u.id, 'name', u.display_name) FROM case_grants g JOIN users u ON u.id = g.user_id
    WHERE ${liveGrant('guardian', now)} ORDER BY g.created_at DESC LIMIT 1) AS guardian,
  (SELECT json_build_object('id', o.id, 'name', o.name, 'type', o.type) FROM case_grants g JOIN organisations o ON o.id = g.organisation_id
    WHERE ${liveGrant('social_services', now)} ORDER BY g.created_at DESC LIMIT 1) AS social_services,
  m.aliases, m.languages, m.dob_basis, m.age_assessment_min, m.age_assessment_max, m.dob_is_default_jan1, m.presumed_minor,
  to_char(m.arrival_date, 'YYYY-MM-DD') AS arrival_date, m.arrival_mode, m.region, m.municipality, m.reception_facility, m.reception_type,
  m.legal_status, m.asylum_applicant, m.trafficking_indicators, m.health_notes, m.vulnerabilities,
  to_char(m.prosieguo_until, 'YYYY-MM-DD') AS prosieguo_until, m.version AS minor_version`;

// Name matching for the case list: the query's transliteration key is word-similar to a name or
// alias of the minor, or has the same phonetic key. The similar keys are found in the dictionary
// of distinct keys (GIN trigram on minor_name_keys), their rows on the btree minor_names_key_idx,
// and the phonetic match on minor_names_phon_idx; the caller sets the thresholds in its
// transaction.
export const nameMatchPredicate = (param: number, alias = 'c') =>
  `${alias}.minor_id IN (SELECT n.minor_id FROM minor_names n
    WHERE n.name_key IN (SELECT k.name_key FROM minor_name_keys k WHERE public.translit_key($${param}) <% k.name_key)
       OR n.phon_key = public.phonetic_key($${param}))`;

export type CaseFilters = Omit<CaseListQuery, 'cursor' | 'limit'> & { name?: string | undefined };

// The one place that decides which cases a user may see: a live grant whose relation opens the
// case file to the user's role, naming the user (person relations: assigned caseworker, guardian)
// or the user's organisation (the others). One branch per kind of relation, never an OR of the
// user and the organisation: the planner can then estimate the grants and drive the query from
// case_grants_user_idx / case_grants_org_idx (docs/performance.md).
export function visibleCasePredicate(user: AuthUser, now: Date, params: unknown[], alias = 'c'): string {
  const relations = CASE_FILE_RELATIONS_BY_ROLE[user.role];
  const branch = (kinds: readonly string[], column: 'user_id' | 'organisation_id', id: string) => {
    params.push(kinds, id, now);
    const n = params.length;
    return `EXISTS (SELECT 1 FROM case_grants g WHERE g.case_id = ${alias}.id AND g.relation = ANY($${n - 2}::text[])
    AND g.${column} = $${n - 1}::uuid AND (g.expires_at IS NULL OR g.expires_at > $${n}))`;
  };
  const personal = relations.filter((r) => USER_GRANT_RELATIONS.includes(r));
  const organisational = relations.filter((r) => !USER_GRANT_RELATIONS.includes(r));
  const branches = [
    ...(personal.length ? [branch(personal, 'user_id', user.id)] : []),
    ...(organisational.length ? [branch(organisational, 'organisation_id', user.organisationId)] : []),
  ];
  if (!branches.length) return 'false';
  return branches.length === 1 ? branches[0]! : `(${branches.join(' OR ')})`;
}

// The one grant through which a user sees their cases, when there is exactly one kind (a
// caseworker's assignments, a guardian's wards, an office's or a court's cases): their case list
// then walks that grant index in list order (case_grants.case_updated_at, kept by triggers), a page
// being one short index range, instead of walking every case of the country and probing a grant for
// each (docs/performance.md F5). Supervisors see the whole unit, for whom the cases' own keyset
// index is the short walk.
function singleGrantKeyset(user: AuthUser): { column: 'user_id' | 'organisation_id'; id: string; relation: string } | null {
  const relations = CASE_FILE_RELATIONS_BY_ROLE[user.role];
  if (user.role === 'supervisor' || relations.length !== 1) return null;
  const relation = relations[0]!;
  return USER_GRANT_RELATIONS.includes(relation) ? { column: 'user_id', id: user.id, relation } : { column: 'organisation_id', id: user.organisationId, relation };
}

@Injectable()
export class CasesRepository {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  // Keyset pagination on (updated_at, id), newest first; every filter narrows the visible set.
  async listVisible(user: AuthUser, query: CaseFilters & { cursor?: string | undefined; limit: number }, executor: Executor = this.db): Promise<CaseListRow[]> {
    const now = this.clock.now();
    const params: unknown[] = [query.limit + 1, now];
    const keyset = singleGrantKeyset(user);
    const where: string[] = [];
    if (keyset) {
      params.push(keyset.id, keyset.relation);
      where.push(`g.${keyset.column} = $${params.length - 1}::uuid AND g.relation = $${params.length} AND (g.expires_at IS NULL OR g.expires_at > $2)`);
    } else {
      where.push(visibleCasePredicate(user, now, params));
    }
    // The list order: the grant's copy of the case's updated_at on the grant walk, the case's own otherwise.
    const [orderAt, orderId] = keyset ? ['g.case_updated_at', 'g.case_id'] : ['c.updated_at', 'c.id'];
    const add = (value: unknown, sql: (n: number) => string) => {
      params.push(value);
      where.push(sql(params.length));
    };
    if (query.state) add(query.state, (n) => `c.state = $${n}`);
    if (query.nationality) add(query.nationality, (n) => `m.nationality = $${n}`);
    if (query.requestingAuthorityId) add(query.requestingAuthorityId, (n) => `c.requesting_organisation_id = $${n}::uuid`);
    if (query.caseworkerId) {
      add(query.caseworkerId, (n) => `EXISTS (SELECT 1 FROM case_grants g WHERE ${liveGrant('assigned_caseworker', 2)} AND g.user_id = $${n}::uuid)`);
    }
    if (query.overdue !== undefined) {
      where.push(`${query.overdue ? '' : 'NOT '}EXISTS (SELECT 1 FROM tasks t WHERE t.case_id = c.id AND t.status = 'OPEN' AND t.due_at < $2)`);
    }
    if (query.name) add(query.name, (n) => nameMatchPredicate(n));
    if (query.cursor) {
      const [updatedAt, id] = decodeCursor(query.cursor, 2);
      params.push(updatedAt, id);
      where.push(`(${orderAt}, ${orderId}) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    // The page first, then the per-row extras for its rows only: inside the scan the planner may
    // turn "overdue" into a hashed subplan over every overdue task of the country. On the grant
    // walk, DISTINCT ON drops a second live grant of the same kind on the same case.
    const page = keyset
      ? `SELECT DISTINCT ON (g.case_updated_at, g.case_id) ${CASE_COLUMNS}, c.requesting_organisation_id
           FROM case_grants g JOIN cases c ON c.id = g.case_id JOIN minors m ON m.id = c.minor_id
          WHERE ${where.join(' AND ')} ORDER BY g.case_updated_at DESC, g.case_id DESC LIMIT $1`
      : `SELECT ${CASE_COLUMNS}, c.requesting_organisation_id FROM cases c JOIN minors m ON m.id = c.minor_id
          WHERE ${where.join(' AND ')} ORDER BY c.updated_at DESC, c.id DESC LIMIT $1`;
    return executor.query<CaseListRow[]>(`SELECT p.*${LIST_EXTRAS(2, 'p')} FROM (${page}) p ORDER BY p.updated_at DESC, p.id DESC`, params);
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

  // The case with everything its detail view shows; the caller projects it for its role.
  async findVisibleDetail(user: AuthUser, caseId: string, executor: Executor = this.db): Promise<CaseDetailRow | undefined> {
    const now = this.clock.now();
    const params: unknown[] = [caseId, now];
    const rows = await executor.query<CaseDetailRow[]>(
      `SELECT ${CASE_COLUMNS}${DETAIL_EXTRAS(2)} FROM cases c JOIN minors m ON m.id = c.minor_id
        WHERE c.id = $1 AND ${visibleCasePredicate(user, now, params)}`,
      params,
    );
    return rows[0];
  }

  // Newest first, keyset on the entry id. scope: null for IOM staff (everything), otherwise the
  // kinds and edited fields an external viewer may see, filtered here so pages stay full.
  async timeline(caseId: string, scope: TimelineScope | null, cursor: string | undefined, limit: number): Promise<TimelineRow[]> {
    const params: unknown[] = [caseId, limit + 1];
    const where = ['h.case_id = $1'];
    if (cursor) {
      const [id] = decodeCursor(cursor, 1);
      if (!/^\d{1,18}$/.test(id!)) throw new AppError('VALIDATION_FAILED', 'Invalid cursor', { fields: [{ path: 'query.cursor', code: 'invalid_cursor', message: 'Invalid cursor' }] });
      params.push(id);
      where.push(`h.id < $${params.length}::bigint`);
    }
    if (scope) {
      params.push(scope.kinds, scope.caseFields, scope.minorFields);
      const [kinds, caseFields, minorFields] = [params.length - 2, params.length - 1, params.length];
      where.push(`h.kind = ANY($${kinds}::text[])`);
      where.push(`(h.kind <> 'CASE_UPDATED' OR coalesce(h.detail->'fields', '[]'::jsonb) ?| $${caseFields}::text[])`);
      where.push(`(h.kind <> 'MINOR_UPDATED' OR coalesce(h.detail->'fields', '[]'::jsonb) ?| $${minorFields}::text[])`);
    }
    return this.db.query<TimelineRow[]>(
      `SELECT h.id::text AS id, h.at, h.kind, h.from_state, h.to_state, h.reason, h.detail,
              u.id AS actor_id, u.display_name AS actor_name, u.role AS actor_role
         FROM case_history h LEFT JOIN users u ON u.id = h.actor_id
        WHERE ${where.join(' AND ')} ORDER BY h.id DESC LIMIT $2`,
      params,
    );
  }

  // The values the list filters can take among the caller's visible cases.
  async filterOptions(user: AuthUser): Promise<{
    states: CaseState[] | null;
    nationalities: string[] | null;
    caseworkers: UserRefJson[] | null;
    authorities: OrganisationRefJson[] | null;
  }> {
    const now = this.clock.now();
    const params: unknown[] = [now];
    const rows = await this.db.query<{ states: CaseState[] | null; nationalities: string[] | null; caseworkers: UserRefJson[] | null; authorities: OrganisationRefJson[] | null }[]>(
      `WITH v AS MATERIALIZED (
         SELECT c.id, c.state, c.requesting_organisation_id, m.nationality FROM cases c JOIN minors m ON m.id = c.minor_id
          WHERE ${visibleCasePredicate(user, now, params)})
       SELECT (SELECT array_agg(DISTINCT state ORDER BY state) FROM v) AS states,
              (SELECT array_agg(DISTINCT btrim(nationality) ORDER BY btrim(nationality)) FROM v) AS nationalities,
              (SELECT json_agg(x ORDER BY x.name, x.id) FROM (
                 SELECT DISTINCT u.id, u.display_name AS name FROM v JOIN case_grants g ON g.case_id = v.id AND g.relation = 'assigned_caseworker'
                    AND (g.expires_at IS NULL OR g.expires_at > $1) JOIN users u ON u.id = g.user_id) x) AS caseworkers,
              (SELECT json_agg(x ORDER BY x.name, x.id) FROM (
                 SELECT DISTINCT o.id, o.name, o.type FROM v JOIN organisations o ON o.id = v.requesting_organisation_id) x) AS authorities`,
      params,
    );
    return rows[0]!;
  }
}
