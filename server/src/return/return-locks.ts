import { AppError, notFound } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import type { Executor } from '../database/db';
import { VISIT_SELECT, loadPlan, type VisitRow } from './return.store';

// The case's reintegration plan, locked for the transaction; 409 naming the missing plan otherwise.
export async function lockPlan(tx: Executor, caseId: string) {
  const bundle = await loadPlan(tx, caseId, { lock: true });
  if (!bundle) {
    throw new AppError('CONFLICT', 'Write the reintegration plan first', { unmet: [{ code: 'REINTEGRATION_PLAN_DRAFTED', message: 'The reintegration plan is not written' }] });
  }
  return bundle;
}

// A change to the plan's items or objectives is a new version of the plan.
export async function touchPlan(tx: Executor, planId: string, user: Pick<AuthUser, 'id'>, now: Date): Promise<void> {
  await tx.query(`UPDATE reintegration_plans SET version = version + 1, updated_by = $2, updated_at = $3 WHERE id = $1`, [planId, user.id, now]);
}

// A monitoring visit of the case, locked for the transaction (404 for another case's).
export async function lockVisit(tx: Executor, caseId: string, visitId: string): Promise<VisitRow> {
  const row = (await tx.query<VisitRow[]>(`${VISIT_SELECT} WHERE id = $1 AND case_id = $2 FOR UPDATE`, [visitId, caseId]))[0];
  if (!row) throw notFound('Monitoring visit');
  return row;
}
