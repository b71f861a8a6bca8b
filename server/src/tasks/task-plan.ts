import {
  addDays as addCalendarDays,
  addRomeDays,
  addWorkingDays,
  daysBetween,
  isClosedState,
  onRomeDay,
  romeDay,
  TASK_RULES,
  type CaseState,
  type TaskCondition,
  type TaskRule,
  type TaskStatus,
} from '@app/contracts';

// What the rules read about one case (loaded in one query by task-recompute.ts).
export interface TaskCaseFacts {
  state: CaseState;
  createdAt: Date;
  // Date of birth + 18 years (YYYY-MM-DD), when the date of birth is known.
  eighteenthBirthday: string | null;
  dobIsDefaultJan1: boolean;
  prosieguoUntil: string | null;
  minorConsentTracing: boolean;
  // The latest PRE_TRACING risk check.
  preTracingRisk: { decision: 'PROCEED' | 'PROCEED_WITH_MITIGATION' | 'DO_NOT_PROCEED'; approved: boolean; createdAt: Date } | null;
  // Due date of the open (SENT / IN_PROGRESS) tracing request, the earliest if several.
  tracingRequestDueAt: Date | null;
  tracingOutcomeRecorded: boolean;
  // Part 2: the earliest hearing not yet held, the earliest pending monitoring visit (its planned
  // day), and whether an escalated protection concern is still open.
  nextHearingAt: Date | null;
  nextMonitoringVisitOn: string | null;
  openEscalation: boolean;
  // State changes, newest first.
  history: { from: CaseState | null; to: CaseState; at: Date }[];
}

export interface ExistingTask {
  status: TaskStatus;
  dueAt: Date;
  title: string;
  source: string;
  legalRef: string | null;
  ownerRole: string;
  detail: Record<string, unknown>;
}

export type TaskChange =
  | { kind: 'open'; rule: TaskRule; dueAt: Date; detail: Record<string, unknown> }
  | { kind: 'close'; ruleId: string; status: 'DONE' | 'CANCELLED' };

// A task anchored on a calendar day (a birthday, a planned visit) falls due at the start of that
// day as stored since the first release (00:00 UTC, i.e. 01:00 or 02:00 in Rome: the same day).
const dayStart = (day: string) => new Date(`${day}T00:00:00.000Z`);

// A day-anchored task is due at the start of the day counted from its anchor day; an
// instant-anchored one at the same time of day, the days counted in Italy.
function dueFrom(anchor: Anchor, days: number, working = false): Date {
  if (anchor instanceof Date) return addDays(anchor, days, working);
  return dayStart(working ? addWorkingDays(anchor.day, days) : addCalendarDays(anchor.day, days));
}

// Adds calendar or working days (Monday to Friday; public holidays are not modelled) on the unit's
// calendar: the days are counted in Italy and the time of day is kept in Rome's wall time, so a
// deadline never moves by a day around midnight UTC or across a clock change.
export function addDays(from: Date, days: number, working = false): Date {
  return working ? onRomeDay(addWorkingDays(romeDay(from), days), from) : addRomeDays(from, days);
}

// When the case entered the rule's window of states: the newest move into the window from
// outside it, provided the case has stayed inside since.
export function windowEnteredAt(history: TaskCaseFacts['history'], states: readonly CaseState[]): Date | null {
  for (const row of history) {
    if (!states.includes(row.to)) return null;
    if (row.from === null || !states.includes(row.from)) return row.at;
  }
  return null;
}

function holds(condition: TaskCondition, facts: TaskCaseFacts, today: string): boolean {
  const risk = facts.preTracingRisk;
  switch (condition) {
    case 'TRACING_PRECONDITIONS_RECORDED':
      return facts.minorConsentTracing && risk !== null && risk.decision !== 'DO_NOT_PROCEED';
    case 'TRACING_PRECONDITIONS_MET':
      return facts.minorConsentTracing && risk !== null && risk.decision !== 'DO_NOT_PROCEED' && risk.approved;
    case 'PRE_TRACING_RISK_CHECK_AWAITING_APPROVAL':
      return risk !== null && !risk.approved;
    case 'TRACING_REQUEST_OPEN':
      return facts.tracingRequestDueAt !== null;
    case 'TRACING_OUTCOME_RECORDED':
      return facts.tracingOutcomeRecorded;
    case 'PROSIEGUO_RECORDED':
      return facts.prosieguoUntil !== null && facts.prosieguoUntil > today;
    case 'HEARING_SCHEDULED':
      return facts.nextHearingAt !== null;
    case 'MONITORING_VISIT_PENDING':
      return facts.nextMonitoringVisitOn !== null;
    case 'MONITORING_CONCERN_ESCALATED':
      return facts.openEscalation;
  }
}

// An instant (a state entered, a request's due time, a hearing) or a calendar day (a birthday, a
// planned visit).
type Anchor = Date | { day: string };

