import { z } from 'zod';
import { IdSchema, IsoDateSchema, IsoDateTimeSchema } from './common';
import { ConsentSchema } from './case-file';
import { DocumentMediaTypeSchema, type DocumentType } from './documents';
import type { CaseState } from './workflow';

// Part 2 of the case file (issue 4; domain.md §1.1 art. 8 and art. 13, §3.8–§3.12, §4 transitions
// 14–21, §5, §9): the minor's voluntary return request and the guardian's consent, counselling,
// the reintegration plan, the proceeding before the juvenile court (IOM provides evidence, the
// court decides), the AVR travel plan, the hand-over, post-return monitoring, the durable-solution
// decision and the continuation of support after 18 (prosieguo).
//
// Input schemas are strict; refinements carry params.code. Dates are YYYY-MM-DD (IsoDate), moments
// ISO date-times with offset.

const Text = (max: number) => z.string().trim().min(3).max(max);
const Name = z.string().trim().min(2).max(200);
const Language = z.string().trim().min(2).max(40);
const required = (message: string) => ({ message, params: { code: 'required' } });

// ---------------------------------------------------------------------------------------------
// Configuration (domain §3.12 [design], §9)

// Monitoring visits scheduled at hand-over, in months after it (default +1, +3, +6). A vulnerable
// case may get a longer schedule at hand-over and extra visits later.
export const DEFAULT_MONITORING_MONTHS = [1, 3, 6] as const;
// Post-return monitoring lasts at least this long (domain §1.2, §9: ≥ 6 months).
export const MIN_MONITORING_MONTHS = 6;

// Where each return record can be written (the server refuses it elsewhere with 409; the SPA offers
// the form only there). One list each, for both.
export const AVR_REQUEST_STATES: readonly CaseState[] = ['AWAITING_SOLUTION', 'AVR_REQUESTED', 'AVR_COUNSELLING'];
export const COUNSELLING_STATES: readonly CaseState[] = ['AVR_REQUESTED', 'AVR_COUNSELLING', 'COURT_PENDING', 'COURT_APPROVED', 'AVR_PREPARATION'];
export const PLAN_STATES: readonly CaseState[] = ['AVR_REQUESTED', 'AVR_COUNSELLING', 'COURT_PENDING', 'COURT_APPROVED', 'AVR_PREPARATION', 'IN_TRANSIT', 'HANDED_OVER', 'REINTEGRATION', 'MONITORING'];
// The filing is recorded while counselling; hearings and the decision while the petition is before the court.
export const BEFORE_COURT_STATES: readonly CaseState[] = ['AVR_COUNSELLING', 'COURT_PENDING'];
export const TRAVEL_PLAN_STATES: readonly CaseState[] = ['COURT_APPROVED', 'AVR_PREPARATION'];
export const RETURNED_STATES: readonly CaseState[] = ['HANDED_OVER', 'REINTEGRATION', 'MONITORING'];
export const LOCAL_SOLUTION_STATES: readonly CaseState[] = ['AWAITING_SOLUTION', 'COURT_REJECTED'];
export const DURABLE_SOLUTION_STATES: readonly CaseState[] = [...LOCAL_SOLUTION_STATES, ...RETURNED_STATES];

// States in which the mission in the country of origin sees a returned minor (reintegration plan,
// monitoring schedule; never the location in Italy). The mission is the travel plan's receiving one.
export const FIELD_RETURN_STATES: readonly CaseState[] = ['AVR_PREPARATION', 'IN_TRANSIT', 'HANDED_OVER', 'REINTEGRATION', 'MONITORING', 'CLOSED_REINTEGRATED'];
// ...and may record (hand-over, monitoring visits, delivered assistance) in these.
export const FIELD_RETURN_WRITE_STATES: readonly CaseState[] = ['IN_TRANSIT', 'HANDED_OVER', 'REINTEGRATION', 'MONITORING'];

// ---------------------------------------------------------------------------------------------
// Reports of part 2: produced through the report composer (server/src/reports; ADR 0006), started
// with POST /api/cases/:caseId/return-reports, then edited, checked, approved, released and
// downloaded with the /api/reports/:reportId/… endpoints. They do not move the case.

export const RETURN_REPORT_KINDS = ['REINTEGRATION_PLAN', 'AVR_OPERATIONAL_NOTE', 'HANDOVER_PROTOCOL', 'MONITORING_REPORT'] as const;
export const ReturnReportKindSchema = z.enum(RETURN_REPORT_KINDS);
export type ReturnReportKind = z.infer<typeof ReturnReportKindSchema>;

// Sections of each kind; every one must be written in the original language and in Italian before
// quality review (the server pre-fills them from the structured records).
export const RETURN_REPORT_SECTION_KEYS: Record<ReturnReportKind, readonly string[]> = {
  REINTEGRATION_PLAN: ['needsAndSkills', 'familySituation', 'objectives', 'assistance', 'timeline', 'monitoringPlan', 'minorViews'],
  AVR_OPERATIONAL_NOTE: ['courtDecision', 'itinerary', 'escort', 'receivingCaregiver', 'travelDocuments', 'handoverArrangements'],
  HANDOVER_PROTOCOL: ['handover', 'receivedBy', 'escort', 'signatures'],
  MONITORING_REPORT: ['visit', 'wellbeing', 'protectionConcerns', 'assistanceDelivered', 'sustainabilityScores', 'recommendations'],
};

