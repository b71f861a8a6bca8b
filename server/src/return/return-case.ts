import { Injectable } from '@nestjs/common';
import type { CaseState } from '@app/contracts';
import { AppError } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import type { Executor } from '../database/db';
import { CaseChanges, wrongState } from '../workflow/case-changes';

// What the part-2 writes need of the case: found through the caller's visibility (staff, guardian,
// court) or through the receiving mission (field officer), and locked for the transaction.
export interface ReturnCaseRef {
  id: string;
  state: CaseState;
  version: number;
}


export { wrongState };

// A record changed by someone else since the client read it (412 with the current version).
export const stale = (what: string, current: number) =>
  new AppError('PRECONDITION_FAILED', `The ${what} was changed by someone else: reload it and try again`, { currentVersion: current });

export const fieldError = (path: string, code: string, message: string, summary = message) => new AppError('VALIDATION_FAILED', summary, { fields: [{ path, code, message }] });

// The return's writes through the case-change unit (workflow/case-changes.ts): a visible, locked,
// open case, and one recorded change.
@Injectable()
export class ReturnCaseAccess {
  constructor(private readonly changes: CaseChanges) {}

  // The case, visible to the caller (404 otherwise), locked; 409 when closed or, with `states`, in
  // another state.
  async visible(tx: Executor, user: AuthUser, caseId: string, action: string, states?: readonly CaseState[]): Promise<ReturnCaseRef> {
    const row = await this.changes.lockVisible(tx, user, caseId, { action, ...(states ? { states } : {}) });
    return { id: row.id, state: row.state, version: row.version };
  }

  // History row, the case's last update, the audit event and the tasks, in the caller's transaction.
  record(tx: Executor, user: AuthUser, caseId: string, action: string, entityType: string, entityId: string, ip: string, detail: Record<string, unknown> = {}): Promise<void> {
    return this.changes.record(tx, { user, caseId, action, entity: { type: entityType, id: entityId }, ip, detail });
  }
}
