import type { CaseTracing, ContactAttempt, FamilyAssessment, FamilyConsent, TracingPacket, TracingRequestDetail, TracingRequestSummary } from '@app/contracts';

let sequence = 0;
const nextId = (prefix: string): string => {
  sequence += 1;
  return `${prefix}-0000-4000-8000-${sequence.toString(16).padStart(12, '0')}`;
};

// Fixed ids, so that tests can name the relatives.
export const MOTHER_ID = 'a2000000-0000-4000-8000-000000000001';
export const SISTER_ID = 'a2000000-0000-4000-8000-000000000002';
export const UNCLE_ID = 'a2000000-0000-4000-8000-000000000003';
export const MISSION_ID = 'b2000000-0000-4000-8000-000000000001';

const inDays = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString();

// A packet as the server builds it: a target (the mother), another relative (the sister, no
// contact details) and a "do not contact" uncle.
export const buildPacket = (overrides: Partial<TracingPacket> = {}): TracingPacket => ({
  schemaVersion: 1,
  generatedAt: inDays(-10),
  targetCountry: 'EG',
  minor: {
    firstName: 'Mohamed',
    lastName: 'Ibrahim',
    aliases: ['Hamada'],
    sex: 'M',
    dateOfBirth: '2009-01-01',
    dobBasis: 'DECLARED',
    dobIsDefaultJan1: true,
    nationality: 'EG',
    languages: ['ar'],
  },
  targetMembers: [
    {
      id: MOTHER_ID,
      relationship: 'madre',
      firstName: 'Amina',
      lastName: 'Ibrahim',
      aliases: ['Umm Mohamed'],
      alive: 'YES',
      country: 'EG',
      locality: 'Kafr El-Sheikh',
      address: '12 Nile Street',
      phones: ['+20 100 555 0101'],
    },
  ],
  otherMembers: [
    { id: SISTER_ID, relationship: 'sorella', firstName: 'Fatma', lastName: 'Ibrahim', aliases: [], alive: 'YES', country: 'EG', locality: 'Kafr El-Sheikh' },
  ],
  doNotContact: [{ id: UNCLE_ID, relationship: 'zio', firstName: 'Khaled', lastName: 'Ibrahim', warning: 'DO_NOT_CONTACT' }],
  questions: ['La madre può prendersi cura di lui?', 'Chi ha pagato il viaggio?'],
  minorConsent: { consentId: nextId('c2000000'), givenAt: inDays(-12), language: 'Arabo egiziano', mediatorPresent: true },
  safety: {
    notes: 'Non nominare lo zio; telefonare prima di andare.',
    riskCheckId: nextId('d2000000'),
    decision: 'PROCEED_WITH_MITIGATION',
    mitigation: 'Incontrare solo la madre',
    approvedAt: inDays(-11),
  },
  ...overrides,
});

export const buildTracingSummary = (overrides: Partial<TracingRequestSummary> = {}): TracingRequestSummary => ({
  id: nextId('e2000000'),
  caseId: nextId('f2000000'),
  status: 'SENT',
  targetCountry: 'EG',
  sentAt: inDays(-10),
  dueAt: inDays(20),
  overdue: false,
  outcome: null,
  cancelledAt: null,
  minorDisplayName: 'Mohamed Ibrahim',
  targetMemberCount: 1,
  contactAttemptCount: 0,
  ...overrides,
});

export const buildAttempt = (overrides: Partial<ContactAttempt> = {}): ContactAttempt => ({
  id: nextId('a3000000'),
  attemptedAt: inDays(-5),
  channel: 'PHONE',
  result: 'Nessuna risposta',
  familyMemberId: MOTHER_ID,
  recordedAt: inDays(-5),
  ...overrides,
});

export const buildFamilyConsent = (overrides: Partial<FamilyConsent> = {}): FamilyConsent => ({
  id: nextId('a4000000'),
  familyMemberId: MOTHER_ID,
  tracingRequestId: null,
  scope: 'INTERVIEW',
  language: 'Arabo',
  mediatorPresent: false,
  mediatorName: null,
  informedBy: 'Nour El-Sayed',
  givenAt: inDays(-3),
  withdrawnAt: null,
  ...overrides,
});

export const buildAssessment = (overrides: Partial<FamilyAssessment> = {}): FamilyAssessment => ({
  id: nextId('a5000000'),
  tracingRequestId: nextId('e2000000'),
  interviewDate: new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10),
  interviewMode: 'HOME_VISIT',
  personsPresent: ['Amina Ibrahim (madre)'],
  languageOriginal: 'Arabo',
  sections: { household: 'الأم وثلاثة أطفال', housing: 'Two rooms, rented' },
  writtenBy: 'Nour El-Sayed',
  version: 1,
  createdAt: inDays(-2),
  updatedAt: inDays(-2),
  ...overrides,
});

export const buildTracingDetail = (overrides: Partial<TracingRequestDetail> = {}): TracingRequestDetail => ({
  id: nextId('e2000000'),
  caseId: nextId('f2000000'),
  status: 'SENT',
  targetCountry: 'EG',
  mission: { id: MISSION_ID, name: 'OIM Il Cairo' },
  sentAt: inDays(-10),
  dueAt: inDays(20),
  overdue: false,
  outcome: null,
  outcomeNotes: null,
  outcomeRecordedAt: null,
  interviewMode: null,
  cancelledAt: null,
  cancelReason: null,
  packetSha256: 'ab'.repeat(32),
  packet: buildPacket(),
  contactAttempts: [],
  familyConsents: [],
  assessment: null,
  ...overrides,
});

export const buildCaseTracing = (overrides: Partial<CaseTracing> = {}): CaseTracing => ({
  requests: [],
  familyConsents: [],
  assessment: null,
  ...overrides,
});