// Case states in which a report of each kind can be started and its draft worked on (submitted,
// checked, approved); an approved version can be released in these states and any later one.
export const RETURN_REPORT_STATES: Record<ReturnReportKind, readonly CaseState[]> = {
  REINTEGRATION_PLAN: ['AVR_COUNSELLING', 'COURT_PENDING', 'COURT_APPROVED', 'AVR_PREPARATION', 'HANDED_OVER', 'REINTEGRATION', 'MONITORING'],
  AVR_OPERATIONAL_NOTE: ['COURT_APPROVED', 'AVR_PREPARATION', 'IN_TRANSIT'],
  HANDOVER_PROTOCOL: ['HANDED_OVER', 'REINTEGRATION', 'MONITORING'],
  MONITORING_REPORT: ['HANDED_OVER', 'REINTEGRATION', 'MONITORING'],
};

export const StartReturnReportSchema = z
  .strictObject({
    kind: ReturnReportKindSchema,
    // MONITORING_REPORT: the visit it reports on (one report per visit, recorded first).
    monitoringVisitId: IdSchema.optional(),
    // A new version of an approved or released report copies its text; true pre-fills it again from
    // the current records instead.
    fromRecords: z.boolean().default(false),
  })
  .refine((r) => r.kind !== 'MONITORING_REPORT' || Boolean(r.monitoringVisitId), { path: ['monitoringVisitId'], ...required('Name the monitoring visit') });
export type StartReturnReportInput = z.infer<typeof StartReturnReportSchema>;

export const ReturnReportRefSchema = z.object({
  reportId: IdSchema,
  kind: ReturnReportKindSchema,
  monitoringVisitId: IdSchema.nullable(),
  latestVersionNo: z.number().int(),
  latestStatus: z.string(),
  approved: z.boolean(),
  released: z.boolean(),
});
export type ReturnReportRef = z.infer<typeof ReturnReportRefSchema>;

// ---------------------------------------------------------------------------------------------
// The minor's voluntary request and the guardian's consent (§4 #14; §8 rule 4)

// Recorded by IOM staff: a MINOR consent of scope AVR_REQUEST in the minor's own words.
export const RecordAvrRequestSchema = z
  .strictObject({
    minorWords: Text(4000),
    language: Language,
    mediatorPresent: z.boolean(),
    mediatorName: Name.optional(),
    informedBy: Name,
    givenAt: IsoDateTimeSchema,
  })
  .refine((r) => !r.mediatorPresent || Boolean(r.mediatorName), { path: ['mediatorName'], ...required('Name the mediator') });
export type RecordAvrRequestInput = z.infer<typeof RecordAvrRequestSchema>;

// The guardian co-signs from their own account: a GUARDIAN consent of scope AVR_REQUEST.
export const GuardianAvrConsentSchema = z.strictObject({
  // The guardian confirms having heard the minor and supporting the request.
  confirm: z.literal(true),
  language: Language.default('Italiano'),
});
export type GuardianAvrConsentInput = z.infer<typeof GuardianAvrConsentSchema>;

// ---------------------------------------------------------------------------------------------
// Counselling with the minor (§1.2 [S18], §3.11)

export const CreateCounsellingSessionSchema = z
  .strictObject({
    heldOn: IsoDateSchema,
    counsellor: Name,
    language: Language,
    mediatorPresent: z.boolean(),
    mediatorName: Name.optional(),
    // What the minor said, in their own words (§8 rule 12).
    minorWords: Text(4000),
    topics: z.array(z.string().trim().min(2).max(200)).max(20).default([]),
    notes: z.string().trim().max(4000).optional(),
  })
  .refine((s) => !s.mediatorPresent || Boolean(s.mediatorName), { path: ['mediatorName'], ...required('Name the mediator') });
export type CreateCounsellingSessionInput = z.infer<typeof CreateCounsellingSessionSchema>;

export const CounsellingSessionSchema = z.object({
  id: IdSchema,
  heldOn: IsoDateSchema,
  counsellor: z.string(),
  language: z.string(),
  mediatorPresent: z.boolean(),
  mediatorName: z.string().nullable(),
  minorWords: z.string(),
  topics: z.array(z.string()),
  notes: z.string().nullable(),
  recordedAt: IsoDateTimeSchema,
});
export type CounsellingSession = z.infer<typeof CounsellingSessionSchema>;

// ---------------------------------------------------------------------------------------------
// Reintegration plan (§3.11; IOM Reintegration Handbook: economic, social, psychosocial dimensions
// at individual, family/community and structural levels)

