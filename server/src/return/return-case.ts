import { Injectable } from '@nestjs/common';
import { isClosedState, type CaseState } from '@app/contracts';
import { AuditService } from '../audit/audit.service';
import { AppError, notFound } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import { Clock } from '../common/clock';
import { CasesRepository } from '../cases/cases.repository';
import type { Executor } from '../database/db';
import { recomputeTasks } from '../tasks/task-recompute';

// What the part-2 writes need of the case: found through the caller's visibility (staff, guardian,
// court) or through the receiving mission (field officer), and locked for the transaction.
export interface ReturnCaseRef {
  id: string;
  state: CaseState;
  version: number;
}


export const wrongState = (action: string, states: readonly CaseState[], state: CaseState) =>
  new AppError('CONFLICT', `${action} needs the case in ${states.join(', ')}; it is in ${state}`, { state, allowedStates: [...states] });

export const fieldError = (path: string, code: string, message: string, summary = message) => new AppError('VALIDATION_FAILED', summary, { fields: [{ path, code, message }] });

@Injectable()
export class ReturnCaseAccess {
  constructor(
    private readonly clock: Clock,
    private readonly cases: CasesRepository,
    private readonly audit: AuditService,
  ) {}

  // The case, visible to the caller (404 otherwise), locked; 409 when closed or, with `states`, in
  // another state.
  async visible(tx: Executor, user: AuthUser, caseId: string, action: string, states?: readonly CaseState[]): Promise<ReturnCaseRef> {
    const row = await this.cases.findVisibleById(user, caseId, tx, { lock: true });
    if (!row) throw notFound('Case');
    if (isClosedState(row.state)) throw new AppError('CONFLICT', `The case is closed (${row.state}); reopen it first`);
    if (states && !states.includes(row.state)) throw wrongState(action, states, row.state);
    return { id: row.id, state: row.state, version: row.version };
  }

  // History row, the case's last update, the audit event and the tasks, in the caller's transaction.
  async record(tx: Executor, user: AuthUser, caseId: string, action: string, entityType: string, entityId: string, ip: string, detail: Record<string, unknown> = {}) {
    const now = this.clock.now();
    await tx.query(`INSERT INTO case_history (case_id, at, actor_id, kind, detail) VALUES ($1, $2, $3, $4, $5)`, [caseId, now, user.id, action, JSON.stringify({ entityId, ...detail })]);
    await tx.query(`UPDATE cases SET updated_at = $2 WHERE id = $1`, [caseId, now]);
    await this.audit.append({ actor: user, action, entityType, entityId, caseId, detail, ip }, tx);
    await recomputeTasks(tx, caseId, now);
  }
}
