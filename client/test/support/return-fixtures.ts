import type {
  AssistanceItem,
  DocumentMeta,
  Report,
  ReportVersion,
  CourtDecision,
  CourtHearing,
  CourtProceeding,
  Handover,
  MonitoringVisit,
  ReintegrationPlan,
  ReturnFile,
  TravelPlan,
} from '@app/contracts';

let sequence = 0;
export const returnId = (prefix = '9f000000'): string => {
  sequence += 1;
  return `${prefix}-0000-4000-8000-${sequence.toString(16).padStart(12, '0')}`;
};

// GET /api/cases/:caseId/return with nothing recorded yet; tests fill the parts they look at.
export const buildReturnFile = (caseId: string, overrides: Partial<ReturnFile> = {}): ReturnFile => ({
  caseId,
  eighteenthBirthday: '2027-09-15',
  prosieguoUntil: null,
  avrRequest: { minorRequest: null, guardianConsent: null },
  counsellingSessions: [],
  reintegrationPlan: null,
  court: { proceedings: [], prosieguoUntil: null },
  travelPlan: null,
  handover: null,
  monitoringVisits: [],
  durableSolutions: [],
  reports: [],
  ...overrides,
});

export const buildItem = (overrides: Partial<AssistanceItem> = {}): AssistanceItem => ({
  id: returnId('1a000000'),
  objectiveId: null,
  dimension: 'SOCIAL',
  level: 'INDIVIDUAL',
  type: 'SCHOOL_ENROLMENT',
  description: 'Tasse e libri di scuola',
  provider: 'Scuola pubblica di Kafr el-Sheikh',
  budgetEur: 450,
  inKind: true,
  plannedOn: '2027-01-10',
  status: 'PLANNED',
  deliveredOn: null,
  note: null,
  ...overrides,
});

export const buildPlan = (overrides: Partial<ReintegrationPlan> = {}): ReintegrationPlan => ({
  id: returnId('1b000000'),
  version: 3,
  draftedPreDeparture: true,
  assessmentsDone: { vulnerability: true, risk: true, family: true, skills: false, rssBaseline: false },
  needsAndSkills: 'Vuole finire la scuola secondaria; sa riparare motorini.',
  familySituation: 'Madre e due fratelli; reddito irregolare.',
  minorViews: 'Voglio studiare e aiutare mia madre.',
  minorViewsLanguage: 'Arabo (egiziano)',
  mediatorName: 'Samir',
  objectives: [],
  assistanceItems: [],
  totalBudgetEur: 0,
  approved: false,
  approvedVersionNo: null,
  updatedAt: '2026-11-20T10:00:00.000Z',
  ...overrides,
});

export const buildHearing = (overrides: Partial<CourtHearing> = {}): CourtHearing => ({
  id: returnId('1c000000'),
  scheduledAt: '2026-11-10T09:30:00.000Z',
  note: null,
  heldAt: null,
  minorHeard: null,
  guardianHeard: null,
  interpreterName: null,
  interpreterLanguage: null,
  notes: null,
  ...overrides,
});

export const buildDecision = (overrides: Partial<CourtDecision> = {}): CourtDecision => ({
  id: returnId('1d000000'),
  outcome: 'RETURN_ORDERED',
  decidedOn: '2026-11-12',
  reasonsSummary: 'Sentiti il minore e il tutore.',
  decreeDocumentId: null,
  appealDeadline: null,
  prosieguoUntil: null,
  recordedAt: '2026-11-12T12:00:00.000Z',
  ...overrides,
});

export const buildProceeding = (overrides: Partial<CourtProceeding> = {}): CourtProceeding => ({
  id: returnId('1e000000'),
  kind: 'AVR_ART8',
  court: { id: returnId('1f000000'), name: 'Tribunale per i minorenni di Milano' },
  docketNumber: '1234/2026',
  filedBy: 'GUARDIAN',
  filedByName: 'Paola Riva',
  filedOn: '2026-11-01',
  documentsBeforeCourt: { familyAssessmentReportId: returnId('2a000000'), socialServicesReportDocumentId: returnId('2b000000'), reintegrationProposal: true, otherDocumentIds: [] },
  hearings: [],
  decision: null,
  createdAt: '2026-11-01T10:00:00.000Z',
  ...overrides,
});