export const ReintegrationDimensionSchema = z.enum(['ECONOMIC', 'SOCIAL', 'PSYCHOSOCIAL']);
export type ReintegrationDimension = z.infer<typeof ReintegrationDimensionSchema>;
export const ReintegrationLevelSchema = z.enum(['INDIVIDUAL', 'FAMILY_COMMUNITY', 'STRUCTURAL']);
export type ReintegrationLevel = z.infer<typeof ReintegrationLevelSchema>;
export const AssistanceTypeSchema = z.enum(['SCHOOL_ENROLMENT', 'VOCATIONAL_TRAINING', 'JOB_START_UP', 'MICRO_BUSINESS', 'HEALTH_MHPSS', 'FAMILY_SUPPORT', 'OTHER']);
export type AssistanceType = z.infer<typeof AssistanceTypeSchema>;
export const AssistanceStatusSchema = z.enum(['PLANNED', 'IN_PROGRESS', 'DELIVERED', 'CANCELLED']);
export type AssistanceStatus = z.infer<typeof AssistanceStatusSchema>;

const PlanAssessmentsSchema = z.strictObject({
  vulnerability: z.boolean(),
  risk: z.boolean(),
  family: z.boolean(),
  skills: z.boolean(),
  rssBaseline: z.boolean(),
});

// PUT /api/cases/:caseId/reintegration-plan: creates or replaces the plan's narrative part
// (optional If-Match: the plan's version).
export const PutReintegrationPlanSchema = z
  .strictObject({
    draftedPreDeparture: z.boolean().default(true),
    assessmentsDone: PlanAssessmentsSchema,
    needsAndSkills: Text(8000),
    familySituation: Text(8000),
    minorViews: Text(4000),
    minorViewsLanguage: Language,
    mediatorName: Name.optional(),
  });
export type PutReintegrationPlanInput = z.infer<typeof PutReintegrationPlanSchema>;

export const CreateReintegrationObjectiveSchema = z.strictObject({
  dimension: ReintegrationDimensionSchema,
  level: ReintegrationLevelSchema,
  description: Text(2000),
});
export type CreateReintegrationObjectiveInput = z.infer<typeof CreateReintegrationObjectiveSchema>;

export const CreateAssistanceItemSchema = z.strictObject({
  objectiveId: IdSchema.optional(),
  dimension: ReintegrationDimensionSchema,
  level: ReintegrationLevelSchema,
  type: AssistanceTypeSchema,
  description: Text(2000),
  provider: Name,
  // Euro, two decimals at most.
  budgetEur: z.number().min(0).max(1_000_000).multipleOf(0.01),
  // IOM Italy gives goods and services, not cash (§1.2 [S18]): in kind unless stated otherwise.
  inKind: z.boolean().default(true),
  plannedOn: IsoDateSchema.optional(),
});
export type CreateAssistanceItemInput = z.infer<typeof CreateAssistanceItemSchema>;

// Progress of an item (staff, or the receiving mission's field officer).
export const UpdateAssistanceItemSchema = z
  .strictObject({
    status: AssistanceStatusSchema,
    deliveredOn: IsoDateSchema.optional(),
    note: z.string().trim().max(2000).optional(),
  })
  .refine((u) => u.status !== 'DELIVERED' || Boolean(u.deliveredOn), { path: ['deliveredOn'], ...required('Give the delivery date') })
  .refine((u) => u.status !== 'CANCELLED' || (u.note ?? '').length >= 3, { path: ['note'], ...required('Say why the item is cancelled') });
export type UpdateAssistanceItemInput = z.infer<typeof UpdateAssistanceItemSchema>;

export const ReintegrationObjectiveSchema = z.object({
  id: IdSchema,
  dimension: ReintegrationDimensionSchema,
  level: ReintegrationLevelSchema,
  description: z.string(),
});
export type ReintegrationObjective = z.infer<typeof ReintegrationObjectiveSchema>;

export const AssistanceItemSchema = z.object({
  id: IdSchema,
  objectiveId: IdSchema.nullable(),
  dimension: ReintegrationDimensionSchema,
  level: ReintegrationLevelSchema,
  type: AssistanceTypeSchema,
  description: z.string(),
  provider: z.string(),
  budgetEur: z.number(),
  inKind: z.boolean(),
  plannedOn: IsoDateSchema.nullable(),
  status: AssistanceStatusSchema,
  deliveredOn: IsoDateSchema.nullable(),
  note: z.string().nullable(),
});
export type AssistanceItem = z.infer<typeof AssistanceItemSchema>;

export const ReintegrationPlanSchema = z.object({
  id: IdSchema,
  version: z.number().int(),
  draftedPreDeparture: z.boolean(),
  assessmentsDone: z.object({ vulnerability: z.boolean(), risk: z.boolean(), family: z.boolean(), skills: z.boolean(), rssBaseline: z.boolean() }),
  needsAndSkills: z.string(),
  familySituation: z.string(),
  minorViews: z.string(),
  minorViewsLanguage: z.string(),
  mediatorName: z.string().nullable(),
  objectives: z.array(ReintegrationObjectiveSchema),
  assistanceItems: z.array(AssistanceItemSchema),
  totalBudgetEur: z.number(),
  // The plan is approved when the supervisor has approved a version of its REINTEGRATION_PLAN
  // report (the composer's approval fixes the text's sha-256).
  approved: z.boolean(),
  approvedVersionNo: z.number().int().nullable(),
  updatedAt: IsoDateTimeSchema,
});
export type ReintegrationPlan = z.infer<typeof ReintegrationPlanSchema>;

