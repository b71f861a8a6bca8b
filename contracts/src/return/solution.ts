import { z } from 'zod';
import { IdSchema, IsoDateSchema, IsoDateTimeSchema } from '../common';
import { Language, Name, Text, required } from './shared';

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
