import { TASK_RULES, type CaseState } from '@app/contracts';
import { addDays, planTasks, windowEnteredAt, type ExistingTask, type TaskCaseFacts, type TaskChange } from './task-plan';

const DAY = 86_400_000;
// A Wednesday.
const NOW = new Date('2026-03-04T09:00:00.000Z');
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);
const day = (offsetDays: number) => new Date(NOW.getTime() + offsetDays * DAY).toISOString().slice(0, 10);

const facts = (over: Partial<TaskCaseFacts> = {}): TaskCaseFacts => ({
  state: 'RECEIVED',
  createdAt: ago(1),
  eighteenthBirthday: day(1000),
  dobIsDefaultJan1: false,
  prosieguoUntil: null,
  minorConsentTracing: false,
  preTracingRisk: null,
  tracingRequestDueAt: null,
  tracingOutcomeRecorded: false,
  nextHearingAt: null,
  nextMonitoringVisitOn: null,
  openEscalation: false,
  history: [],
  ...over,
});

// Applies changes the way recomputeTasks writes them.
function apply(existing: Map<string, ExistingTask>, changes: TaskChange[]): Map<string, ExistingTask> {
  const next = new Map(existing);
  for (const change of changes) {
    if (change.kind === 'open') {
      const r = change.rule;
      next.set(r.id, { status: 'OPEN', dueAt: change.dueAt, title: r.title, source: r.source, legalRef: r.legalRef, ownerRole: r.ownerRole, detail: change.detail });
    } else {
      next.set(change.ruleId, { ...next.get(change.ruleId)!, status: change.status });
    }
  }
  return next;
}

const open = (tasks: Map<string, ExistingTask>) => [...tasks].filter(([, t]) => t.status === 'OPEN').map(([rule]) => rule).sort();
const statusOf = (tasks: Map<string, ExistingTask>, rule: string) => tasks.get(rule)?.status;

// Runs the plan at `now`, checks it is idempotent, and returns the resulting tasks.
function settle(f: TaskCaseFacts, existing = new Map<string, ExistingTask>(), now = NOW) {
  const next = apply(existing, planTasks(f, existing, now));
  expect(planTasks(f, next, now)).toEqual([]);
  return next;
}

const moved = (from: CaseState | null, to: CaseState, daysAgo: number) => ({ from, to, at: ago(daysAgo) });

describe('rule table', () => {
  it('has unique ids and every rule names a legal or internal reference and an owner', () => {
    expect(new Set(TASK_RULES.map((r) => r.id)).size).toBe(TASK_RULES.length);
    for (const rule of TASK_RULES) {
      expect(rule.legalRef.length).toBeGreaterThan(5);
      expect(['caseworker', 'supervisor']).toContain(rule.ownerRole);
      expect(rule.titleKey).toMatch(/^dashboard\.taskRules\./);
    }
  });
});

describe('addDays / windowEnteredAt', () => {
  it('counts working days Monday to Friday', () => {
    // Wednesday + 5 working days = next Wednesday; Friday + 1 working day = Monday.
    expect(addDays(NOW, 5, true).toISOString()).toBe('2026-03-11T09:00:00.000Z');
    expect(addDays(new Date('2026-03-06T12:00:00Z'), 1, true).toISOString()).toBe('2026-03-09T12:00:00.000Z');
    expect(addDays(NOW, 5).toISOString()).toBe('2026-03-09T09:00:00.000Z');
  });

  it('finds when the case entered a window of states, restarting after a return from outside', () => {
    const window: CaseState[] = ['NOT_LOCATED', 'REPORT_DRAFTING'];
    const history = [moved('NOT_LOCATED', 'REPORT_DRAFTING', 2), moved('TRACING_IN_PROGRESS', 'NOT_LOCATED', 5)];
    expect(windowEnteredAt(history, window)).toEqual(ago(5));
    const returned = [moved('REPORT_QA', 'REPORT_DRAFTING', 1), moved('REPORT_DRAFTING', 'REPORT_QA', 2), ...history];
    expect(windowEnteredAt(returned, window)).toEqual(ago(1));
    expect(windowEnteredAt([moved('REPORT_DRAFTING', 'REPORT_QA', 1)], window)).toBeNull();
  });
});

