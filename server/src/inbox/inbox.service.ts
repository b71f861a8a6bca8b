import { Injectable } from '@nestjs/common';
import type { DisclosureReceiptList, InboxItem, InboxPage, InboxQuery } from '@app/contracts';
import { AuditService } from '../audit/audit.service';
import { notFound } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import { Clock } from '../common/clock';
import { decodeCursor, encodeCursor } from '../common/cursor';
import { CasesRepository } from '../cases/cases.repository';
import { Db, type Executor } from '../database/db';
import { DISCLOSURE_VIEW_SELECT, addressedTo, toInboxItem, toReceipt, type DisclosureViewRow } from './inbox.store';
import { CaseChanges } from '../workflow/case-changes';

// The recipients' inbox (issue 5): the disclosure register seen from the recipient's side. The
// inbox is the register, not the case file: a recipient keeps what was released to them even if
// their grant on the case ends (the disclosure happened), and the ministry, which has no case
// files, reads its reports here.
@Injectable()
export class InboxService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly cases: CasesRepository,
    private readonly audit: AuditService,
    private readonly changes: CaseChanges,
  ) {}

  async list(user: AuthUser, query: InboxQuery, ip: string): Promise<InboxPage> {
    const params: unknown[] = [user.id, user.organisationId, query.limit + 1];
    const where = [addressedTo(1, 2)];
    if (query.status === 'unacknowledged') where.push('d.acknowledged_at IS NULL');
    if (query.status === 'unread') where.push('rd.at IS NULL');
    if (query.caseId) {
      params.push(query.caseId);
      where.push(`d.case_id = $${params.length}::uuid`);
    }
    if (query.cursor) {
      const [releasedAt, id] = decodeCursor(query.cursor, 2);
      params.push(releasedAt, id);
      where.push(`(d.released_at, d.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    const rows = await this.db.query<DisclosureViewRow[]>(`${DISCLOSURE_VIEW_SELECT} WHERE ${where.join(' AND ')} ORDER BY d.released_at DESC, d.id DESC LIMIT $3`, params);
    const counts = (
      await this.db.query<{ total: string; unread: string; unacknowledged: string }[]>(
        `SELECT count(*) AS total,
                count(*) FILTER (WHERE d.acknowledged_at IS NULL) AS unacknowledged,
                count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM audit_event e WHERE e.action = 'REPORT_DOWNLOADED' AND e.detail->>'disclosureId' = d.id::text)) AS unread
           FROM report_disclosures d WHERE ${addressedTo(1, 2)}`,
        [user.id, user.organisationId],
      )
    )[0]!;
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    await this.audit.append({ actor: user, action: 'INBOX_VIEWED', entityType: 'inbox', detail: { items: page.length, status: query.status }, ip });
    return {
      items: page.map(toInboxItem),
      nextCursor: rows.length > query.limit && last ? encodeCursor([last.released_at.toISOString(), last.id]) : null,
      counts: { total: Number(counts.total), unread: Number(counts.unread), unacknowledged: Number(counts.unacknowledged) },
    };
  }

  private async addressed(executor: Executor, user: AuthUser, disclosureId: string, lock = false): Promise<DisclosureViewRow | undefined> {
    const rows = await executor.query<DisclosureViewRow[]>(`${DISCLOSURE_VIEW_SELECT} WHERE d.id = $1 AND ${addressedTo(2, 3)}${lock ? ' FOR UPDATE OF d' : ''}`, [
      disclosureId,
      user.id,
      user.organisationId,
    ]);
    return rows[0];
  }

  // The recipient confirms receipt. The first acknowledgement stays (who and when; the register
  // lets only that one column pair change once); a repeat changes nothing and answers the same.
  async acknowledge(user: AuthUser, disclosureId: string, ip: string): Promise<InboxItem> {
    return this.db.transaction(async (tx) => {
      const row = await this.addressed(tx, user, disclosureId, true);
      if (!row) throw notFound('Inbox item');
      if (row.acknowledged_at) return toInboxItem(row);
      const now = this.clock.now();
      await tx.query(`UPDATE report_disclosures SET acknowledged_at = $2, acknowledged_by = $3 WHERE id = $1`, [disclosureId, now, user.id]);
      const detail = { disclosureId, reportId: row.report_id, versionNo: row.version_no, recipientName: row.recipient_name };
      // An acknowledgement changes no record of the case itself: no last update, no deadline.
      await this.changes.record(tx, {
        user, caseId: row.case_id, action: 'REPORT_ACKNOWLEDGED', entity: { type: 'disclosure', id: disclosureId }, ip, at: now, detail, history: detail,
        touch: false, recomputeTasks: false,
      });
      return toInboxItem((await this.addressed(tx, user, disclosureId))!);
    });
  }

  // The sender's side: every disclosure of a case with its read and acknowledgement receipts.
  async receipts(user: AuthUser, caseId: string, ip: string): Promise<DisclosureReceiptList> {
    if (!(await this.cases.findVisibleById(user, caseId))) throw notFound('Case');
    const rows = await this.db.query<DisclosureViewRow[]>(`${DISCLOSURE_VIEW_SELECT} WHERE d.case_id = $1 ORDER BY d.released_at DESC, d.id`, [caseId]);
    await this.audit.append({ actor: user, action: 'DISCLOSURES_VIEWED', entityType: 'case', entityId: caseId, caseId, ip });
    return { items: rows.map(toReceipt) };
  }
}
