import { z } from 'zod';
import { IdSchema, IsoDateSchema, IsoDateTimeSchema } from '../common';
import { Language, Name, Text, required } from './shared';

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