describe('planTasks', () => {
  it('opens the screening deadline 5 working days after receipt and closes it as done when screening starts', () => {
    let tasks = settle(facts({ history: [moved(null, 'RECEIVED', 1)] }));
    expect(open(tasks)).toEqual(['screening_sla']);
    expect(tasks.get('screening_sla')!.dueAt).toEqual(addDays(ago(1), 5, true));

    tasks = settle(facts({ state: 'SCREENING', history: [moved('RECEIVED', 'SCREENING', 0), moved(null, 'RECEIVED', 1)] }), tasks);
    expect(statusOf(tasks, 'screening_sla')).toBe('DONE');
    expect(open(tasks)).toEqual(['consent_and_risk_check']);
  });

  it('follows consent and risk check through approval to the supervisor’s tracing approval', () => {
    const history = [moved('RECEIVED', 'SCREENING', 3)];
    let tasks = settle(facts({ state: 'SCREENING', history }));
    expect(open(tasks)).toEqual(['consent_and_risk_check']);

    const risk = { decision: 'PROCEED' as const, approved: false, createdAt: ago(1) };
    tasks = settle(facts({ state: 'SCREENING', history, minorConsentTracing: true, preTracingRisk: risk }), tasks);
    expect(statusOf(tasks, 'consent_and_risk_check')).toBe('DONE');
    expect(open(tasks)).toEqual(['risk_check_approval']);
    expect(tasks.get('risk_check_approval')!.ownerRole).toBe('supervisor');
    expect(tasks.get('risk_check_approval')!.dueAt).toEqual(addDays(ago(1), 2, true));

    tasks = settle(facts({ state: 'SCREENING', history, minorConsentTracing: true, preTracingRisk: { ...risk, approved: true } }), tasks);
    expect(statusOf(tasks, 'risk_check_approval')).toBe('DONE');
    expect(open(tasks)).toEqual(['tracing_approval']);
    const due = tasks.get('tracing_approval')!.dueAt;
    // The condition-based due date does not move on later recomputations.
    expect(planTasks(facts({ state: 'SCREENING', history, minorConsentTracing: true, preTracingRisk: { ...risk, approved: true } }), tasks, new Date(NOW.getTime() + DAY))).toEqual([]);
    expect(due).toEqual(addDays(NOW, 2, true));
  });

  it('reopens a deadline when a "do not proceed" risk check replaces a good one', () => {
    const history = [moved('RECEIVED', 'SCREENING', 3)];
    let tasks = settle(facts({ state: 'SCREENING', history, minorConsentTracing: true, preTracingRisk: { decision: 'PROCEED', approved: true, createdAt: ago(2) } }));
    expect(open(tasks)).toEqual(['tracing_approval']);
    tasks = settle(facts({ state: 'SCREENING', history, minorConsentTracing: true, preTracingRisk: { decision: 'DO_NOT_PROCEED', approved: false, createdAt: ago(1) } }), tasks);
    expect(open(tasks)).toEqual(['consent_and_risk_check', 'risk_check_approval']);
  });

  it('dates the mission follow-up by the tracing request’s due date and completes it with an outcome', () => {
    const due = new Date(NOW.getTime() + 40 * DAY);
    const history = [moved('READY_FOR_TRACING', 'TRACING_IN_PROGRESS', 1)];
    let tasks = settle(facts({ state: 'TRACING_IN_PROGRESS', history, tracingRequestDueAt: due }));
    expect(open(tasks)).toEqual(['tracing_response']);
    expect(tasks.get('tracing_response')!.dueAt).toEqual(due);
    tasks = settle(facts({ state: 'TRACING_IN_PROGRESS', history, tracingRequestDueAt: due, tracingOutcomeRecorded: true }), tasks);
    expect(statusOf(tasks, 'tracing_response')).toBe('DONE');
    expect(open(tasks)).toEqual(['confirm_tracing_outcome']);
  });

  it('gives QA to the caseworker and approval to the supervisor, and restarts drafting after a return', () => {
    let tasks = settle(facts({ state: 'REPORT_DRAFTING', history: [moved('NOT_LOCATED', 'REPORT_DRAFTING', 2), moved('TRACING_IN_PROGRESS', 'NOT_LOCATED', 4)] }));
    expect(tasks.get('report_drafting')!.dueAt).toEqual(addDays(ago(4), 15));
    const qaHistory = [moved('REPORT_DRAFTING', 'REPORT_QA', 1), moved('NOT_LOCATED', 'REPORT_DRAFTING', 2), moved('TRACING_IN_PROGRESS', 'NOT_LOCATED', 4)];
    tasks = settle(facts({ state: 'REPORT_QA', history: qaHistory }), tasks);
    expect(statusOf(tasks, 'report_drafting')).toBe('DONE');
    expect(open(tasks)).toEqual(['report_approval', 'report_qa']);
    expect(tasks.get('report_qa')!.ownerRole).toBe('caseworker');
    expect(tasks.get('report_approval')!.ownerRole).toBe('supervisor');
    tasks = settle(facts({ state: 'REPORT_DRAFTING', history: [moved('REPORT_QA', 'REPORT_DRAFTING', 0), ...qaHistory] }), tasks);
    expect(open(tasks)).toEqual(['report_drafting']);
    expect(tasks.get('report_drafting')!.dueAt).toEqual(addDays(NOW, 15));
  });

  it('cancels every open task when the case closes', () => {
    let tasks = settle(facts({ state: 'SCREENING', history: [moved('RECEIVED', 'SCREENING', 1)], eighteenthBirthday: day(60) }));
    expect(open(tasks)).toEqual(['age18_alert_90', 'consent_and_risk_check']);
    tasks = settle(facts({ state: 'WITHDRAWN', history: [moved('SCREENING', 'WITHDRAWN', 0)], eighteenthBirthday: day(60) }), tasks);
    expect(open(tasks)).toEqual([]);
    expect(statusOf(tasks, 'consent_and_risk_check')).toBe('CANCELLED');
    expect(statusOf(tasks, 'age18_alert_90')).toBe('CANCELLED');
  });

  it('pauses state deadlines on hold (review in 30 days) and restarts them on resume; age alerts carry on', () => {
    const f = (state: CaseState, history: TaskCaseFacts['history']) => facts({ state, history, eighteenthBirthday: day(100) });
    let tasks = settle(f('INFO_REQUESTED', [moved('SCREENING', 'INFO_REQUESTED', 5)]));
    expect(open(tasks)).toEqual(['age18_alert_180', 'info_request_follow_up']);
    tasks = settle(f('ON_HOLD', [moved('INFO_REQUESTED', 'ON_HOLD', 0)]), tasks);
    expect(statusOf(tasks, 'info_request_follow_up')).toBe('CANCELLED');
    expect(open(tasks)).toEqual(['age18_alert_180', 'on_hold_review']);
    tasks = settle(f('INFO_REQUESTED', [moved('ON_HOLD', 'INFO_REQUESTED', 0), moved('INFO_REQUESTED', 'ON_HOLD', 2)]), tasks);
    expect(open(tasks)).toEqual(['age18_alert_180', 'info_request_follow_up']);
    expect(tasks.get('info_request_follow_up')!.dueAt).toEqual(addDays(NOW, 10));
  });

  describe('18th birthday', () => {
    const at = (daysLeft: number, over: Partial<TaskCaseFacts> = {}) => facts({ state: 'SCREENING', history: [moved('RECEIVED', 'SCREENING', 1)], eighteenthBirthday: day(daysLeft), ...over });
    const ageTasks = (tasks: Map<string, ExistingTask>) => open(tasks).filter((r) => r.startsWith('age') || r === 'aged_out_check');

    it.each([
      [181, []],
      [180, ['age18_alert_180']],
      [91, ['age18_alert_180']],
      [90, ['age18_alert_90']],
      [31, ['age18_alert_90']],
      [30, ['age18_alert_30']],
      [1, ['age18_alert_30']],
      [0, ['aged_out_check']],
      [-10, ['aged_out_check']],
    ])('with %i days left the open alert is %j', (daysLeft, expected) => {
      expect(ageTasks(settle(at(daysLeft)))).toEqual(expected);
    });

    it('moves from one alert to the next as the days pass, due on the birthday, noting a default 1 January', () => {
      const birthday = day(200);
      const f = facts({ state: 'SCREENING', history: [moved('RECEIVED', 'SCREENING', 1)], eighteenthBirthday: birthday, dobIsDefaultJan1: true });
      let tasks = settle(f, new Map(), new Date(NOW.getTime() + 20 * DAY));
      expect(ageTasks(tasks)).toEqual(['age18_alert_180']);
      expect(tasks.get('age18_alert_180')!.dueAt.toISOString()).toBe(`${birthday}T00:00:00.000Z`);
      expect(tasks.get('age18_alert_180')!.detail).toEqual({ eighteenthBirthday: birthday, dobIsDefaultJan1: true, prosieguoUntil: null });
      tasks = settle(f, tasks, new Date(NOW.getTime() + 110 * DAY));
      expect(ageTasks(tasks)).toEqual(['age18_alert_90']);
      expect(statusOf(tasks, 'age18_alert_180')).toBe('CANCELLED');
      tasks = settle(f, tasks, new Date(NOW.getTime() + 170 * DAY));
      expect(ageTasks(tasks)).toEqual(['age18_alert_30']);
      tasks = settle(f, tasks, new Date(NOW.getTime() + 200 * DAY));
      expect(ageTasks(tasks)).toEqual(['aged_out_check']);
      expect(tasks.get('aged_out_check')!.ownerRole).toBe('supervisor');
    });

    it('treats a recorded prosieguo as the alert’s completion, and raises the age-out check when it ends', () => {
      let tasks = settle(at(20));
      expect(ageTasks(tasks)).toEqual(['age18_alert_30']);
      tasks = settle(at(20, { prosieguoUntil: day(20 + 365) }), tasks);
      expect(statusOf(tasks, 'age18_alert_30')).toBe('DONE');
      expect(ageTasks(tasks)).toEqual([]);
      const later = new Date(NOW.getTime() + 400 * DAY);
      tasks = settle(at(20, { prosieguoUntil: day(20 + 365) }), tasks, later);
      expect(ageTasks(tasks)).toEqual(['aged_out_check']);
      expect(tasks.get('aged_out_check')!.dueAt.toISOString()).toBe(`${day(385)}T00:00:00.000Z`);
    });

    it('raises nothing without a date of birth', () => {
      expect(ageTasks(settle(at(10, { eighteenthBirthday: null })))).toEqual([]);
    });
  });
  // Part 2 (issue 4)
  describe('return and reintegration', () => {
    it('keeps the hearing task on the next hearing while the case is before the court', () => {
      const hearing = new Date(NOW.getTime() + 12 * DAY);
      let tasks = settle(facts({ state: 'COURT_PENDING', history: [moved('AVR_COUNSELLING', 'COURT_PENDING', 3)], nextHearingAt: hearing }));
      expect(tasks.get('court_hearing')).toMatchObject({ status: 'OPEN', dueAt: hearing, source: 'COURT' });
      tasks = settle(facts({ state: 'COURT_PENDING', history: [moved('AVR_COUNSELLING', 'COURT_PENDING', 3)] }), tasks);
      expect(statusOf(tasks, 'court_hearing')).toBe('DONE');
    });

    it('asks for the departure 30 days before the 18th birthday within 180 days of it, unless a prosieguo is recorded', () => {
      const at = (daysLeft: number, over: Partial<TaskCaseFacts> = {}) =>
        facts({ state: 'COURT_APPROVED', history: [moved('COURT_PENDING', 'COURT_APPROVED', 1)], eighteenthBirthday: day(daysLeft), ...over });
      expect(open(settle(at(200)))).not.toContain('avr_departure_before_18');
      const tasks = settle(at(120));
      expect(tasks.get('avr_departure_before_18')).toMatchObject({ status: 'OPEN', dueAt: new Date(`${day(90)}T00:00:00.000Z`), source: 'STATUTORY' });
      expect(statusOf(settle(at(120, { prosieguoUntil: day(500) }), tasks), 'avr_departure_before_18')).toBe('DONE');
      // Gone once the minor has left.
      expect(statusOf(settle(at(120, { state: 'IN_TRANSIT', history: [moved('AVR_PREPARATION', 'IN_TRANSIT', 0)] }), tasks), 'avr_departure_before_18')).toBe('DONE');
    });

    it('follows the next pending monitoring visit and an escalated concern', () => {
      const returned = (over: Partial<TaskCaseFacts>) => facts({ state: 'REINTEGRATION', history: [moved('HANDED_OVER', 'REINTEGRATION', 10)], ...over });
      let tasks = settle(returned({ nextMonitoringVisitOn: day(20) }));
      expect(tasks.get('monitoring_visit_due')).toMatchObject({ status: 'OPEN', dueAt: new Date(`${day(20)}T00:00:00.000Z`), detail: { plannedOn: day(20) } });
      tasks = settle(returned({ nextMonitoringVisitOn: day(80), openEscalation: true }), tasks);
      expect(tasks.get('monitoring_visit_due')!.dueAt).toEqual(new Date(`${day(80)}T00:00:00.000Z`));
      expect(tasks.get('monitoring_concern_review')).toMatchObject({ status: 'OPEN', ownerRole: 'supervisor', dueAt: addDays(NOW, 2, true) });
      tasks = settle(returned({ nextMonitoringVisitOn: null, openEscalation: false }), tasks);
      expect(open(tasks)).toEqual([]);
    });
  });
});
