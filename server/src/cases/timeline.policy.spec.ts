import { ROLES } from '@app/contracts';
import { EXTERNAL_TIMELINE_KINDS, timelineScope } from './timeline.policy';

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
    expect(scope.caseFields).not.toContain('internalNotes');
    expect(scope.caseFields).not.toContain('riskLevel');
    expect(scope.caseFields).toContain('priority');
    expect(timelineScope('court')!.minorFields).not.toContain('healthNotes');
    expect(timelineScope('guardian')!.minorFields).toContain('healthNotes');
  });
});
