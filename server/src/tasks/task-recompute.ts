import { CLOSED_STATES, MANUAL_RULE_PREFIX, romeDay, type CaseState, type TaskStatus } from '@app/contracts';
import type { Executor } from '../database/db';
import { planTasks, type ExistingTask, type TaskCaseFacts } from './task-plan';

// Anything that runs SQL and answers SELECT/INSERT with rows: the Db, a transaction's executor or
// a TypeORM EntityManager (the demo seed). No UPDATE result is read here.
export type TaskExecutor = Pick<Executor, 'query'>;

interface FactsRow {
  state: CaseState;
  created_at: Date;
  eighteenth: string | null;
  dob_is_default_jan1: boolean;
  prosieguo_until: string | null;
  minor_consent_tracing: boolean;
  pre_decision: 'PROCEED' | 'PROCEED_WITH_MITIGATION' | 'DO_NOT_PROCEED' | null;
  pre_approved: boolean | null;
  pre_created_at: Date | null;
  tracing_due_at: Date | null;
  tracing_outcome_recorded: boolean | null;
  next_hearing_at: Date | null;
  next_monitoring_visit_on: string | null;
  open_escalation: boolean;
  history: { from_state: CaseState | null; to_state: CaseState; at: string }[];
  tasks: { rule: string; status: TaskStatus; due_at: string; title: string; source: string; legal_ref: string | null; owner_role: string; detail: Record<string, unknown> }[];
}

const FACTS_SQL = `
  SELECT c.state, c.created_at,
    to_char((m.date_of_birth + interval '18 years')::date, 'YYYY-MM-DD') AS eighteenth,
    m.dob_is_default_jan1,
    to_char(m.prosieguo_until, 'YYYY-MM-DD') AS prosieguo_until,
    EXISTS (SELECT 1 FROM consents WHERE case_id = c.id AND subject = 'MINOR' AND scope = 'TRACING' AND withdrawn_at IS NULL) AS minor_consent_tracing,
    pre.decision AS pre_decision, pre.approved_by IS NOT NULL AS pre_approved, pre.created_at AS pre_created_at,
    (SELECT min(due_at) FROM tracing_requests WHERE case_id = c.id AND status IN ('SENT','IN_PROGRESS')) AS tracing_due_at,
    (SELECT outcome IS NOT NULL FROM tracing_requests WHERE case_id = c.id AND status <> 'CANCELLED' ORDER BY sent_at DESC, id DESC LIMIT 1) AS tracing_outcome_recorded,
    (SELECT min(scheduled_at) FROM court_hearings WHERE case_id = c.id AND held_at IS NULL) AS next_hearing_at,
    (SELECT to_char(min(planned_on), 'YYYY-MM-DD') FROM monitoring_visits WHERE case_id = c.id AND status = 'PLANNED') AS next_monitoring_visit_on,
    EXISTS (SELECT 1 FROM monitoring_visits WHERE case_id = c.id AND escalated_at IS NOT NULL AND resolved_at IS NULL) AS open_escalation,
    COALESCE((SELECT json_agg(json_build_object('from_state', h.from_state, 'to_state', h.to_state, 'at', h.at) ORDER BY h.id DESC)
      FROM (SELECT id, from_state, to_state, at FROM case_history WHERE case_id = c.id AND to_state IS NOT NULL ORDER BY id DESC LIMIT 200) h), '[]') AS history,
    COALESCE((SELECT json_agg(json_build_object('rule', t.rule, 'status', t.status, 'due_at', t.due_at, 'title', t.title, 'source', t.source,
        'legal_ref', t.legal_ref, 'owner_role', t.owner_role, 'detail', t.detail))
      FROM tasks t WHERE t.case_id = c.id AND t.source <> 'MANUAL'), '[]') AS tasks
  FROM cases c JOIN minors m ON m.id = c.minor_id
  LEFT JOIN LATERAL (SELECT decision, approved_by, created_at FROM risk_checks WHERE case_id = c.id AND stage = 'PRE_TRACING' ORDER BY created_at DESC, id DESC LIMIT 1) pre ON true
  WHERE c.id = $1`;

function toFacts(row: FactsRow): TaskCaseFacts {
  return {
    state: row.state,
    createdAt: new Date(row.created_at),
    eighteenthBirthday: row.eighteenth,
    dobIsDefaultJan1: row.dob_is_default_jan1,
    prosieguoUntil: row.prosieguo_until,
    minorConsentTracing: row.minor_consent_tracing,
    preTracingRisk: row.pre_decision ? { decision: row.pre_decision, approved: row.pre_approved === true, createdAt: new Date(row.pre_created_at!) } : null,
    tracingRequestDueAt: row.tracing_due_at ? new Date(row.tracing_due_at) : null,
    tracingOutcomeRecorded: row.tracing_outcome_recorded === true,
    nextHearingAt: row.next_hearing_at ? new Date(row.next_hearing_at) : null,
    nextMonitoringVisitOn: row.next_monitoring_visit_on,
    openEscalation: row.open_escalation,
    history: row.history.map((h) => ({ from: h.from_state, to: h.to_state, at: new Date(h.at) })),
  };
}

