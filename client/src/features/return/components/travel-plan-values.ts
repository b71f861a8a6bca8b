import { PutTravelPlanSchema, type TravelDocumentType, type TravelPlan } from '@app/contracts';
import { localDateTimeToIso, toLocalDateTimeInput } from '@/lib/form-values';
import { returnResolver } from '../utils/return-zod';

// The travel plan form's values and how they are sent (and checked) as the contract's input.

export type Values = {
  receivingCaregiverId: string;
  airportCollection: boolean;
  receivingMissionId: string;
  travelDocumentType: TravelDocumentType | '';
  travelDocumentReady: boolean;
  travelDocumentId: string;
  consularContact: boolean;
  fitToTravel: boolean;
  fitnessAssessedOn: string;
  fitnessAssessedBy: string;
  escortRequired: boolean;
  escortName: string;
  escortRole: string;
  escortWaiverReason: string;
  itinerary: string;
  plannedDeparture: string;
};
export const FIELDS = [
  'receivingCaregiverId',
  'airportCollection',
  'receivingMissionId',
  'travelDocumentType',
  'travelDocumentReady',
  'travelDocumentId',
  'consularContact',
  'fitToTravel',
  'fitnessAssessedOn',
  'fitnessAssessedBy',
  'escortRequired',
  'escortName',
  'escortRole',
  'escortWaiverReason',
  'itinerary',
  'plannedDeparture',
] as const;
export const LIMITS = { fitnessAssessedBy: { min: 2, max: 200 }, escortName: { min: 2, max: 200 }, escortRole: { min: 2, max: 200 }, escortWaiverReason: { min: 3, max: 2000 }, itinerary: { min: 3, max: 4000 } };

const toInput = (values: Values) => ({
  receivingCaregiverId: values.receivingCaregiverId || undefined,
  airportCollection: values.airportCollection,
  receivingMissionId: values.receivingMissionId || undefined,
  travelDocumentType: values.travelDocumentType || undefined,
  travelDocumentReady: values.travelDocumentReady,
  consularContact: values.consularContact,
  fitToTravel: values.fitToTravel,
  escortRequired: values.escortRequired,
  itinerary: values.itinerary,
  plannedDeparture: localDateTimeToIso(values.plannedDeparture),
  ...(values.travelDocumentId ? { travelDocumentId: values.travelDocumentId } : {}),
  ...(values.fitnessAssessedOn ? { fitnessAssessedOn: values.fitnessAssessedOn } : {}),
  ...(values.fitnessAssessedBy.trim() ? { fitnessAssessedBy: values.fitnessAssessedBy } : {}),
  ...(values.escortRequired && values.escortName.trim() ? { escortName: values.escortName } : {}),
  ...(values.escortRequired && values.escortRole.trim() ? { escortRole: values.escortRole } : {}),
  ...(!values.escortRequired && values.escortWaiverReason.trim() ? { escortWaiverReason: values.escortWaiverReason } : {}),
});
export const resolver = returnResolver(PutTravelPlanSchema, toInput);

export const valuesOf = (plan: TravelPlan | null): Values => ({
  receivingCaregiverId: plan?.receivingCaregiver.id ?? '',
  airportCollection: plan?.airportCollection ?? true,
  receivingMissionId: plan?.receivingMission.id ?? '',
  travelDocumentType: plan?.travelDocumentType ?? '',
  travelDocumentReady: plan?.travelDocumentReady ?? false,
  travelDocumentId: plan?.travelDocumentId ?? '',
  consularContact: plan?.consularContact ?? false,
  fitToTravel: plan?.fitToTravel ?? false,
  fitnessAssessedOn: plan?.fitnessAssessedOn ?? '',
  fitnessAssessedBy: plan?.fitnessAssessedBy ?? '',
  escortRequired: plan?.escortRequired ?? true,
  escortName: plan?.escortName ?? '',
  escortRole: plan?.escortRole ?? '',
  escortWaiverReason: plan?.escortWaiver?.reason ?? '',
  itinerary: plan?.itinerary ?? '',
  plannedDeparture: plan ? toLocalDateTimeInput(new Date(plan.plannedDeparture)) : '',
});