export const buildTravelPlan = (overrides: Partial<TravelPlan> = {}): TravelPlan => ({
  id: returnId('2c000000'),
  version: 2,
  receivingCaregiver: { id: returnId('2d000000'), name: 'Fatma Ibrahim', relationship: 'MOTHER' },
  airportCollection: true,
  caregiverAcceptanceConsentId: null,
  receivingMission: { id: returnId('2e000000'), name: 'OIM Missione Egitto (Il Cairo)' },
  travelDocumentType: 'LAISSEZ_PASSER',
  travelDocumentReady: true,
  travelDocumentId: null,
  consularContact: false,
  fitToTravel: true,
  fitnessAssessedOn: '2026-11-15',
  fitnessAssessedBy: 'Dr. Rossi',
  escortRequired: true,
  escortName: 'Luca Verdi',
  escortRole: 'Operatore OIM',
  escortWaiver: null,
  itinerary: 'Milano Malpensa → Il Cairo',
  plannedDeparture: '2026-12-10T08:00:00.000Z',
  eighteenthBirthday: '2027-09-15',
  departureBeforeEighteen: true,
  updatedAt: '2026-11-20T10:00:00.000Z',
  ...overrides,
});

export const buildHandover = (overrides: Partial<Handover> = {}): Handover => ({
  id: returnId('2f000000'),
  arrivedAt: '2026-06-01T14:00:00.000Z',
  place: 'Aeroporto del Cairo',
  receivedByName: 'Fatma Ibrahim',
  receivedByKind: 'PARENT',
  receivedByFamilyMemberId: null,
  protocolDocumentId: returnId('3a000000'),
  signedBy: ['Luca Verdi', 'Nour El-Sayed', 'Fatma Ibrahim'],
  notes: null,
  recordedAt: '2026-06-01T15:00:00.000Z',
  ...overrides,
});

export const buildVisit = (overrides: Partial<MonitoringVisit> = {}): MonitoringVisit => ({
  id: returnId('3b000000'),
  seq: 1,
  plannedOn: '2026-07-01',
  monthOffset: 1,
  extraReason: null,
  status: 'PLANNED',
  visitedOn: null,
  mode: null,
  officer: null,
  childSeenAlone: null,
  wellbeing: null,
  protectionConcerns: null,
  assistanceDelivered: [],
  sustainabilityScores: null,
  sustainabilityIndex: null,
  notes: null,
  cancelReason: null,
  escalation: null,
  reportId: null,
  ...overrides,
});

// A report as GET /api/cases/:caseId/reports lists it, with one version.
export const buildReturnReport = (caseId: string, overrides: Partial<Report> = {}, version: Partial<ReportVersion> = {}): Report => ({
  id: returnId('3c000000'),
  caseId,
  kind: 'FAMILY_ASSESSMENT',
  createdAt: '2026-10-20T09:00:00.000Z',
  currentVersionNo: 1,
  released: true,
  latestReleasedVersionNo: 1,
  versions: [
    {
      id: returnId('3d000000'),
      versionNo: 1,
      status: 'RELEASED',
      originalLanguage: 'Inglese',
      sectionsOriginal: {},
      sectionsIt: {},
      lockVersion: 1,
      missingSections: { original: [], it: [] },
      prefilledFrom: null,
      draftedBy: { id: returnId('3e000000'), displayName: 'Giulia Rossi' },
      createdAt: '2026-10-20T09:00:00.000Z',
      updatedAt: '2026-10-21T09:00:00.000Z',
      submittedBy: null,
      submittedAt: null,
      qa: null,
      approvedBy: null,
      approvedAt: null,
      contentSha256: null,
      releasedBy: null,
      releasedAt: null,
      disclosures: [],
      ...version,
    },
  ],
  ...overrides,
});

export const buildReturnDocument = (caseId: string, overrides: Partial<DocumentMeta> = {}): DocumentMeta => ({
  id: returnId('3f000000'),
  caseId,
  tracingRequestId: null,
  type: 'SOCIAL_SERVICES_REPORT',
  title: 'Relazione servizi sociali',
  language: 'italiano',
  sensitivity: 'SPECIAL',
  origin: 'RECEIVED',
  translationOf: null,
  fileName: 'relazione.pdf',
  mediaType: 'application/pdf',
  sizeBytes: 24_000,
  sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  uploadedBy: { id: returnId('4b000000'), displayName: 'Giulia Rossi' },
  uploadedAt: '2026-10-05T09:00:00.000Z',
  ...overrides,
});

// XMLHttpRequest as an upload sees it (lib/upload.ts): the test drives the answer.
export class FakeXhr {
  static instances: FakeXhr[] = [];
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: FormData | null = null;
  status = 0;
  responseText = '';
  upload: { onprogress: ((event: ProgressEvent) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;

  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  getResponseHeader() {
    return 'application/json';
  }
  send(body: FormData) {
    this.body = body;
    FakeXhr.instances.push(this);
  }
  abort() {
    this.onabort?.();
  }
  respond(status: number, body: unknown) {
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.onload?.();
  }
}
