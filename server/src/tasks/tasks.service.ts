import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { isClosedState, MANUAL_RULE_PREFIX, type CaseTaskList, type CreateTaskInput, type Task, type TaskListQuery, type TaskOwnerRole, type TaskPage } from '@app/contracts';
import { AppError, notFound } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import { Clock } from '../common/clock';
import { decodeCursor, encodeCursor } from '../common/cursor';
import { CasesRepository, visibleCasePredicate } from '../cases/cases.repository';
import { Db, type Executor } from '../database/db';
import { TASK_COLUMNS, toTask, type TaskRow } from './tasks.mapper';
import { CaseChanges } from '../workflow/case-changes';

const WEEK = 7 * 86_400_000;

@Injectable()
export class TasksService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly cases: CasesRepository,
    private readonly changes: CaseChanges,
  ) {}

  // The caller's tasks across the cases they can see, by due date (keyset pagination).
  async list(user: AuthUser, query: TaskListQuery): Promise<TaskPage> {
    const now = this.clock.now();
    const params: unknown[] = [query.limit + 1];
    const where = [visibleCasePredicate(user, now, params)];
    if (query.status !== 'all') {
      params.push(query.status.toUpperCase());
      where.push(`t.status = $${params.length}`);
    }
    if (query.owner === 'mine') {
      params.push(user.role);
      where.push(`t.owner_role = $${params.length}`);
    }
    if (query.due === 'overdue') {
      params.push(now);
      where.push(`t.due_at < $${params.length}`);
    } else if (query.due === 'week') {
      params.push(now, new Date(now.getTime() + WEEK));
      where.push(`t.due_at >= $${params.length - 1} AND t.due_at < $${params.length}`);
    }
    if (query.cursor) {
      const [dueAt, id] = decodeCursor(query.cursor, 2);
      params.push(dueAt, id);
      where.push(`(t.due_at, t.id) > ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    const rows = await this.db.query<TaskRow[]>(
      `SELECT ${TASK_COLUMNS} FROM tasks t JOIN cases c ON c.id = t.case_id JOIN minors m ON m.id = c.minor_id
        WHERE ${where.join(' AND ')} ORDER BY t.due_at, t.id LIMIT $1`,
      params,
    );
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      items: page.map((r) => toTask(r, now)),
      nextCursor: rows.length > query.limit && last ? encodeCursor([last.due_at.toISOString(), last.id]) : null,
    };
  }

  async listForCase(user: AuthUser, caseId: string): Promise<CaseTaskList> {
    if (!(await this.cases.findVisibleById(user, caseId))) throw notFound('Case');
    const rows = await this.db.query<TaskRow[]>(
      `SELECT ${TASK_COLUMNS} FROM tasks t JOIN cases c ON c.id = t.case_id JOIN minors m ON m.id = c.minor_id
        WHERE t.case_id = $1 ORDER BY (t.status = 'OPEN') DESC, t.due_at, t.id`,
      [caseId],
    );
    const now = this.clock.now();
    return { items: rows.map((r) => toTask(r, now)) };
  }

  private record(tx: Executor, user: AuthUser, caseId: string, action: string, taskId: string, ip: string, detail: Record<string, unknown>) {
    // A manual task changes no fact the deadline rules read: no recomputation.
    return this.changes.record(tx, { user, caseId, action, entity: { type: 'task', id: taskId }, ip, detail, history: { taskId, ...detail }, recomputeTasks: false });
  }

  private async one(tx: Executor, taskId: string): Promise<Task> {
    const rows = await tx.query<TaskRow[]>(`SELECT ${TASK_COLUMNS} FROM tasks t JOIN cases c ON c.id = t.case_id JOIN minors m ON m.id = c.minor_id WHERE t.id = $1`, [taskId]);
    return toTask(rows[0]!, this.clock.now());
  }

  async create(user: AuthUser, caseId: string, input: CreateTaskInput, ip: string): Promise<Task> {
    return this.db.transaction(async (tx) => {
      const row = await this.cases.findVisibleById(user, caseId, tx, { lock: true });
      if (!row) throw notFound('Case');
      if (isClosedState(row.state)) throw new AppError('CONFLICT', `The case is closed (${row.state}); reopen it first`);
      const ownerRole: TaskOwnerRole = input.ownerRole ?? (user.role === 'supervisor' ? 'supervisor' : 'caseworker');
      const now = this.clock.now();
      const inserted = await tx.query<{ id: string }[]>(
        `INSERT INTO tasks (case_id, rule, title, due_at, source, owner_role, status, created_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, 'MANUAL', $5, 'OPEN', $6, $7, $7) RETURNING id`,
        [caseId, `${MANUAL_RULE_PREFIX}${randomUUID()}`, input.title, input.dueAt, ownerRole, user.id, now],
      );
      const taskId = inserted[0]!.id;
      await this.record(tx, user, caseId, 'TASK_CREATED', taskId, ip, { dueAt: input.dueAt, ownerRole });
      return this.one(tx, taskId);
    });
  }

  // Only manual tasks are completed by hand: a rule task completes itself when the case meets
  // its condition (recomputeTasks), so a click cannot hide a legal deadline.
  async complete(user: AuthUser, taskId: string, ip: string): Promise<Task> {
    return this.db.transaction(async (tx) => {
      const params: unknown[] = [taskId];
      const rows = await tx.query<{ case_id: string; status: string; source: string }[]>(
        `SELECT t.case_id, t.status, t.source FROM tasks t JOIN cases c ON c.id = t.case_id
          WHERE t.id = $1 AND ${visibleCasePredicate(user, this.clock.now(), params)} FOR UPDATE OF c, t`,
        params,
      );
      const task = rows[0];
      if (!task) throw notFound('Task');
      if (task.source !== 'MANUAL') {
        throw new AppError('CONFLICT', 'This deadline closes by itself when the case meets it', { reason: 'RULE_TASK' });
      }
      if (task.status !== 'OPEN') throw new AppError('CONFLICT', `The task is already ${task.status.toLowerCase()}`, { status: task.status });
      await tx.query(`UPDATE tasks SET status = 'DONE', closed_at = $2, closed_by = $3, updated_at = $2 WHERE id = $1`, [taskId, this.clock.now(), user.id]);
      await this.record(tx, user, task.case_id, 'TASK_COMPLETED', taskId, ip, {});
      return this.one(tx, taskId);
    });
  }
}
