import { Injectable } from '@nestjs/common';
import type { AuditEventView, AuditPage, AuditQuery, AuditVerification, CaseAccessLog, DisclosureRegisterPage, DisclosureRegisterQuery, ReportKind } from '@app/contracts';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import { Clock } from '../common/clock';
import { decodeCursor, encodeCursor } from '../common/cursor';
import { Db } from '../database/db';

interface AuditRow {
  seq: string;
  at: Date;
  actor_id: string | null;
  actor_name: string | null;
  actor_role: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  case_id: string | null;
  case_number: string | null;
  detail: Record<string, unknown>;
  ip: string | null;
}

interface RegisterRow {
  id: string;
  case_id: string;
  case_number: string;
  report_id: string;
  kind: ReportKind;
  version_no: number;
  recipient_name: string;
  recipient_organisation_id: string | null;
  recipient_user_id: string | null;
  purpose: string;
  legal_basis: string;
  family_consent_id: string | null;
  content_sha256: string;
  released_at: Date;
  released_by: string;
  released_by_name: string;
  approved_by: string;
  approved_by_name: string;
  read_at: Date | null;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  acknowledged_by_name: string | null;
}

// The case an audit row concerns: its case_id, or its entity when the entity is a case (a refused
// read names the case it asked for only as its entity, since it may not exist).
const ROW_CASE = `coalesce(e.case_id, CASE WHEN e.entity_type = 'case' AND e.entity_id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN e.entity_id::uuid END)`;
const AUDIT_SELECT = `SELECT e.seq::text AS seq, e.at, e.actor_id, u.display_name AS actor_name, e.actor_role, e.action, e.entity_type, e.entity_id,
    ${ROW_CASE} AS case_id, c.case_number, e.detail, e.ip
  FROM audit_event e LEFT JOIN users u ON u.id = e.actor_id LEFT JOIN cases c ON c.id = ${ROW_CASE}`;
export const DENIAL_ACTIONS_SQL = `(e.action IN ('AUTHZ_DENIED', 'ACCESS_DENIED') OR e.action LIKE '%\\_ACCESS\\_DENIED')`;

const toEvent = (r: AuditRow): AuditEventView => ({
  seq: Number(r.seq),
  at: r.at.toISOString(),
  actor: r.actor_id ? { id: r.actor_id, displayName: r.actor_name ?? '', role: r.actor_role } : null,
  action: r.action,
  entityType: r.entity_type,
  entityId: r.entity_id,
  caseId: r.case_id,
  caseNumber: r.case_number,
  detail: r.detail,
  ip: r.ip,
});

