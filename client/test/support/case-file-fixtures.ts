import type { AvailableTransition, CaseDetail, CaseFile, Consent, FamilyMember, RiskCheck } from '@app/contracts';
import { buildCaseDetail, dateOfBirthForAge } from './factories';

let sequence = 0;
const nextId = (prefix: string): string => {
  sequence += 1;
  return `${prefix}-0000-4000-8000-${sequence.toString(16).padStart(12, '0')}`;
};

// A case as GET /api/cases/:caseId answers it, every field of the contract filled in.
export const buildCaseFileCase = (overrides: Partial<CaseDetail> = {}): CaseDetail => {
  const base = buildCaseDetail();
  return {
    ...base,
    id: nextId('c0000000'),
    caseNumber: 'IF-2026-0100',
    state: 'SCREENING',
    version: 4,
    assignedCaseworker: null,
    requestingAuthority: null,
    overdue: false,
    dgProtocolNo: null,
    reopenCount: 0,
    guardian: null,
    socialServices: null,
    minor: {
      id: nextId('d0000000'),
      firstName: 'Amir',
      lastName: 'Haddad',
      aliases: [],
      sex: 'M',
      nationality: 'TN',
      languages: ['ar'],
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
      vulnerabilities: [],
      prosieguoUntil: null,
      version: 1,
    },
    transitions: [],
    ...overrides,
  };
};

export const buildTransition = (overrides: Partial<AvailableTransition> = {}): AvailableTransition => ({
  id: 'approve_tracing',
  to: 'READY_FOR_TRACING',
  allowedForYou: true,
  firedBy: ['caseworker', 'supervisor'],
  needsReason: false,
  unmet: [],
  ...overrides,
});

export const buildConsent = (overrides: Partial<Consent> = {}): Consent => ({
  id: nextId('e0000000'),
  subject: 'MINOR',
  familyMemberId: null,
  scope: 'TRACING',
  language: 'Arabo tunisino',
  mediatorPresent: true,
  mediatorName: 'Samir Ben Ali',
  informedBy: 'Giulia Rossi',
  minorWords: 'Voglio che cerchiate mia madre.',
  givenAt: '2026-10-05T09:00:00.000Z',
  withdrawnAt: null,
  withdrawalReason: null,
  ...overrides,
});

export const buildRiskCheck = (overrides: Partial<RiskCheck> = {}): RiskCheck => ({
  id: nextId('f0000000'),
  stage: 'PRE_TRACING',
  riskToMinor: 'Nessun rischio noto',
  riskToFamily: 'Nessun rischio noto',
  protectionStatusConflict: false,
  traffickingConcern: false,
  areaSecurity: 'Zona tranquilla',
  decision: 'PROCEED',
  mitigation: null,
  approved: false,
  approvedAt: null,
  createdAt: '2026-10-06T09:00:00.000Z',
  ...overrides,
});

export const buildFamilyMember = (overrides: Partial<FamilyMember> = {}): FamilyMember => ({
  id: nextId('a1000000'),
  relationship: 'madre',
  firstName: 'Fatma',
  lastName: 'Haddad',
  aliases: [],
  alive: 'YES',
  country: 'TN',
  locality: 'Sfax',
  address: null,
  phones: [],
  isCaregiverCandidate: true,
  safetyConcern: null,
  doNotContact: false,
  doNotContactReason: null,
  ...overrides,
});

export const buildCaseFile = (overrides: Partial<CaseFile> = {}): CaseFile => ({
  consents: [],
  riskChecks: [],
  familyMembers: [],
  ...overrides,
});
