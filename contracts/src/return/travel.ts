import { z } from 'zod';
import { IdSchema, IsoDateSchema, IsoDateTimeSchema } from '../common';
import { Name, Text, required } from './shared';

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