export interface RecomputeResult {
  opened: number;
  closed: number;
}

// Brings a case's tasks in line with the rule table (contracts/src/tasks.ts) at `now`: opens or
// updates the tasks that apply, marks DONE those whose condition is met and CANCELLED those that
// no longer apply; a closed case cancels every open task, manual ones included. Idempotent.
// Run it inside the transaction that changed the case (CaseTransitionService.apply does), with
// the case row locked, so the tasks commit with the change.
export async function recomputeTasks(executor: TaskExecutor, caseId: string, now: Date): Promise<RecomputeResult> {
  const rows = await executor.query<FactsRow[]>(FACTS_SQL, [caseId]);
  const row = rows[0];
  if (!row) return { opened: 0, closed: 0 };
  const facts = toFacts(row);
  const existing = new Map<string, ExistingTask>(
    row.tasks.map((t) => [
      t.rule,
      { status: t.status, dueAt: new Date(t.due_at), title: t.title, source: t.source, legalRef: t.legal_ref, ownerRole: t.owner_role, detail: t.detail ?? {} },
    ]),
  );
  const changes = planTasks(facts, existing, now);
  const opens = changes.flatMap((c) => (c.kind === 'open' ? [c] : []));
  const closes = changes.flatMap((c) => (c.kind === 'close' ? [c] : []));
  if (opens.length) {
    await executor.query(
      `INSERT INTO tasks (case_id, rule, title, due_at, source, legal_ref, owner_role, detail, status, created_at, updated_at)
       SELECT $1, x.rule, x.title, x.due_at, x.source, x.legal_ref, x.owner_role, x.detail, 'OPEN', $9, $9
         FROM unnest($2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::text[], $7::text[], $8::jsonb[]) AS x(rule, title, due_at, source, legal_ref, owner_role, detail)
       ON CONFLICT (case_id, rule) DO UPDATE SET status = 'OPEN', title = EXCLUDED.title, due_at = EXCLUDED.due_at, source = EXCLUDED.source,
         legal_ref = EXCLUDED.legal_ref, owner_role = EXCLUDED.owner_role, detail = EXCLUDED.detail, updated_at = EXCLUDED.updated_at,
         closed_at = NULL, closed_by = NULL`,
      [
        caseId,
        opens.map((c) => c.rule.id),
        opens.map((c) => c.rule.title),
        opens.map((c) => c.dueAt.toISOString()),
        opens.map((c) => c.rule.source),
        opens.map((c) => c.rule.legalRef),
        opens.map((c) => c.rule.ownerRole),
        opens.map((c) => JSON.stringify(c.detail)),
        now,
      ],
    );
  }
  if (closes.length) {
    await executor.query(
      `UPDATE tasks t SET status = x.status, closed_at = $4, updated_at = $4
         FROM unnest($2::text[], $3::text[]) AS x(rule, status)
        WHERE t.case_id = $1 AND t.rule = x.rule AND t.status = 'OPEN'`,
      [caseId, closes.map((c) => c.ruleId), closes.map((c) => c.status), now],
    );
  }
  let manualClosed = 0;
  if (CLOSED_STATES.includes(facts.state)) {
    const manual = await executor.query<{ id: string }[]>(
      `SELECT id FROM tasks WHERE case_id = $1 AND status = 'OPEN' AND rule LIKE $2`,
      [caseId, `${MANUAL_RULE_PREFIX}%`],
    );
    if (manual.length) {
      await executor.query(`UPDATE tasks SET status = 'CANCELLED', closed_at = $2, updated_at = $2 WHERE case_id = $1 AND status = 'OPEN'`, [caseId, now]);
      manualClosed = manual.length;
    }
  }
  return { opened: opens.length, closed: closes.length + manualClosed };
}

// Cases whose tasks may have changed without a transition: open cases touched since `since`
// (case-file writes update cases.updated_at), open cases whose minor is within 181 days of 18 or
// past it (the age rules move with the calendar), and closed cases with a task still open.
export async function casesToSweep(executor: TaskExecutor, since: Date | null, now: Date): Promise<string[]> {
  const rows = await executor.query<{ id: string }[]>(
    `SELECT c.id FROM cases c JOIN minors m ON m.id = c.minor_id
      WHERE (c.state <> ALL($1::text[]) AND ($2::timestamptz IS NULL OR c.updated_at >= $2
              OR m.date_of_birth <= ($3::date + 182 - interval '18 years')))
         OR (c.state = ANY($1::text[]) AND EXISTS (SELECT 1 FROM tasks t WHERE t.case_id = c.id AND t.status = 'OPEN'))
      ORDER BY c.id`,
    [CLOSED_STATES, since, romeDay(now)],
  );
  return rows.map((r) => r.id);
}

// Every case (for the demo seed and the first sweep). Returns the number of cases looked at.
export async function recomputeAllTasks(executor: TaskExecutor, now: Date): Promise<number> {
  const ids = await casesToSweep(executor, null, now);
  for (const id of ids) await recomputeTasks(executor, id, now);
  return ids.length;
}
