import { z } from 'zod';
import { IdSchema, IsoDateSchema, IsoDateTimeSchema } from '../common';
import { Language, Name, Text, required } from './shared';

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
