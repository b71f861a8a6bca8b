import type { CaseState, MonitoringVisit, RecordMonitoringVisitInput } from '@app/contracts';
import type { AuthUser } from '../common/auth-user';
import { Clock } from '../common/clock';
import type { Db, Executor } from '../database/db';
import { MonitoringService } from './monitoring.service';
import { MonitoringStore, type VisitFindings } from './monitoring.store';
import type { ReturnCaseAccess, ReturnCaseRef } from './return-case';
import type { VisitRow } from './return.store';

// The rules of post-return monitoring, with no database (issue 17): MonitoringService against an
// in-memory MonitoringStore. The same rules run end to end in return.int-spec.ts and
// return-field.int-spec.ts.

const NOW = new Date('2027-03-27T23:30:00Z'); // 00:30 on Sunday 28 March in Rome
const TODAY = '2027-03-28';
const CASE = 'case-1';
const user = { id: 'user-1', role: 'caseworker' } as AuthUser;
const tx = {} as Executor;

const visitRow = (over: Partial<VisitRow> = {}): VisitRow => ({
  id: 'visit-1', case_id: CASE, seq: 1, planned_on: '2027-03-20', month_offset: 1, extra_reason: null, status: 'PLANNED', visited_on: null, mode: null,
  officer: null, child_seen_alone: null, wellbeing: null, protection_concerns: null, assistance_delivered: [], sustainability_scores: null, notes: null,
  cancel_reason: null, escalated_at: null, escalated_to: null, escalation_note: null, resolved_at: null, resolution: null, report_id: null, ...over,
});

class MemoryStore extends MonitoringStore {
  visits = new Map<string, VisitRow>();
  handover: string | null = '2027-02-20';
  plan: { planId: string; itemIds: string[] } | null = { planId: 'plan-1', itemIds: ['item-1', 'item-2'] };
  findings: { visitId: string; planId: string | null; findings: VisitFindings }[] = [];

  async lockVisit(_tx: Executor, caseId: string, visitId: string) {
    const row = this.visits.get(visitId);
    if (!row || row.case_id !== caseId) throw Object.assign(new Error('Monitoring visit not found'), { code: 'NOT_FOUND' });
    return row;
  }
  async visit(_tx: Executor, visitId: string) {
    return { id: visitId, status: this.visits.get(visitId)!.status } as MonitoringVisit;
  }
  async handoverDay() {
    return this.handover;
  }
  async lockPlanItems() {
    if (!this.plan) throw Object.assign(new Error('Write the reintegration plan first'), { code: 'CONFLICT' });
    return this.plan;
  }
  async addExtraVisit(_tx: Executor, caseId: string, plannedOn: string, reason: string) {
    const id = `visit-${this.visits.size + 1}`;
    this.visits.set(id, visitRow({ id, case_id: caseId, seq: this.visits.size + 1, planned_on: plannedOn, month_offset: null, extra_reason: reason }));
    return id;
  }
  async recordFindings(_tx: Executor, visitId: string, planId: string | null, findings: VisitFindings) {
    this.findings.push({ visitId, planId, findings });
    this.visits.set(visitId, { ...this.visits.get(visitId)!, status: 'DONE', visited_on: findings.visitedOn, protection_concerns: findings.protectionConcerns });
  }
  async cancelVisit(_tx: Executor, visitId: string, reason: string) {
    this.visits.set(visitId, { ...this.visits.get(visitId)!, status: 'CANCELLED', cancel_reason: reason });
  }
  async escalate(_tx: Executor, visitId: string, _userId: string, referredTo: string, _note: string, now: Date) {
    this.visits.set(visitId, { ...this.visits.get(visitId)!, escalated_at: now, escalated_to: referredTo });
  }
  async resolve(_tx: Executor, visitId: string, _userId: string, resolution: string, now: Date) {
    this.visits.set(visitId, { ...this.visits.get(visitId)!, resolved_at: now, resolution });
  }
}