// ---------------------------------------------------------------------------------------------
// The juvenile court (§3.8; L. 47/2017 art. 8 and art. 13). IOM records the proceeding's filing;
// the court's clerks (role court, through a live `court` grant of their own court) schedule and
// record hearings, upload decrees and record decisions; so can IOM staff from the decree received.

export const CourtProceedingKindSchema = z.enum(['AVR_ART8', 'PROSIEGUO_ART13']);
export type CourtProceedingKind = z.infer<typeof CourtProceedingKindSchema>;
export const CourtFilerSchema = z.enum(['GUARDIAN', 'SOCIAL_SERVICES', 'PROCURA', 'OTHER']);
export type CourtFiler = z.infer<typeof CourtFilerSchema>;
export const CourtDecisionOutcomeSchema = z.enum(['RETURN_ORDERED', 'RETURN_REJECTED', 'PROSIEGUO_GRANTED', 'PROSIEGUO_REJECTED']);
export type CourtDecisionOutcome = z.infer<typeof CourtDecisionOutcomeSchema>;
export const AVR_COURT_OUTCOMES = ['RETURN_ORDERED', 'RETURN_REJECTED'] as const satisfies readonly CourtDecisionOutcome[];

// Staff record the filing of the art. 8 petition (IOM does not file it). The documents before the
// court: the released family-assessment report, the social services' report (a case document of
// type SOCIAL_SERVICES_REPORT) and the reintegration proposal (the case's reintegration plan).
export const CreateCourtProceedingSchema = z.strictObject({
  courtOrganisationId: IdSchema,
  docketNumber: z.string().trim().min(1).max(60),
  filedBy: CourtFilerSchema,
  filedByName: Name,
  filedOn: IsoDateSchema,
  familyAssessmentReportId: IdSchema,
  socialServicesReportDocumentId: IdSchema,
  reintegrationProposal: z.literal(true),
  otherDocumentIds: z.array(IdSchema).max(20).default([]),
});
export type CreateCourtProceedingInput = z.infer<typeof CreateCourtProceedingSchema>;

export const ScheduleHearingSchema = z.strictObject({
  scheduledAt: IsoDateTimeSchema,
  note: z.string().trim().max(2000).optional(),
});
export type ScheduleHearingInput = z.infer<typeof ScheduleHearingSchema>;

// What happened at the hearing (art. 8: the court hears the minor and the guardian).
export const RecordHearingSchema = z
  .strictObject({
    heldAt: IsoDateTimeSchema,
    minorHeard: z.boolean(),
    guardianHeard: z.boolean(),
    interpreterName: Name.optional(),
    interpreterLanguage: Language.optional(),
    notes: z.string().trim().max(4000).optional(),
  })
  .refine((h) => !h.interpreterName || Boolean(h.interpreterLanguage), { path: ['interpreterLanguage'], ...required('Give the interpreter’s language') });
export type RecordHearingInput = z.infer<typeof RecordHearingSchema>;

// A decision on the art. 8 petition. The decree (a document of type COURT_DECREE uploaded with
// POST /api/cases/:caseId/court/decrees) may be attached now or later; no transition to
// COURT_APPROVED / COURT_REJECTED, and no travel step, without it.
export const RecordCourtDecisionSchema = z.strictObject({
  outcome: z.enum(AVR_COURT_OUTCOMES),
  decidedOn: IsoDateSchema,
  reasonsSummary: Text(4000),
  decreeDocumentId: IdSchema.optional(),
  appealDeadline: IsoDateSchema.optional(),
});
export type RecordCourtDecisionInput = z.infer<typeof RecordCourtDecisionSchema>;

export const AttachDecreeSchema = z.strictObject({ decreeDocumentId: IdSchema });
export type AttachDecreeInput = z.infer<typeof AttachDecreeSchema>;

// The continuation of support after 18 (prosieguo amministrativo, art. 13), from the court's decree:
// sets the minor's prosieguo_until (after the 18th birthday, no later than the 21st; 422 otherwise)
// and so moves the AGED_OUT horizon. A court user records it for their own court.
export const RecordProsieguoSchema = z.strictObject({
  // Staff name the court; a court user's own court is used when omitted.
  courtOrganisationId: IdSchema.optional(),
  docketNumber: z.string().trim().min(1).max(60),
  decidedOn: IsoDateSchema,
  prosieguoUntil: IsoDateSchema,
  decreeDocumentId: IdSchema,
  reasonsSummary: z.string().trim().max(4000).optional(),
});
export type RecordProsieguoInput = z.infer<typeof RecordProsieguoSchema>;

export const CourtHearingSchema = z.object({
  id: IdSchema,
  scheduledAt: IsoDateTimeSchema,
  note: z.string().nullable(),
  heldAt: IsoDateTimeSchema.nullable(),
  minorHeard: z.boolean().nullable(),
  guardianHeard: z.boolean().nullable(),
  interpreterName: z.string().nullable(),
  interpreterLanguage: z.string().nullable(),
  notes: z.string().nullable(),
});
export type CourtHearing = z.infer<typeof CourtHearingSchema>;

