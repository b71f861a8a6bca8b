import type {
  AuditEventView,
  DisclosureRegisterEntry,
  DocumentMeta,
  InboxItem,
  InboxPage,
  MinorView,
  PortalCase,
  PortalConsent,
  StatsCell,
  StatsCells,
  StatsReport,
  StatsRow,
} from '@app/contracts';
import { STATS_MEASURES } from '@app/contracts';

// Issue 5's answers (inbox, portal case page, statistics, DPO views), every contract field filled.
let sequence = 0;
export const portalId = (prefix: string): string => {
  sequence += 1;
  return `${prefix}-0000-4000-8000-${sequence.toString(16).padStart(12, '0')}`;
};

const person = (displayName: string) => ({ id: portalId('0e000000'), displayName });

export const buildInboxItem = (overrides: Partial<InboxItem> = {}): InboxItem => {
  const reportId = portalId('0d000000');
  return {
    id: portalId('0f000000'),
    report: { id: reportId, kind: 'FAMILY_ASSESSMENT', versionNo: 1, contentSha256: 'a'.repeat(64) },
    case: { id: portalId('c0000000'), caseNumber: 'IF-2026-0015', minorName: 'Bohdan Bondarenko' },
    recipientName: 'Tutore volontario',
    personal: true,
    purpose: 'Valutazione del superiore interesse del minore',
    legalBasis: 'Art. 19 c. 7-bis d.lgs. 142/2015',
    releasedAt: '2026-10-20T09:00:00.000Z',
    readAt: null,
    readBy: null,
    acknowledgedAt: null,
    acknowledgedBy: null,
    pdfUrl: `/api/reports/${reportId}/pdf?version=1`,
    ...overrides,
  };
};

export const inboxPage = (items: InboxItem[], overrides: Partial<InboxPage> = {}): InboxPage => ({
  items,
  nextCursor: null,
  counts: {
    total: items.length,
    unread: items.filter((item) => !item.readAt).length,
    unacknowledged: items.filter((item) => !item.acknowledgedAt).length,
  },
  ...overrides,
});

export const buildPortalConsent = (overrides: Partial<PortalConsent> = {}): PortalConsent => ({
  id: portalId('1c000000'),
  subject: 'MINOR',
  scope: 'TRACING',
  language: 'Arabo',
  givenAt: '2026-09-10T10:00:00.000Z',
  withdrawnAt: null,
  givenByYou: false,
  ...overrides,
});

export const buildMinorView = (overrides: Partial<MinorView> = {}): MinorView => ({
  id: portalId('1d000000'),
  context: 'GENERAL',
  words: 'Voglio finire la scuola a Milano.',
  language: 'Arabo',
  mediatorPresent: true,
  mediatorName: 'Samir',
  expressedOn: '2026-10-01',
  relayedBy: { id: portalId('0e000000'), displayName: 'Paola Riva', role: 'guardian' },
  recordedAt: '2026-10-01T12:00:00.000Z',
  ...overrides,
});

export const buildPortalDocument = (caseId: string, overrides: Partial<DocumentMeta> = {}): DocumentMeta => ({
  id: portalId('1e000000'),
  caseId,
  tracingRequestId: null,
  type: 'SOCIAL_SERVICES_REPORT',
  title: 'Relazione dei servizi sociali',
  language: 'italiano',
  sensitivity: 'STD',
  origin: 'RECEIVED',
  translationOf: null,
  fileName: 'relazione.pdf',
  mediaType: 'application/pdf',
  sizeBytes: 120_000,
  sha256: 'b'.repeat(64),
  uploadedBy: person('Laura Colombo'),
  uploadedAt: '2026-10-05T09:00:00.000Z',
  ...overrides,
});

export const buildPortalCase = (caseId: string, overrides: Partial<PortalCase> = {}): PortalCase => ({
  id: caseId,
  caseNumber: 'IF-2026-0015',
  state: 'AWAITING_SOLUTION',
  updatedAt: '2026-10-20T09:00:00.000Z',
  minor: { firstName: 'Bohdan', lastName: 'Bondarenko', sex: 'M', nationality: 'UA', dateOfBirth: '2009-03-01', eighteenthBirthday: '2027-03-01' },
  courtProceedings: [],
  reports: [],
  documents: [],
  consents: [],
  prosieguoRequests: [],
  minorViews: [],
  ...overrides,
});

const cell = (value: number | null, suppressed = false): StatsCell => ({ value: suppressed ? null : value, suppressed });

// Every measure with the same count, then the overrides.
export const buildStatsCells = (value: number, overrides: Partial<StatsCells> = {}): StatsCells =>
  ({ ...Object.fromEntries(STATS_MEASURES.map((measure) => [measure.key, cell(value)])), ...overrides }) as StatsCells;

export const suppressedCell = (): StatsCell => cell(null, true);
export const valueCell = (value: number): StatsCell => cell(value);

export const buildStatsReport = (overrides: Partial<StatsReport> = {}, rows: StatsRow[] = []): StatsReport => ({
  generatedAt: '2026-11-22T08:00:00.000Z',
  from: '2025-11-23',
  to: '2026-11-22',
  breakdown: 'none',
  period: 'month',
  minCellSize: 5,
  measures: STATS_MEASURES.map((measure) => ({ key: measure.key, kind: measure.kind })),
  rows,
  total: buildStatsCells(12),
  ...overrides,
});

export const buildAuditEvent = (overrides: Partial<AuditEventView> = {}): AuditEventView => ({
  seq: 1042,
  at: '2026-11-20T10:15:30.000Z',
  actor: { id: portalId('0e000000'), displayName: 'Marco Bellini', role: 'caseworker' },
  action: 'CASE_VIEWED',
  entityType: 'case',
  entityId: portalId('c0000000'),
  caseId: portalId('c0000000'),
  caseNumber: 'IF-2026-0007',
  detail: {},
  ip: '10.0.0.7',
  ...overrides,
});

export const buildRegisterEntry = (overrides: Partial<DisclosureRegisterEntry> = {}): DisclosureRegisterEntry => ({
  id: portalId('0f000000'),
  caseId: portalId('c0000000'),
  caseNumber: 'IF-2026-0015',
  report: { id: portalId('0d000000'), kind: 'FAMILY_ASSESSMENT', versionNo: 1 },
  recipientName: 'Comune di Milano – Servizi sociali per minori',
  recipientOrganisationId: portalId('0a000000'),
  recipientUserId: null,
  purpose: 'Valutazione del superiore interesse del minore',
  legalBasis: 'Art. 19 c. 7-bis d.lgs. 142/2015',
  familyConsentId: portalId('1c000000'),
  contentSha256: 'c'.repeat(64),
  releasedAt: '2026-10-20T09:00:00.000Z',
  releasedBy: person('Marco Bellini'),
  approvedBy: person('Giulia Ferri'),
  readAt: null,
  acknowledgedAt: null,
  acknowledgedBy: null,
  ...overrides,
});
