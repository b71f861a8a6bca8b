import { z } from 'zod';
import { IsoDateTimeSchema } from '../common';
import { Language, Name, Text, required } from './shared';

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