export const CourtDecisionSchema = z.object({
  id: IdSchema,
  outcome: CourtDecisionOutcomeSchema,
  decidedOn: IsoDateSchema,
  reasonsSummary: z.string().nullable(),
  decreeDocumentId: IdSchema.nullable(),
  appealDeadline: IsoDateSchema.nullable(),
  prosieguoUntil: IsoDateSchema.nullable(),
  recordedAt: IsoDateTimeSchema,
});
export type CourtDecision = z.infer<typeof CourtDecisionSchema>;

export const CourtProceedingSchema = z.object({
  id: IdSchema,
  kind: CourtProceedingKindSchema,
  court: z.object({ id: IdSchema, name: z.string() }),
  docketNumber: z.string(),
  filedBy: CourtFilerSchema.nullable(),
  filedByName: z.string().nullable(),
  filedOn: IsoDateSchema.nullable(),
  documentsBeforeCourt: z.object({
    familyAssessmentReportId: IdSchema.nullable(),
    socialServicesReportDocumentId: IdSchema.nullable(),
    reintegrationProposal: z.boolean(),
    otherDocumentIds: z.array(IdSchema),
  }),
  hearings: z.array(CourtHearingSchema),
  // The latest decision (null while pending).
  decision: CourtDecisionSchema.nullable(),
  createdAt: IsoDateTimeSchema,
});
export type CourtProceeding = z.infer<typeof CourtProceedingSchema>;

// GET /api/cases/:caseId/court: staff see every proceeding; a court user those of their own court.
export const CourtFileSchema = z.object({
  proceedings: z.array(CourtProceedingSchema),
  prosieguoUntil: IsoDateSchema.nullable(),
});
export type CourtFile = z.infer<typeof CourtFileSchema>;

// ---------------------------------------------------------------------------------------------
// AVR travel plan (§3.10; §4 #18: each requirement is a guard of COURT_APPROVED → AVR_PREPARATION)

export const TravelDocumentTypeSchema = z.enum(['PASSPORT', 'LAISSEZ_PASSER', 'OTHER']);
export type TravelDocumentType = z.infer<typeof TravelDocumentTypeSchema>;

// PUT /api/cases/:caseId/avr/travel-plan (optional If-Match: the plan's version). Turning the
// escort off (escortRequired: false, when it was on) needs a supervisor and a reason (403 for a
// caseworker; the waiver is kept until a supervisor turns the escort back on).
export const PutTravelPlanSchema = z
  .strictObject({
    // The family member who receives and cares for the child; their written acceptance is a
    // RETURN_ACCEPTANCE consent (POST /api/cases/:caseId/consents, subject FAMILY_MEMBER).
    receivingCaregiverId: IdSchema,
    airportCollection: z.boolean(),
    // The IOM mission in the country of origin that receives the child and monitors.
    receivingMissionId: IdSchema,
    travelDocumentType: TravelDocumentTypeSchema,
    travelDocumentReady: z.boolean(),
    travelDocumentId: IdSchema.optional(),
    // The document needs the consulate: then an approved PRE_CONTACT_CONSULATE risk check allowing
    // to proceed is required (UN Alternative Care Guidelines §150).
    consularContact: z.boolean(),
    fitToTravel: z.boolean(),
    fitnessAssessedOn: IsoDateSchema.optional(),
    fitnessAssessedBy: Name.optional(),
    escortRequired: z.boolean().default(true),
    escortName: Name.optional(),
    escortRole: Name.optional(),
    escortWaiverReason: Text(2000).optional(),
    itinerary: Text(4000),
    plannedDeparture: IsoDateTimeSchema,
  })
  .refine((p) => !p.fitToTravel || (Boolean(p.fitnessAssessedOn) && Boolean(p.fitnessAssessedBy)), {
    path: ['fitnessAssessedBy'],
    ...required('Say who assessed the fitness to travel, and when'),
  })
  .refine((p) => !p.escortRequired || Boolean(p.escortName) === Boolean(p.escortRole), { path: ['escortRole'], ...required('Give the escort’s name and role') })
  .refine((p) => p.escortRequired || Boolean(p.escortWaiverReason), { path: ['escortWaiverReason'], ...required('Give the reason for travelling without an escort') });
export type PutTravelPlanInput = z.infer<typeof PutTravelPlanSchema>;

export const TravelPlanSchema = z.object({
  id: IdSchema,
  version: z.number().int(),
  receivingCaregiver: z.object({ id: IdSchema, name: z.string(), relationship: z.string() }),
  airportCollection: z.boolean(),
  // The caregiver's RETURN_ACCEPTANCE consent in force, if recorded.
  caregiverAcceptanceConsentId: IdSchema.nullable(),
  receivingMission: z.object({ id: IdSchema, name: z.string() }),
  travelDocumentType: TravelDocumentTypeSchema,
  travelDocumentReady: z.boolean(),
  travelDocumentId: IdSchema.nullable(),
  consularContact: z.boolean(),
  fitToTravel: z.boolean(),
  fitnessAssessedOn: IsoDateSchema.nullable(),
  fitnessAssessedBy: z.string().nullable(),
  escortRequired: z.boolean(),
  escortName: z.string().nullable(),
  escortRole: z.string().nullable(),
  escortWaiver: z.object({ by: z.object({ id: IdSchema, displayName: z.string() }), at: IsoDateTimeSchema, reason: z.string() }).nullable(),
  itinerary: z.string(),
  plannedDeparture: IsoDateTimeSchema,
  // Derived: the minor's 18th birthday and whether the planned departure falls before it (or within
  // a recorded prosieguo).
  eighteenthBirthday: IsoDateSchema.nullable(),
  departureBeforeEighteen: z.boolean(),
  updatedAt: IsoDateTimeSchema,
});
export type TravelPlan = z.infer<typeof TravelPlanSchema>;

