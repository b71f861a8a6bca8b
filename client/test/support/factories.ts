import type { CaseDetail, CaseSummary, CurrentUser, Organisation, User } from '@app/contracts';

let sequence = 0;
const nextId = (): string => {
  sequence += 1;
  return `00000000-0000-4000-8000-${sequence.toString(16).padStart(12, '0')}`;
};

// A date of birth that makes the person `years` old today (plus a margin of days, so a test run
// around midnight cannot flip the age).
export const dateOfBirthForAge = (years: number, now: Date = new Date()): string => {
  const date = new Date(Date.UTC(now.getFullYear() - years, now.getMonth(), now.getDate() - 10));
  return date.toISOString().slice(0, 10);
};

export const buildCurrentUser = (overrides: Partial<CurrentUser> = {}): CurrentUser => ({
  id: nextId(),
  email: 'operatrice@example.org',
  displayName: 'Giulia Rossi',
  role: 'caseworker',
  organisation: { id: nextId(), name: 'OIM Roma', type: 'IOM_UNIT' },
  ...overrides,
});

export const buildCaseSummary = (overrides: Partial<CaseSummary> = {}): CaseSummary => ({
  id: nextId(),
  caseNumber: `IF-2026-${String(sequence).padStart(4, '0')}`,
  state: 'TRACING_IN_PROGRESS',
  priority: 'NORMAL',
  minor: {
    id: nextId(),
    firstName: 'Amir',
    lastName: 'Haddad',
    sex: 'M',
    nationality: 'TN',
    dateOfBirth: dateOfBirthForAge(16),
  },
  updatedAt: '2026-11-22T10:00:00.000Z',
  ...overrides,
});

export const buildCaseDetail = (overrides: Partial<CaseDetail> = {}): CaseDetail => ({
  ...buildCaseSummary(),
  version: 3,
  channel: 'DG_MLPS',
  requestDate: '2026-10-01',
  createdAt: '2026-10-02T09:30:00.000Z',
  transitions: [],
  ...overrides,
});

export const buildOrganisation = (overrides: Partial<Organisation> = {}): Organisation => ({
  id: nextId(),
  name: 'OIM Roma',
  type: 'IOM_UNIT',
  country: null,
  municipality: null,
  district: null,
  createdAt: '2026-01-10T08:00:00.000Z',
  ...overrides,
});

export const buildUser = (overrides: Partial<User> = {}): User => ({
  id: nextId(),
  email: 'utente@example.org',
  displayName: 'Marco Bianchi',
  role: 'caseworker',
  organisationId: nextId(),
  organisationName: 'OIM Roma',
  active: true,
  createdAt: '2026-02-01T08:00:00.000Z',
  ...overrides,
});
