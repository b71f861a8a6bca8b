import { Injectable } from '@nestjs/common';
import { isClosedState, type CaseState } from '@app/contracts';
import { AuditService } from '../audit/audit.service';
import { AppError, notFound } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import { Clock } from '../common/clock';
import { CasesRepository, type CaseRow } from '../cases/cases.repository';
import type { Executor } from '../database/db';
import { recomputeTasks } from '../tasks/task-recompute';

// One row of a case's timeline. The only statement in server/src that writes case_history (the
// seed's stories and the tests' fixtures go through here too).
export interface CaseHistoryEntry {
  caseId: string;
  at: Date;
  actorId: string | null;
  kind: string;
  fromState?: CaseState | null;
  toState?: CaseState | null;
  reason?: string | null;
  detail?: Record<string, unknown>;
}

export async function appendCaseHistory(executor: Executor, entry: CaseHistoryEntry): Promise<void> {
  await executor.query(
    `INSERT INTO case_history (case_id, at, actor_id, kind, from_state, to_state, reason, detail) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [entry.caseId, entry.at, entry.actorId, entry.kind, entry.fromState ?? null, entry.toState ?? null, entry.reason ?? null, JSON.stringify(entry.detail ?? {})],
  );
}

// "The case is in the wrong state for this": 409 naming the states that would do.
export const wrongState = (action: string, states: readonly CaseState[], state: CaseState) =>
  new AppError('CONFLICT', `${action} needs the case in ${states.join(', ')}; it is in ${state}`, { state, allowedStates: [...states] });

export interface LockOptions {
  // What the caller is doing, for the 409 when the case is in the wrong state.
  action?: string;
  // Refuse a closed case (409). Default true.
  open?: boolean;
  // Refuse any state outside these (409).
  states?: readonly CaseState[];
}

// One change of record to a case: what it was (history kind and audit action), on which record,
// by whom, with which details.
export interface CaseChange {
  user: AuthUser;
  caseId: string;
  // The timeline's kind and the audit action (they are the same everywhere).
  action: string;
  entity: { type: string; id: string };
  ip: string;
  // In the audit event; in the timeline too, unless `history` is given.
  detail?: Record<string, unknown>;
  // The timeline's detail when it differs from the audit's (e.g. the old and new values of an
  // edit, which the audit trail does not copy). Default: { entityId, ...detail }.
  history?: Record<string, unknown>;
  toState?: CaseState;
  // Move the case's last update (default true; an edit that bumps the version does it itself).
  touch?: boolean;
  // Bring the case's deadlines in line at once (default true): a consent, an approval or a
  // document can close a task now, not at the next sweep.
  recomputeTasks?: boolean;
  at?: Date;
}

// The case-change unit (issue 17): every feature that changes a case locks it and records the
// change here, so the timeline, the case's last update, the audit trail and the deadlines can
// never disagree about a change, and each is written once.
@Injectable()
export class CaseChanges {
  constructor(
    private readonly clock: Clock,
    private readonly cases: CasesRepository,
    private readonly audit: AuditService,
  ) {}

  // The case, if the caller may see it (404 otherwise, whether it exists or not), locked until
  // the transaction ends; 409 when closed (unless `open: false`) or in a state not in `states`.
  async lockVisible(tx: Executor, user: AuthUser, caseId: string, options: LockOptions = {}): Promise<CaseRow> {
    const row = await this.cases.findVisibleById(user, caseId, tx, { lock: true });
    if (!row) throw notFound('Case');
    if ((options.open ?? true) && isClosedState(row.state)) throw new AppError('CONFLICT', `The case is closed (${row.state}); reopen it first`);
    if (options.states && !options.states.includes(row.state)) throw wrongState(options.action ?? 'This', options.states, row.state);
    return row;
  }

  // History, last update, audit and deadlines, in the caller's transaction.
  async record(tx: Executor, change: CaseChange): Promise<void> {
    const at = change.at ?? this.clock.now();
    const detail = change.detail ?? {};
    await appendCaseHistory(tx, {
      caseId: change.caseId,
      at,
      actorId: change.user.id,
      kind: change.action,
      toState: change.toState ?? null,
      detail: change.history ?? { entityId: change.entity.id, ...detail },
    });
    if (change.touch ?? true) await tx.query(`UPDATE cases SET updated_at = $2 WHERE id = $1`, [change.caseId, at]);
    await this.audit.append({ actor: change.user, action: change.action, entityType: change.entity.type, entityId: change.entity.id, caseId: change.caseId, detail, ip: change.ip }, tx);
    if (change.recomputeTasks ?? true) await recomputeTasks(tx, change.caseId, at);
  }
}