// ---------------------------------------------------------------------------------------------
// Hand-over (§4 #19; IOM practice: a protocol signed at arrival [S45])

export const ReceiverKindSchema = z.enum(['PARENT', 'RELATIVE', 'CHILD_PROTECTION_AUTHORITY', 'OTHER']);
export type ReceiverKind = z.infer<typeof ReceiverKindSchema>;

// Confirms the arrival and who received the child, with the signed protocol (a case document of
// type HANDOVER_PROTOCOL). Schedules the monitoring visits and moves the case IN_TRANSIT →
// HANDED_OVER in the same transaction.
export const RecordHandoverSchema = z
  .strictObject({
    arrivedAt: IsoDateTimeSchema,
    place: Name,
    receivedByName: Name,
    receivedByKind: ReceiverKindSchema,
    receivedByFamilyMemberId: IdSchema.optional(),
    protocolDocumentId: IdSchema,
    signedBy: z.array(Name).min(2).max(10),
    notes: z.string().trim().max(4000).optional(),
    // Months after the hand-over for the monitoring visits (default DEFAULT_MONITORING_MONTHS);
    // the last one at least MIN_MONITORING_MONTHS. A vulnerable case gets a longer schedule.
    monitoringMonths: z.array(z.number().int().min(1).max(36)).min(1).max(12).optional(),
  })
  .refine((h) => !h.monitoringMonths || Math.max(...h.monitoringMonths) >= MIN_MONITORING_MONTHS, {
    path: ['monitoringMonths'],
    message: `Monitoring lasts at least ${MIN_MONITORING_MONTHS} months`,
    params: { code: 'too_short' },
  });
export type RecordHandoverInput = z.infer<typeof RecordHandoverSchema>;

export const HandoverSchema = z.object({
  id: IdSchema,
  arrivedAt: IsoDateTimeSchema,
  place: z.string(),
  receivedByName: z.string(),
  receivedByKind: ReceiverKindSchema,
  receivedByFamilyMemberId: IdSchema.nullable(),
  protocolDocumentId: IdSchema,
  signedBy: z.array(z.string()),
  notes: z.string().nullable(),
  recordedAt: IsoDateTimeSchema,
});
export type Handover = z.infer<typeof HandoverSchema>;

// ---------------------------------------------------------------------------------------------
// Monitoring (§3.12): visits and the Reintegration Sustainability Survey scores

// 15 indicators over the three dimensions, each scored 1 (worst) to 5 (best). [verify] The
// indicator names follow IOM's RSS (MEASURE project) loosely; keep them as data.
export const RSS_INDICATORS = {
  ECONOMIC: ['incomeSource', 'foodSecurity', 'abilityToBorrow', 'debtBurden', 'economicSatisfaction'],
  SOCIAL: ['housing', 'education', 'healthcare', 'documentation', 'safeWater'],
  PSYCHOSOCIAL: ['socialParticipation', 'supportNetwork', 'senseOfBelonging', 'physicalSafety', 'distressAbsence'],
} as const satisfies Record<ReintegrationDimension, readonly string[]>;
export type RssIndicator = (typeof RSS_INDICATORS)[ReintegrationDimension][number];
export const RSS_INDICATOR_KEYS = Object.values(RSS_INDICATORS).flat() as RssIndicator[];
const Score = z.number().int().min(1).max(5);
export const SustainabilityScoresSchema = z.strictObject(
  Object.fromEntries(RSS_INDICATOR_KEYS.map((k) => [k, Score])) as Record<RssIndicator, typeof Score>,
);
export type SustainabilityScores = z.infer<typeof SustainabilityScoresSchema>;

// Dimension scores (mean of its indicators, normalised 0–1) and the composite (mean of the three).
export function sustainabilityIndex(scores: SustainabilityScores): { economic: number; social: number; psychosocial: number; composite: number } {
  const dim = (d: ReintegrationDimension) => RSS_INDICATORS[d].reduce((sum, k) => sum + (scores[k] - 1) / 4, 0) / RSS_INDICATORS[d].length;
  const round = (n: number) => Math.round(n * 1000) / 1000;
  const economic = dim('ECONOMIC');
  const social = dim('SOCIAL');
  const psychosocial = dim('PSYCHOSOCIAL');
  return { economic: round(economic), social: round(social), psychosocial: round(psychosocial), composite: round((economic + social + psychosocial) / 3) };
}

export const MonitoringModeSchema = z.enum(['HOME', 'PHONE', 'SCHOOL', 'IOM_OFFICE']);
export type MonitoringMode = z.infer<typeof MonitoringModeSchema>;
export const MonitoringVisitStatusSchema = z.enum(['PLANNED', 'DONE', 'CANCELLED']);
export type MonitoringVisitStatus = z.infer<typeof MonitoringVisitStatusSchema>;