function anchorOf(rule: TaskRule, facts: TaskCaseFacts, existing: ExistingTask | undefined, now: Date): Anchor | 'keep' | null {
  switch (rule.anchor) {
    case 'STATE_ENTERED': {
      const entered = windowEnteredAt(facts.history, rule.states);
      if (entered) return entered;
      // No recorded move into the window (data older than the history): keep an open task's due
      // date; otherwise count from the case's creation (RECEIVED) or from now.
      if (existing?.status === 'OPEN') return 'keep';
      return facts.state === 'RECEIVED' ? facts.createdAt : now;
    }
    case 'CONDITION_MET':
      return existing?.status === 'OPEN' ? 'keep' : now;
    case 'RISK_CHECK_RECORDED':
      return facts.preTracingRisk?.createdAt ?? null;
    case 'TRACING_REQUEST_DUE':
      return facts.tracingRequestDueAt;
    case 'EIGHTEENTH_BIRTHDAY':
      return facts.eighteenthBirthday ? { day: facts.eighteenthBirthday } : null;
    case 'AGE_OUT_DATE': {
      if (!facts.eighteenthBirthday) return null;
      const day = facts.prosieguoUntil && facts.prosieguoUntil > facts.eighteenthBirthday ? facts.prosieguoUntil : facts.eighteenthBirthday;
      return { day };
    }
    case 'NEXT_HEARING':
      return facts.nextHearingAt;
    case 'NEXT_MONITORING_VISIT':
      return facts.nextMonitoringVisitOn ? { day: facts.nextMonitoringVisitOn } : null;
  }
}

function detailOf(rule: TaskRule, facts: TaskCaseFacts): Record<string, unknown> {
  if (rule.anchor === 'NEXT_MONITORING_VISIT') return { plannedOn: facts.nextMonitoringVisitOn };
  if (rule.anchor === 'NEXT_HEARING') return { hearingAt: facts.nextHearingAt?.toISOString() ?? null };
  if (rule.anchor === 'EIGHTEENTH_BIRTHDAY' || rule.anchor === 'AGE_OUT_DATE') {
    return { eighteenthBirthday: facts.eighteenthBirthday, dobIsDefaultJan1: facts.dobIsDefaultJan1, prosieguoUntil: facts.prosieguoUntil };
  }
  return {};
}

// JSON with sorted keys: jsonb does not keep key order.
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

// The pure heart of the task engine: given the case and its current rule tasks, the changes that
// bring the tasks in line with the rules at `now`. Applying them and planning again yields nothing
// (idempotent). Manual tasks are not touched here, except by a closed case (see recomputeTasks).
export function planTasks(facts: TaskCaseFacts, existing: ReadonlyMap<string, ExistingTask>, now: Date, rules: readonly TaskRule[] = TASK_RULES): TaskChange[] {
  const today = romeDay(now);
  const closed = isClosedState(facts.state);
  const daysLeft = facts.eighteenthBirthday ? daysBetween(today, facts.eighteenthBirthday) : null;
  const changes: TaskChange[] = [];
  for (const rule of rules) {
    const current = existing.get(rule.id);
    const isOpen = current?.status === 'OPEN';
    if (closed) {
      if (isOpen) changes.push({ kind: 'close', ruleId: rule.id, status: 'CANCELLED' });
      continue;
    }
    let applies = rule.states.includes(facts.state) && (!rule.when || holds(rule.when, facts, today));
    if (applies && rule.daysLeft) applies = daysLeft !== null && daysLeft <= rule.daysLeft.max && daysLeft >= rule.daysLeft.min;
    const done = rule.doneWhen !== undefined && holds(rule.doneWhen, facts, today);
    const anchor = applies && !done ? anchorOf(rule, facts, current, now) : null;
    if (anchor === null) {
      if (!isOpen) continue;
      if (done) changes.push({ kind: 'close', ruleId: rule.id, status: 'DONE' });
      else if (facts.state === 'ON_HOLD' && !rule.states.includes('ON_HOLD')) changes.push({ kind: 'close', ruleId: rule.id, status: 'CANCELLED' });
      else changes.push({ kind: 'close', ruleId: rule.id, status: rule.onLeave ?? 'DONE' });
      continue;
    }
    const dueAt = anchor === 'keep' ? current!.dueAt : dueFrom(anchor, rule.offsetDays, rule.workingDays);
    const detail = detailOf(rule, facts);
    const unchanged =
      isOpen &&
      current.dueAt.getTime() === dueAt.getTime() &&
      current.title === rule.title &&
      current.source === rule.source &&
      current.legalRef === rule.legalRef &&
      current.ownerRole === rule.ownerRole &&
      canonical(current.detail) === canonical(detail);
    if (!unchanged) changes.push({ kind: 'open', rule, dueAt, detail });
  }
  return changes;
}
