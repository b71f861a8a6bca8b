import { ROLES } from '@app/contracts';
import { EXTERNAL_TIMELINE_KINDS, externalDetail, timelineScope } from './timeline.policy';

describe('timeline scope', () => {
  it('is unrestricted for IOM staff and an allow-list for everyone else', () => {
    for (const role of ROLES) {
      const scope = timelineScope(role);
      if (role === 'caseworker' || role === 'supervisor') expect(scope).toBeNull();
      else expect(scope?.kinds).toEqual(EXTERNAL_TIMELINE_KINDS);
    }
  });

  it('keeps internal kinds and fields out of the external allow-list', () => {
    const scope = timelineScope('guardian')!;
    for (const kind of ['RISK_CHECK_RECORDED', 'RISK_CHECK_APPROVED', 'FAMILY_MEMBER_ADDED', 'TRACING_REQUEST_SENT']) expect(scope.kinds).not.toContain(kind);
    // The return's internal working records (plans, travel, monitoring visits, counselling) too.
    for (const kind of ['COUNSELLING_RECORDED', 'REINTEGRATION_PLAN_WRITTEN', 'REINTEGRATION_ITEM_ADDED', 'TRAVEL_PLAN_RECORDED', 'MONITORING_VISIT_RECORDED', 'MONITORING_CONCERN_ESCALATED', 'COURT_ACCESS_GRANTED'])
      expect(scope.kinds).not.toContain(kind);
    expect(scope.caseFields).not.toContain('internalNotes');
    expect(scope.caseFields).not.toContain('riskLevel');
    expect(scope.caseFields).toContain('priority');
    expect(timelineScope('court')!.minorFields).not.toContain('healthNotes');
    expect(timelineScope('guardian')!.minorFields).toContain('healthNotes');
  });

  it('passes only the allow-listed details of the return entries', () => {
    const scope = timelineScope('guardian')!;
    expect(externalDetail('COURT_DECISION_RECORDED', { entityId: 'x', outcome: 'RETURN_ORDERED', decreeAttached: true }, scope)).toEqual({ outcome: 'RETURN_ORDERED' });
    expect(externalDetail('COURT_HEARING_SCHEDULED', { entityId: 'x', scheduledAt: '2026-12-01T09:00:00.000Z' }, scope)).toEqual({ scheduledAt: '2026-12-01T09:00:00.000Z' });
    expect(externalDetail('HANDOVER_RECORDED', { entityId: 'x', receivedByKind: 'PARENT', monitoringMonths: [1, 3, 6] }, scope)).toEqual({});
    expect(externalDetail('PROSIEGUO_RECORDED', { entityId: 'x', prosieguoUntil: '2029-01-01', docketNumber: '12/2026' }, scope)).toEqual({ prosieguoUntil: '2029-01-01' });
  });
});