const setup = (state: CaseState = 'REINTEGRATION') => {
  const store = new MemoryStore();
  store.visits.set('visit-1', visitRow());
  const recorded: { action: string; detail: Record<string, unknown> }[] = [];
  const ref: ReturnCaseRef = { id: CASE, state, version: 7 };
  const access = {
    visible: async () => ref,
    record: async (_tx: Executor, _user: AuthUser, _caseId: string, action: string, _type: string, _id: string, _ip: string, detail: Record<string, unknown> = {}) => {
      recorded.push({ action, detail });
    },
  } as unknown as ReturnCaseAccess;
  const db = { transaction: <T>(work: (t: Executor) => Promise<T>) => work(tx) } as unknown as Db;
  const service = new MonitoringService(db, Clock.startingAt(NOW), access, store);
  return { store, recorded, service, ref };
};

const findings = (over: Partial<RecordMonitoringVisitInput> = {}): RecordMonitoringVisitInput => ({
  visitedOn: '2027-03-26', mode: 'HOME', officer: 'Nour', childSeenAlone: true, wellbeing: 'Goes to school', assistanceDelivered: [], ...over,
} as RecordMonitoringVisitInput);

const codeOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    const e = error as { code?: string; details?: { fields?: { path: string; code: string }[] } };
    return e.details?.fields ? `${e.code}:${e.details.fields.map((f) => `${f.path}=${f.code}`).join(',')}` : e.code;
  }
};

