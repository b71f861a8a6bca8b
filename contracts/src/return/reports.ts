import { z } from 'zod';
import { IdSchema } from '../common';
import type { CaseState } from '../workflow';
import { required } from './shared';

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
