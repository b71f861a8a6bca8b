import { Injectable } from '@nestjs/common';
import { findTransition, isClosedState, type CaseState, type TransitionRequest } from '@app/contracts';
import { AuditService } from '../audit/audit.service';
import { AppError, notFound } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import { Clock } from '../common/clock';
import { CasesRepository } from '../cases/cases.repository';
import { Db, type Executor } from '../database/db';
import { recomputeTasks } from '../tasks/task-recompute';
import { CaseFactsRepository } from './case-facts.repository';
import { decideTransition, unmetGuards } from './case-transition.policy';
import { appendCaseHistory } from './case-changes';
import { parseIfMatchVersion, requireIfMatch } from '../common/if-match';

// If-Match carries the case version (required: 428 without it).
export const parseIfMatch = (header: string | undefined): number => requireIfMatch(parseIfMatchVersion(header, 'case version'), 'case version');

export const staleVersion = (current: number) =>
  new AppError('PRECONDITION_FAILED', 'The case was changed by someone else: reload it and try again', { currentVersion: current });

@Injectable()
export class CaseTransitionService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly cases: CasesRepository,
    private readonly facts: CaseFactsRepository,
    private readonly audit: AuditService,
  ) {}

  // Guard, guarded update, history, audit and side effects in one transaction: either all of
  // them happen or none does.
  async transition(user: AuthUser, caseId: string, request: TransitionRequest, ifMatch: string | undefined, ip: string): Promise<void> {
    const expectedVersion = parseIfMatch(ifMatch);
    await this.db.transaction(async (tx) => {
      // The row lock serialises this transition with every case-file write, so the guards below
      // read facts that cannot change before the commit.
      const row = await this.cases.findVisibleById(user, caseId, tx, { lock: true });
      if (!row) throw notFound('Case');
      if (row.version !== expectedVersion) throw staleVersion(row.version);
      await this.fire(tx, user, row, request.to, ip, { reason: request.reason });
      // Scoped to the case: a transition writes the case's own records only (never its grants).
    }, { caseId });
  }

  // Fires a transition on a case already resolved and locked in this transaction (by a user's
  // request, or following a record: a hand-over, a report's step, a sent tracing request): the
  // machine decides against the facts as they stand inside the transaction, a refusal is mapped to
  // its answer (409 illegal, 403 role, 422 unmet preconditions), and the move is applied. A
  // `systemMove` (a QA return by a caseworker fires the supervisor's return_to_drafting) checks the
  // transition's guards, not its role.
  async fire(
    tx: Executor,
    user: AuthUser,
    c: { id: string; state: CaseState; version: number; state_before_hold?: CaseState | null },
    to: CaseState,
    ip: string,
    options: { reason?: string | undefined; systemMove?: string } = {},
  ): Promise<number> {
    const facts = await this.facts.load(tx, c.id, this.clock.now());
    if (options.systemMove) {
      const transition = findTransition(c.state, to);
      if (!transition) throw new AppError('ILLEGAL_TRANSITION', `A case in ${c.state} cannot move to ${to}`, { from: c.state, to });
      const missing = unmetGuards(transition, facts, options.reason);
      if (missing.length) throw new AppError('TRANSITION_NOT_ALLOWED', `Preconditions for ${to} are not met`, { unmet: missing });
      return this.apply(tx, user, c.id, c.state, to, c.version, options.reason ?? null, options.systemMove, ip);
    }
    const decision = decideTransition(user.role, c.state, to, facts, options.reason);
    if (decision.kind === 'illegal') throw new AppError('ILLEGAL_TRANSITION', `A case in ${c.state} cannot move to ${to}`, { from: c.state, to });
    if (decision.kind === 'role') throw new AppError('FORBIDDEN', `Only ${decision.transition.roles.join(' or ')} can move a case to ${to}`, { firedBy: decision.transition.roles });
    if (decision.kind === 'unmet') throw new AppError('TRANSITION_NOT_ALLOWED', `Preconditions for ${to} are not met`, { unmet: decision.unmet });
    if (decision.transition.id === 'resume' && to !== c.state_before_hold) {
      throw new AppError('ILLEGAL_TRANSITION', `A case on hold resumes to the state it left (${c.state_before_hold})`, { from: c.state, to });
    }
    return this.apply(tx, user, c.id, c.state, to, c.version, options.reason ?? null, decision.transition.id, ip);
  }

  // Shared with system-driven moves (a sent tracing request, a consent withdrawal): the caller
  // has already checked the guards.
  async apply(tx: Executor, user: AuthUser, caseId: string, from: CaseState, to: CaseState, version: number, reason: string | null, kind: string, ip: string): Promise<number> {
    const now = this.clock.now();
    const updated = await tx.query<{ version: number }[]>(
      `UPDATE cases SET state = $3, version = version + 1, updated_at = $4,
          state_before_hold = CASE WHEN $3 = 'ON_HOLD' THEN state ELSE NULL END,
          reopen_count = reopen_count + CASE WHEN $5 THEN 1 ELSE 0 END
        WHERE id = $1 AND version = $2 RETURNING version`,
      [caseId, version, to, now, isClosedState(from) && !isClosedState(to)],
    );
    if (!updated[0]) {
      const current = await tx.query<{ version: number }[]>(`SELECT version FROM cases WHERE id = $1`, [caseId]);
      throw staleVersion(current[0]?.version ?? version);
    }
    await appendCaseHistory(tx, { caseId, at: now, actorId: user.id, kind: 'TRANSITION', fromState: from, toState: to, reason, detail: { transition: kind } });
    await this.audit.append({ actor: user, action: 'CASE_TRANSITION', entityType: 'case', entityId: caseId, caseId, detail: { from, to, transition: kind }, ip }, tx);
    if (to === 'WITHDRAWN') await this.cancelTracing(tx, user, caseId, 'Consent withdrawn', ip);
    await recomputeTasks(tx, caseId, now);
    return updated[0].version;
  }

  // Withdrawal stops field activity at once: open tracing requests are cancelled in the same
  // transaction, so the mission's packet list no longer shows them.
  async cancelTracing(tx: Executor, user: AuthUser, caseId: string, reason: string, ip: string): Promise<void> {
    const cancelled = await tx.query<{ id: string }[]>(
      `UPDATE tracing_requests SET status = 'CANCELLED', cancelled_at = $2, cancel_reason = $3, version = version + 1
        WHERE case_id = $1 AND status IN ('SENT','IN_PROGRESS') RETURNING id`,
      [caseId, this.clock.now(), reason],
    );
    for (const request of cancelled) {
      await this.audit.append({ actor: user, action: 'TRACING_REQUEST_CANCELLED', entityType: 'tracing_request', entityId: request.id, caseId, detail: { reason }, ip }, tx);
    }
  }
}