describe('monitoring rules (no database)', () => {
  it('plans an extra visit for today in Italy or later, never before', async () => {
    const { service, store, recorded } = setup();
    expect(await codeOf(service.addVisit(user, CASE, { plannedOn: '2027-03-27', reason: 'Vulnerable minor' }, 'ip'))).toBe('VALIDATION_FAILED:plannedOn=past');
    // 23:30 UTC on the 27th is already the 28th in Rome: today is allowed.
    await service.addVisit(user, CASE, { plannedOn: TODAY, reason: 'Vulnerable minor' }, 'ip');
    expect(store.visits.get('visit-2')).toMatchObject({ planned_on: TODAY, extra_reason: 'Vulnerable minor' });
    expect(recorded).toEqual([{ action: 'MONITORING_VISIT_ADDED', detail: { plannedOn: TODAY } }]);
  });

  it('records a visit once it happened, not before the hand-over, only while the child is back home', async () => {
    const { service, store, ref } = setup();
    expect(await codeOf(service.recordVisitIn(tx, user, ref, 'visit-1', findings({ visitedOn: '2027-03-29' }), 'ip'))).toBe('VALIDATION_FAILED:visitedOn=future');
    expect(await codeOf(service.recordVisitIn(tx, user, ref, 'visit-1', findings({ visitedOn: '2027-02-19' }), 'ip'))).toBe('VALIDATION_FAILED:visitedOn=before_handover');
    expect(await codeOf(service.recordVisitIn(tx, user, { ...ref, state: 'IN_TRANSIT' }, 'visit-1', findings(), 'ip'))).toBe('CONFLICT');
    expect(store.findings).toEqual([]);
    expect(await codeOf(service.recordVisitIn(tx, user, ref, 'visit-1', findings({ visitedOn: TODAY }), 'ip'))).toBe('resolved');
    expect(await codeOf(service.recordVisitIn(tx, user, ref, 'visit-1', findings({ visitedOn: TODAY }), 'ip'))).toBe('CONFLICT');
  });

  it('checks every line of assistance against the plan and names each line at fault', async () => {
    const { service, store, ref } = setup();
    const lines = [
      { itemId: 'item-9', status: 'DELIVERED', deliveredOn: '2027-03-01' },
      { itemId: 'item-1', status: 'DELIVERED' },
      { itemId: 'item-2', status: 'CANCELLED', note: 'no' },
      { itemId: 'item-1', status: 'DELIVERED', deliveredOn: '2027-03-27' },
    ] as RecordMonitoringVisitInput['assistanceDelivered'];
    expect(await codeOf(service.recordVisitIn(tx, user, ref, 'visit-1', findings({ assistanceDelivered: lines }), 'ip'))).toBe(
      'VALIDATION_FAILED:assistanceDelivered.0.itemId=not_found,assistanceDelivered.1.deliveredOn=required,assistanceDelivered.2.note=required,assistanceDelivered.3.deliveredOn=after_visit',
    );
    expect(store.findings).toEqual([]);
    store.plan = null;
    expect(await codeOf(service.recordVisitIn(tx, user, ref, 'visit-1', findings({ assistanceDelivered: [lines[0]!] }), 'ip'))).toBe('CONFLICT');
  });

  it('writes the findings with the plan to touch when assistance moved, and records the change', async () => {
    const { service, store, recorded, ref } = setup();
    const delivered = [{ itemId: 'item-1', status: 'DELIVERED', deliveredOn: '2027-03-10' }] as RecordMonitoringVisitInput['assistanceDelivered'];
    await service.recordVisitIn(tx, user, ref, 'visit-1', findings({ assistanceDelivered: delivered, protectionConcerns: 'An uncle pressures him to work' }), 'ip');
    expect(store.findings).toEqual([{
      visitId: 'visit-1', planId: 'plan-1',
      findings: expect.objectContaining({ visitedOn: '2027-03-26', protectionConcerns: 'An uncle pressures him to work', delivered: [{ itemId: 'item-1', status: 'DELIVERED', deliveredOn: '2027-03-10', note: null }] }),
    }]);
    expect(recorded).toEqual([{ action: 'MONITORING_VISIT_RECORDED', detail: { seq: 1, childSeenAlone: true, protectionConcern: true, scored: false } }]);
    // No assistance reported: the plan is not locked, nor touched.
    store.visits.set('visit-2', visitRow({ id: 'visit-2', seq: 2 }));
    await service.recordVisitIn(tx, user, ref, 'visit-2', findings(), 'ip');
    expect(store.findings[1]).toMatchObject({ visitId: 'visit-2', planId: null });
  });

  it('escalates only a recorded visit with a protection concern, once, and resolves only an open escalation', async () => {
    const { service, store, ref } = setup();
    const referral = { referredTo: 'Child protection committee', note: 'Joint visit planned' };
    expect(await codeOf(service.escalateIn(tx, user, ref, 'visit-1', referral, 'ip'))).toBe('CONFLICT');
    expect(await codeOf(service.resolveConcern(user, CASE, 'visit-1', { resolution: 'Settled' }, 'ip'))).toBe('CONFLICT');
    store.visits.set('visit-1', visitRow({ status: 'DONE', protection_concerns: 'Pressure to work' }));
    expect(await codeOf(service.escalateIn(tx, user, ref, 'visit-1', referral, 'ip'))).toBe('resolved');
    expect(store.visits.get('visit-1')).toMatchObject({ escalated_at: expect.any(Date), escalated_to: 'Child protection committee' });
    expect(await codeOf(service.escalateIn(tx, user, ref, 'visit-1', referral, 'ip'))).toBe('CONFLICT');
    expect(await codeOf(service.resolveConcern(user, CASE, 'visit-1', { resolution: 'Settled' }, 'ip'))).toBe('resolved');
    expect(await codeOf(service.resolveConcern(user, CASE, 'visit-1', { resolution: 'Again' }, 'ip'))).toBe('CONFLICT');
  });

  it('cancels only a planned visit', async () => {
    const { service, store } = setup();
    await service.cancelVisit(user, CASE, 'visit-1', 'The family moved', 'ip');
    expect(store.visits.get('visit-1')).toMatchObject({ status: 'CANCELLED', cancel_reason: 'The family moved' });
    expect(await codeOf(service.cancelVisit(user, CASE, 'visit-1', 'Again', 'ip'))).toBe('CONFLICT');
  });
});
