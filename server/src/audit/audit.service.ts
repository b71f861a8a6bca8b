import { Injectable } from '@nestjs/common';
import type { AuditVerifyResult } from '@app/contracts';
import type { AuthUser } from '../common/auth-user';
import { Db, type Executor } from '../database/db';

export interface AuditEntry {
  actor?: Pick<AuthUser, 'id' | 'role'> | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  caseId?: string | null;
  detail?: Record<string, unknown>;
  ip?: string | null;
}

@Injectable()
export class AuditService {
  constructor(private readonly db: Db) {}

  // Pass the transaction's executor so the audit row commits or rolls back with the change it
  // records.
  append(entry: AuditEntry, executor: Executor = this.db): Promise<void> {
    return appendAudit(executor, entry);
  }

  verify(): Promise<AuditVerifyResult> {
    return verifyAuditChain(this.db);
  }
}

// The trigger assigns seq, time and the chained hashes. The time is the database's real clock
// (clock_timestamp()), never the app's: no setting of a connection (app.clock_offset_ms, TEST_NOW)
// can date an entry of the tamper-evident trail.
export async function appendAudit(executor: Executor, entry: AuditEntry): Promise<void> {
  await executor.query(
    `INSERT INTO audit_event (seq, at, actor_id, actor_role, action, entity_type, entity_id, case_id, detail, ip, prev_hash, row_hash)
     VALUES (0, app_now(), $1, $2, $3, $4, $5, $6, $7, $8, '\\x', '\\x')`,
    [
      entry.actor?.id ?? null,
      entry.actor?.role ?? null,
      entry.action,
      entry.entityType,
      entry.entityId ?? null,
      entry.caseId ?? null,
      JSON.stringify(entry.detail ?? {}),
      entry.ip ?? null,
    ],
  );
}

// Walks the whole chain in order: each row's hash must match its recomputed canonical hash, link
// to the previous row's hash, and follow it without a gap; the head must point at the last row.
export async function verifyAuditChain(executor: Executor): Promise<AuditVerifyResult> {
  const rows = await executor.query<{ checked: string; first_broken: string | null; head_seq: string; head_ok: boolean; max_seq: string | null }[]>(`
    WITH chain AS (
      SELECT e.seq, e.row_hash, e.prev_hash, audit_row_hash(e.prev_hash, e) AS recomputed,
             lag(e.row_hash) OVER (ORDER BY e.seq) AS expected_prev,
             lag(e.seq) OVER (ORDER BY e.seq) AS prev_seq
      FROM audit_event e
    )
    SELECT (SELECT count(*) FROM chain) AS checked,
           (SELECT min(seq) FROM chain
             WHERE recomputed <> row_hash
                OR prev_hash <> coalesce(expected_prev, sha256('msna-audit-genesis'::bytea))
                OR seq <> coalesce(prev_seq, 0) + 1) AS first_broken,
           h.seq AS head_seq,
           (h.seq = coalesce((SELECT max(seq) FROM audit_event), 0)
             AND h.hash = coalesce((SELECT row_hash FROM audit_event ORDER BY seq DESC LIMIT 1), sha256('msna-audit-genesis'::bytea))) AS head_ok,
           (SELECT max(seq) FROM audit_event) AS max_seq
    FROM audit_head h WHERE h.id = 1`);
  const row = rows[0]!;
  let firstBroken = row.first_broken === null ? null : Number(row.first_broken);
  // A truncated tail (rows removed after the last good one) shows only as a head mismatch.
  if (firstBroken === null && !row.head_ok) firstBroken = Number(row.max_seq ?? 0) + 1;
  return { ok: firstBroken === null, checked: Number(row.checked), firstBrokenSeq: firstBroken, headSeq: Number(row.head_seq) };
}