// An extra visit (vulnerable case; staff).
export const AddMonitoringVisitSchema = z.strictObject({ plannedOn: IsoDateSchema, reason: Text(2000) });
export type AddMonitoringVisitInput = z.infer<typeof AddMonitoringVisitSchema>;

// The visit's findings (staff, or the receiving mission's field officer). Assistance delivered is
// recorded against the plan's items (their status moves with it).
export const RecordMonitoringVisitSchema = z.strictObject({
  visitedOn: IsoDateSchema,
  mode: MonitoringModeSchema,
  officer: Name,
  childSeenAlone: z.boolean(),
  wellbeing: Text(4000),
  // null or absent: no concern.
  protectionConcerns: Text(4000).nullable().optional(),
  assistanceDelivered: z
    .array(z.strictObject({ itemId: IdSchema, status: AssistanceStatusSchema, deliveredOn: IsoDateSchema.optional(), note: z.string().trim().max(2000).optional() }))
    .max(100)
    .default([]),
  sustainabilityScores: SustainabilityScoresSchema.optional(),
  notes: z.string().trim().max(4000).optional(),
});
export type RecordMonitoringVisitInput = z.infer<typeof RecordMonitoringVisitSchema>;

export const CancelMonitoringVisitSchema = z.strictObject({ reason: Text(2000) });
export type CancelMonitoringVisitInput = z.infer<typeof CancelMonitoringVisitSchema>;

// A protection concern referred to the child-protection authority in the country of origin; a
// supervisor follows it up (a task) and resolves it. The case cannot close with one open.
export const EscalateConcernSchema = z.strictObject({ referredTo: Name, note: Text(4000) });
export type EscalateConcernInput = z.infer<typeof EscalateConcernSchema>;
export const ResolveConcernSchema = z.strictObject({ resolution: Text(4000) });
export type ResolveConcernInput = z.infer<typeof ResolveConcernSchema>;

export const MonitoringVisitSchema = z.object({
  id: IdSchema,
  seq: z.number().int(),
  plannedOn: IsoDateSchema,
  // Months after the hand-over for a scheduled visit; null for an extra one.
  monthOffset: z.number().int().nullable(),
  extraReason: z.string().nullable(),
  status: MonitoringVisitStatusSchema,
  visitedOn: IsoDateSchema.nullable(),
  mode: MonitoringModeSchema.nullable(),
  officer: z.string().nullable(),
  childSeenAlone: z.boolean().nullable(),
  wellbeing: z.string().nullable(),
  protectionConcerns: z.string().nullable(),
  assistanceDelivered: z.array(z.object({ itemId: IdSchema, status: AssistanceStatusSchema, deliveredOn: IsoDateSchema.nullable(), note: z.string().nullable() })),
  sustainabilityScores: z.record(z.string(), z.number()).nullable(),
  sustainabilityIndex: z.object({ economic: z.number(), social: z.number(), psychosocial: z.number(), composite: z.number() }).nullable(),
  notes: z.string().nullable(),
  cancelReason: z.string().nullable(),
  escalation: z
    .object({
      referredTo: z.string(),
      note: z.string(),
      escalatedAt: IsoDateTimeSchema,
      resolvedAt: IsoDateTimeSchema.nullable(),
      resolution: z.string().nullable(),
    })
    .nullable(),
  // The MONITORING_REPORT of this visit, if started.
  reportId: IdSchema.nullable(),
});
export type MonitoringVisit = z.infer<typeof MonitoringVisitSchema>;

// ---------------------------------------------------------------------------------------------
// Durable-solution decision (§3.9): for every case closed with a solution

export const DurableSolutionTypeSchema = z.enum(['LOCAL_INTEGRATION_IT', 'FAMILY_REUNIFICATION_IT', 'REUNIFICATION_THIRD_COUNTRY', 'RETURN_AVR', 'OTHER']);
export type DurableSolutionType = z.infer<typeof DurableSolutionTypeSchema>;

// RETURN_AVR is decided by the juvenile court: it names the decision ordering the return (422
// otherwise). A local solution is decided by social services and the guardian.
export const RecordDurableSolutionSchema = z
  .strictObject({
    solution: DurableSolutionTypeSchema,
    decidedBy: Name,
    decisionRef: z.string().trim().min(2).max(200),
    decidedOn: IsoDateSchema,
    courtDecisionId: IdSchema.optional(),
    minorViews: Text(4000),
    minorViewsLanguage: Language,
    mediatorPresent: z.boolean(),
    mediatorName: Name.optional(),
    // Who relayed the minor's views when the minor did not speak to IOM directly (§8 rule 12).
    viewsRelayedBy: Name.optional(),
    optionsConsidered: z.array(DurableSolutionTypeSchema).min(1).max(5),
    biaRef: z.string().trim().max(200).optional(),
  })
  .refine((d) => !d.mediatorPresent || Boolean(d.mediatorName), { path: ['mediatorName'], ...required('Name the mediator') })
  .refine((d) => d.solution !== 'RETURN_AVR' || Boolean(d.courtDecisionId), { path: ['courtDecisionId'], ...required('Return is decided by the juvenile court: name its decision') })
  .refine((d) => d.optionsConsidered.includes(d.solution), { path: ['optionsConsidered'], message: 'The chosen solution must be among the options considered', params: { code: 'invalid' } });
