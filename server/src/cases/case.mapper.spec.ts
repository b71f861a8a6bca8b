import { ROLES, type Role } from '@app/contracts';
import { toCaseDetail, toTimelineEntry } from './case.mapper';
import type { CaseDetailRow, TimelineRow } from './cases.repository';
import { timelineScope } from './timeline.policy';

const row: CaseDetailRow = {
  id: '00000000-0000-4000-8000-000000000001',
  case_number: 'IF-2026-0041',
  state: 'SCREENING',
  priority: 'HIGH',
  channel: 'DG_MLPS',
  request_date: '2026-10-01',
  version: 3,
  state_before_hold: null,
  created_at: new Date('2026-10-01T09:00:00Z'),
  updated_at: new Date('2026-10-02T09:00:00Z'),
  minor_id: '00000000-0000-4000-8000-000000000002',
  first_name: 'Lamin',
  last_name: 'Jallow',
  sex: 'M',
  nationality: 'GM',
  date_of_birth: '2010-01-01',
  assigned_caseworker: { id: '00000000-0000-4000-8000-000000000003', name: 'Marco Bellini' },
  requesting_authority: { id: '00000000-0000-4000-8000-000000000004', name: 'Comune di Palermo', type: 'SOCIAL_SERVICES' },
  overdue: false,
  risk_level: 'HIGH',
  dg_protocol_no: 'DG-1',
  internal_notes: 'INTERNAL',
  reopen_count: 0,
  guardian: null,
  social_services: null,
  aliases: ['Lamin Diallo'],
  languages: ['Mandinka'],
  dob_basis: 'AGE_ASSESSMENT',
  age_assessment_min: 15,
  age_assessment_max: 17,
  dob_is_default_jan1: true,
  presumed_minor: true,
  arrival_date: null,
  arrival_mode: 'SEA',
  region: 'Sicilia',
  municipality: 'Palermo',
  reception_facility: null,
  reception_type: 'SAI',
  legal_status: null,
  asylum_applicant: true,
  trafficking_indicators: 'TRAFFICKING',
  health_notes: 'HEALTH',
  vulnerabilities: [],
  prosieguo_until: null,
  minor_version: 2,
};

describe('case detail projection', () => {
  it.each(ROLES.map((r) => [r]))('gives internal notes and the risk level to IOM staff only (%s)', (role: Role) => {
    const detail = toCaseDetail(row, [], role);
    const staff = role === 'supervisor' || role === 'caseworker';
    expect('internalNotes' in detail).toBe(staff);
    expect('riskLevel' in detail).toBe(staff);
    expect(JSON.stringify(detail).includes('INTERNAL')).toBe(staff);
  });

  it('leaves health and trafficking details out of a court’s view, not a guardian’s', () => {
    expect(toCaseDetail(row, [], 'court').minor).not.toHaveProperty('healthNotes');
    expect(toCaseDetail(row, [], 'court').minor).not.toHaveProperty('traffickingIndicators');
    expect(toCaseDetail(row, [], 'guardian').minor).toMatchObject({ healthNotes: 'HEALTH', traffickingIndicators: 'TRAFFICKING' });
  });
});

describe('timeline entries', () => {
  const entry = (overrides: Partial<TimelineRow>): TimelineRow => ({
    id: '7',
    at: new Date('2026-10-02T09:00:00Z'),
    kind: 'TRANSITION',
    from_state: 'SCREENING',
    to_state: 'ON_HOLD',
    reason: 'Minor absconded from the facility in Palermo',
    detail: { transition: 'put_on_hold' },
    actor_id: '00000000-0000-4000-8000-000000000003',
    actor_name: 'Marco Bellini',
    actor_role: 'caseworker',
    ...overrides,
  });

  it('shows IOM staff the entry as recorded', () => {
    expect(toTimelineEntry(entry({}), timelineScope('caseworker'))).toMatchObject({ reason: 'Minor absconded from the facility in Palermo', detail: { transition: 'put_on_hold' }, actor: { name: 'Marco Bellini' } });
  });

  it('withholds the reason and the internal detail from external users', () => {
    for (const role of ['guardian', 'social_services', 'court'] as const) {
      expect(toTimelineEntry(entry({}), timelineScope(role))).toMatchObject({ toState: 'ON_HOLD', reason: null, detail: {} });
    }
  });

  it('never names a field officer to external users', () => {
    const fieldEntry = entry({ kind: 'CONSENT_RECORDED', actor_role: 'field_officer', actor_name: 'Nour', detail: { subject: 'FAMILY_MEMBER', scope: 'INTERVIEW', entityId: 'x' } });
    expect(toTimelineEntry(fieldEntry, timelineScope('guardian'))).toMatchObject({ actor: null, detail: { subject: 'FAMILY_MEMBER', scope: 'INTERVIEW' } });
    expect(toTimelineEntry(fieldEntry, timelineScope('supervisor')).actor).toMatchObject({ name: 'Nour' });
  });

  it('lists only the non-internal fields of an edit to external users', () => {
    const edit = entry({ kind: 'CASE_UPDATED', detail: { fields: ['priority', 'internalNotes', 'riskLevel'], changes: { priority: { from: 'LOW', to: 'HIGH' } } } });
    expect(toTimelineEntry(edit, timelineScope('social_services')).detail).toEqual({ fields: ['priority'] });
    const minorEdit = entry({ kind: 'MINOR_UPDATED', detail: { fields: ['healthNotes', 'municipality'], changes: {} } });
    expect(toTimelineEntry(minorEdit, timelineScope('court')).detail).toEqual({ fields: ['municipality'] });
    expect(toTimelineEntry(minorEdit, timelineScope('guardian')).detail).toEqual({ fields: ['healthNotes', 'municipality'] });
  });
});
