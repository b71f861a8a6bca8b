import type {
  ApprovalItem,
  CaseDetail,
  CaseSummary,
  CurrentUser,
  Dashboard,
  DashboardTask,
  DirectoryOrganisation,
  DirectoryUser,
  MinorProfile,
  MinorSearchCandidate,
  Organisation,
  TurningEighteen,
  User,
} from '@app/contracts';

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
  assignedCaseworker: { id: nextId(), name: 'Giulia Rossi' },
  requestingAuthority: { id: nextId(), name: 'Comune di Palermo – Servizi sociali', type: 'SOCIAL_SERVICES' },
  overdue: false,
  ...overrides,
});

// The minor's full profile, as GET /api/cases/:caseId carries it.
export const buildMinorProfile = (overrides: Partial<MinorProfile> = {}): MinorProfile => ({
  id: nextId(),
  firstName: 'Amir',
  lastName: 'Haddad',
  aliases: [],
  sex: 'M',
  nationality: 'TN',
  languages: ['arabo'],
  dateOfBirth: dateOfBirthForAge(16),
  dobBasis: 'DECLARED',
  ageAssessmentMin: null,
  ageAssessmentMax: null,
  dobIsDefaultJan1: false,
  presumedMinor: true,
  arrivalDate: null,
  arrivalMode: null,
  region: null,
  municipality: null,
  receptionFacility: null,
  receptionType: null,
  legalStatus: null,
  asylumApplicant: false,
  traffickingIndicators: null,
  healthNotes: null,
  vulnerabilities: [],
  prosieguoUntil: null,
  version: 1,
  ...overrides,
});

export const buildCaseDetail = (overrides: Partial<CaseDetail> = {}): CaseDetail => ({
  ...buildCaseSummary(),
  minor: buildMinorProfile(),
  version: 3,
  channel: 'DG_MLPS',
  requestDate: '2026-10-01',
  createdAt: '2026-10-02T09:30:00.000Z',
  dgProtocolNo: null,
  reopenCount: 0,
  guardian: null,
  socialServices: null,
  riskLevel: 'UNKNOWN',
  internalNotes: null,
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

export const buildDirectoryOrganisation = (overrides: Partial<DirectoryOrganisation> = {}): DirectoryOrganisation => ({
  id: nextId(),
  name: 'Comune di Palermo – Servizi sociali per minori',
  type: 'SOCIAL_SERVICES',
  ...overrides,
});

export const buildDirectoryUser = (overrides: Partial<DirectoryUser> = {}): DirectoryUser => ({
  id: nextId(),
  name: 'Laura Verdi',
  role: 'guardian',
  organisationName: 'Tutori volontari – Palermo',
  ...overrides,
});

// A likely duplicate from POST /api/minors/search.
export const buildMinorCandidate = (overrides: Partial<MinorSearchCandidate> = {}): MinorSearchCandidate => ({
  minorId: nextId(),
  firstName: 'Mohamed',
  lastName: 'Fofana',
  dateOfBirth: '2009-06-15',
  dobIsDefaultJan1: false,
  nationality: 'GN',
  score: 0.87,
  reasons: [{ code: 'NAME_SIMILARITY', value: 0.82 }, { code: 'DOB_EXACT' }],
  cases: [],
  otherCases: 0,
  ...overrides,
});

export const buildDashboardTask = (overrides: Partial<DashboardTask> = {}): DashboardTask => ({
  id: nextId(),
  caseId: nextId(),
  caseNumber: 'IF-2026-0007',
  minor: { firstName: 'Amir', lastName: 'Haddad' },
  rule: 'screening_sla',
  titleKey: 'dashboard.taskRules.screening_sla',
  title: 'Start screening the request',
  dueAt: '2026-11-20T09:00:00.000Z',
  source: 'SLA',
  ...overrides,
});

export const buildTurningEighteen = (overrides: Partial<TurningEighteen> = {}): TurningEighteen => ({
  caseId: nextId(),
  caseNumber: 'IF-2026-0011',
  state: 'SCREENING',
  minorId: nextId(),
  firstName: 'Lamin',
  lastName: 'Jallow',
  dateOfBirth: '2009-01-01',
  dobIsDefaultJan1: false,
  eighteenthBirthday: '2027-01-01',
  daysLeft: 20,
  prosieguoUntil: null,
  ...overrides,
});

export const buildApprovalItem = (overrides: Partial<ApprovalItem> = {}): ApprovalItem => ({
  kind: 'REPORT_APPROVAL',
  caseId: nextId(),
  caseNumber: 'IF-2026-0020',
  state: 'REPORT_QA',
  minor: { firstName: 'Blerim', lastName: 'Hoxha' },
  riskCheckId: null,
  since: '2026-11-18T08:00:00.000Z',
  ...overrides,
});

const emptyBucket = { count: 0, items: [] };

// GET /api/dashboard with nothing in it; tests fill the parts they look at.
export const buildDashboard = (overrides: Partial<Dashboard> = {}): Dashboard => ({
  generatedAt: '2026-11-22T08:00:00.000Z',
  casesByState: [],
  openCases: 0,
  tasks: { overdue: emptyBucket, dueThisWeek: emptyBucket },
  turningEighteen: { within30: emptyBucket, within90: emptyBucket, within180: emptyBucket, reached: emptyBucket },
  approvals: emptyBucket,
  ...overrides,
});