export type RecordDurableSolutionInput = z.infer<typeof RecordDurableSolutionSchema>;

export const DurableSolutionSchema = z.object({
  id: IdSchema,
  solution: DurableSolutionTypeSchema,
  decidedBy: z.string(),
  decisionRef: z.string(),
  decidedOn: IsoDateSchema,
  courtDecisionId: IdSchema.nullable(),
  minorViews: z.string(),
  minorViewsLanguage: z.string(),
  mediatorPresent: z.boolean(),
  mediatorName: z.string().nullable(),
  viewsRelayedBy: z.string().nullable(),
  optionsConsidered: z.array(DurableSolutionTypeSchema),
  biaRef: z.string().nullable(),
  recordedAt: IsoDateTimeSchema,
});
export type DurableSolution = z.infer<typeof DurableSolutionSchema>;

// ---------------------------------------------------------------------------------------------
// The return file (IOM staff): GET /api/cases/:caseId/return

export const ReturnFileSchema = z.object({
  caseId: IdSchema,
  eighteenthBirthday: IsoDateSchema.nullable(),
  prosieguoUntil: IsoDateSchema.nullable(),
  avrRequest: z.object({ minorRequest: ConsentSchema.nullable(), guardianConsent: ConsentSchema.nullable() }),
  counsellingSessions: z.array(CounsellingSessionSchema),
  reintegrationPlan: ReintegrationPlanSchema.nullable(),
  court: CourtFileSchema,
  travelPlan: TravelPlanSchema.nullable(),
  handover: HandoverSchema.nullable(),
  monitoringVisits: z.array(MonitoringVisitSchema),
  durableSolutions: z.array(DurableSolutionSchema),
  reports: z.array(ReturnReportRefSchema),
});
export type ReturnFile = z.infer<typeof ReturnFileSchema>;

// ---------------------------------------------------------------------------------------------
// The receiving mission's view (field officer): its returned minors, their reintegration plan and
// monitoring schedule. Built by an allow-list: never the minor's location in Italy, legal or
// protection status, health notes, court files or IOM's internal notes.

export const FieldReturnSummarySchema = z.object({
  caseId: IdSchema,
  caseNumber: z.string(),
  state: z.string(),
  minor: z.object({ firstName: z.string(), lastName: z.string(), sex: z.enum(['M', 'F', 'X']), nationality: z.string(), dateOfBirth: IsoDateSchema.nullable() }),
  plannedDeparture: IsoDateTimeSchema.nullable(),
  handedOverAt: IsoDateTimeSchema.nullable(),
  nextVisitOn: IsoDateSchema.nullable(),
});
export type FieldReturnSummary = z.infer<typeof FieldReturnSummarySchema>;
export const FieldReturnListSchema = z.object({ items: z.array(FieldReturnSummarySchema) });
export type FieldReturnList = z.infer<typeof FieldReturnListSchema>;

export const FieldReintegrationPlanSchema = z.object({
  needsAndSkills: z.string(),
  familySituation: z.string(),
  objectives: z.array(ReintegrationObjectiveSchema),
  assistanceItems: z.array(AssistanceItemSchema),
  approved: z.boolean(),
});
export type FieldReintegrationPlan = z.infer<typeof FieldReintegrationPlanSchema>;

// The documents of a returned minor the mission may open (GET /api/field/returns/:caseId/documents/
// :documentId): of these types only, and only what the mission uploaded itself or the protocol its
// hand-over names. Never a document of IOM Rome, the court or the Italian authorities.
export const FIELD_RETURN_DOCUMENT_TYPES = ['HANDOVER_PROTOCOL', 'MONITORING_REPORT', 'CONSENT'] as const satisfies readonly DocumentType[];
export const FieldReturnDocumentSchema = z.object({
  id: IdSchema,
  type: z.enum(FIELD_RETURN_DOCUMENT_TYPES),
  title: z.string(),
  language: z.string(),
  fileName: z.string(),
  mediaType: DocumentMediaTypeSchema,
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedAt: IsoDateTimeSchema,
});
export type FieldReturnDocument = z.infer<typeof FieldReturnDocumentSchema>;

export const FieldReturnDetailSchema = FieldReturnSummarySchema.extend({
  receivingCaregiver: z.object({ name: z.string(), relationship: z.string() }).nullable(),
  airportCollection: z.boolean().nullable(),
  escort: z.object({ name: z.string().nullable(), role: z.string().nullable() }).nullable(),
  itinerary: z.string().nullable(),
  reintegrationPlan: FieldReintegrationPlanSchema.nullable(),
  handover: HandoverSchema.nullable(),
  monitoringVisits: z.array(MonitoringVisitSchema),
  // What the mission may download (newest first).
  documents: z.array(FieldReturnDocumentSchema),
  // Whether the mission may still record (hand-over, visits, assistance).
  writable: z.boolean(),
});
export type FieldReturnDetail = z.infer<typeof FieldReturnDetailSchema>;