// The data-protection officer's oversight (domain §2 "data protection focal point", §8 rules 6 and
// 7): the audit trail, per-case access logs, the disclosure register with its receipts and the
// chain verification. Never case content: these views show who did what to which case number.
// Every look is itself audited.
@Injectable()
export class DpoService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  private page(rows: AuditRow[], limit: number) {
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { items: page.map(toEvent), nextCursor: rows.length > limit && last ? encodeCursor([last.seq]) : null };
  }

  private cursorSeq(cursor: string): string {
    const [seq] = decodeCursor(cursor, 1);
    if (!/^\d{1,18}$/.test(seq!)) throw new AppError('VALIDATION_FAILED', 'Invalid cursor', { fields: [{ path: 'query.cursor', code: 'invalid_cursor', message: 'Invalid cursor' }] });
    return seq!;
  }

  async auditTrail(user: AuthUser, query: AuditQuery, ip: string): Promise<AuditPage> {
    const params: unknown[] = [query.limit + 1];
    const where: string[] = [];
    const add = (value: unknown, sql: (n: number) => string) => {
      params.push(value);
      where.push(sql(params.length));
    };
    if (query.action) add(query.action, (n) => `e.action = $${n}`);
    if (query.actorId) add(query.actorId, (n) => `e.actor_id = $${n}::uuid`);
    if (query.caseId) add(query.caseId, (n) => `(e.case_id = $${n}::uuid OR (e.entity_type = 'case' AND e.entity_id = $${n}::text))`);
    if (query.from) add(query.from, (n) => `e.at >= $${n}::timestamptz`);
    if (query.to) add(query.to, (n) => `e.at < $${n}::timestamptz`);
    if (query.denied) where.push(DENIAL_ACTIONS_SQL);
    if (query.cursor) add(this.cursorSeq(query.cursor), (n) => `e.seq < $${n}::bigint`);
    const rows = await this.db.query<AuditRow[]>(`${AUDIT_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY e.seq DESC LIMIT $1`, params);
    await this.audit.append({ actor: user, action: 'AUDIT_TRAIL_VIEWED', entityType: 'audit', detail: { filters: { ...query, cursor: undefined, limit: undefined } }, ip });
    return this.page(rows, query.limit);
  }

  async caseAccessLog(user: AuthUser, caseId: string, query: { cursor?: string | undefined; limit: number }, ip: string): Promise<CaseAccessLog> {
    const params: unknown[] = [caseId, query.limit + 1];
    let cursor = '';
    if (query.cursor) {
      params.push(this.cursorSeq(query.cursor));
      cursor = ` AND e.seq < $3::bigint`;
    }
    const rows = await this.db.query<AuditRow[]>(
      `${AUDIT_SELECT} WHERE (e.case_id = $1::uuid OR (e.entity_type = 'case' AND e.entity_id = $1::text))${cursor} ORDER BY e.seq DESC LIMIT $2`,
      params,
    );
    const number = (await this.db.query<{ case_number: string }[]>(`SELECT case_number FROM cases WHERE id = $1`, [caseId]))[0]?.case_number ?? null;
    await this.audit.append({ actor: user, action: 'CASE_ACCESS_LOG_VIEWED', entityType: 'case', entityId: caseId, caseId: number ? caseId : null, ip });
    return { caseId, caseNumber: number, ...this.page(rows, query.limit) };
  }

  async disclosureRegister(user: AuthUser, query: DisclosureRegisterQuery, ip: string): Promise<DisclosureRegisterPage> {
    const params: unknown[] = [query.limit + 1];
    const where: string[] = [];
    const add = (value: unknown, sql: (n: number) => string) => {
      params.push(value);
      where.push(sql(params.length));
    };
    if (query.caseId) add(query.caseId, (n) => `d.case_id = $${n}::uuid`);
    if (query.recipientOrganisationId) add(query.recipientOrganisationId, (n) => `d.recipient_organisation_id = $${n}::uuid`);
    if (query.from) add(query.from, (n) => `d.released_at >= $${n}::timestamptz`);
    if (query.to) add(query.to, (n) => `d.released_at < $${n}::timestamptz`);
    if (query.cursor) {
      const [releasedAt, id] = decodeCursor(query.cursor, 2);
      params.push(releasedAt, id);
      where.push(`(d.released_at, d.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    const rows = await this.db.query<RegisterRow[]>(
      `SELECT d.id, d.case_id, c.case_number, v.report_id, r.kind, v.version_no, d.recipient_name, d.recipient_organisation_id, d.recipient_user_id,
              d.purpose, d.legal_basis, d.family_consent_id, d.content_sha256, d.released_at, d.released_by, urel.display_name AS released_by_name,
              d.approved_by, uapp.display_name AS approved_by_name,
              (SELECT min(e.at) FROM audit_event e WHERE e.action = 'REPORT_DOWNLOADED' AND e.detail->>'disclosureId' = d.id::text) AS read_at,
              d.acknowledged_at, d.acknowledged_by, uack.display_name AS acknowledged_by_name
         FROM report_disclosures d
         JOIN report_versions v ON v.id = d.report_version_id JOIN reports r ON r.id = v.report_id JOIN cases c ON c.id = d.case_id
         JOIN users urel ON urel.id = d.released_by JOIN users uapp ON uapp.id = d.approved_by LEFT JOIN users uack ON uack.id = d.acknowledged_by
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY d.released_at DESC, d.id DESC LIMIT $1`,
      params,
    );
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    await this.audit.append({ actor: user, action: 'DISCLOSURE_REGISTER_VIEWED', entityType: 'disclosure_register', detail: { caseId: query.caseId ?? null, items: page.length }, ip });
    return {
      items: page.map((r) => ({
        id: r.id,
        caseId: r.case_id,
        caseNumber: r.case_number,
        report: { id: r.report_id, kind: r.kind, versionNo: r.version_no },
        recipientName: r.recipient_name,
        recipientOrganisationId: r.recipient_organisation_id,
        recipientUserId: r.recipient_user_id,
        purpose: r.purpose,
        legalBasis: r.legal_basis,
        familyConsentId: r.family_consent_id,
        contentSha256: r.content_sha256,
        releasedAt: r.released_at.toISOString(),
        releasedBy: { id: r.released_by, displayName: r.released_by_name },
        approvedBy: { id: r.approved_by, displayName: r.approved_by_name },
        readAt: r.read_at?.toISOString() ?? null,
        acknowledgedAt: r.acknowledged_at?.toISOString() ?? null,
        acknowledgedBy: r.acknowledged_by ? { id: r.acknowledged_by, displayName: r.acknowledged_by_name ?? '' } : null,
      })),
      nextCursor: rows.length > query.limit && last ? encodeCursor([last.released_at.toISOString(), last.id]) : null,
    };
  }

  // The same check as `npm run audit:verify`, with the head hash to anchor elsewhere. The check is
  // audited after it ran, so the head reported is the one verified.
  async verify(user: AuthUser, ip: string): Promise<AuditVerification> {
    const result = await this.audit.verify();
    // The hash of the row the verified head points at (rows appended since do not change it).
    const head = (
      await this.db.query<{ hash: string }[]>(
        `SELECT encode(coalesce((SELECT row_hash FROM audit_event WHERE seq = $1), sha256('msna-audit-genesis'::bytea)), 'hex') AS hash`,
        [result.headSeq],
      )
    )[0]!;
    const verifiedAt = this.clock.now().toISOString();
    await this.audit.append({ actor: user, action: 'AUDIT_CHAIN_VERIFIED', entityType: 'audit', detail: { ok: result.ok, checked: result.checked, firstBrokenSeq: result.firstBrokenSeq, headSeq: result.headSeq }, ip });
    return { ...result, headHash: head.hash, verifiedAt };
  }
}
