import { z } from 'zod';
import { IdSchema, IsoDateSchema, IsoDateTimeSchema } from '../common';
import { AssistanceStatusSchema, ReintegrationDimension } from './plan';
import { Name, Text } from './shared';

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
