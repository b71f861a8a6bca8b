import { TASK_RULES, type DashboardTask, type Task } from '@app/contracts';

const TITLE_KEYS = new Map(TASK_RULES.map((r) => [r.id, r.titleKey]));
export const titleKeyOf = (rule: string): string | null => TITLE_KEYS.get(rule) ?? null;

export interface TaskRow {
  id: string;
  case_id: string;
  case_number: string;
  first_name: string;
  last_name: string;
  rule: string;
  title: string;
  due_at: Date;
  source: Task['source'];
  legal_ref: string | null;
  owner_role: Task['ownerRole'];
  status: Task['status'];
  detail: Record<string, unknown>;
  created_at: Date;
  closed_at: Date | null;
}

export const TASK_COLUMNS = `t.id, t.case_id, c.case_number, m.first_name, m.last_name, t.rule, t.title, t.due_at, t.source, t.legal_ref,
  t.owner_role, t.status, t.detail, t.created_at, t.closed_at`;

export const toTask = (r: TaskRow, now: Date): Task => ({
  id: r.id,
  caseId: r.case_id,
  caseNumber: r.case_number,
  minor: { firstName: r.first_name, lastName: r.last_name },
  rule: r.rule,
  titleKey: titleKeyOf(r.rule),
  title: r.title,
  dueAt: r.due_at.toISOString(),
  source: r.source,
  legalRef: r.legal_ref,
  ownerRole: r.owner_role,
  status: r.status,
  overdue: r.status === 'OPEN' && r.due_at.getTime() < now.getTime(),
  detail: r.detail ?? {},
  createdAt: r.created_at.toISOString(),
  closedAt: r.closed_at?.toISOString() ?? null,
});

export const toDashboardTask = (r: Pick<TaskRow, 'id' | 'case_id' | 'case_number' | 'first_name' | 'last_name' | 'rule' | 'title' | 'due_at' | 'source'>): DashboardTask => ({
  id: r.id,
  caseId: r.case_id,
  caseNumber: r.case_number,
  minor: { firstName: r.first_name, lastName: r.last_name },
  rule: r.rule,
  titleKey: titleKeyOf(r.rule),
  title: r.title,
  dueAt: r.due_at.toISOString(),
  source: r.source,
});
