import type { Handover, TravelPlan } from '@app/contracts';
import type { Executor } from '../../database/db';

// ---------------------------------------------------------------------------------------------
// Travel plan, hand-over

export interface TravelPlanRow {
  id: string;
  case_id: string;
  version: number;
  receiving_caregiver_id: string;
  caregiver_name: string;
  caregiver_relationship: string;
  airport_collection: boolean;
  acceptance_consent_id: string | null;
  receiving_mission_id: string;
  mission_name: string;
  travel_document_type: TravelPlan['travelDocumentType'];
  travel_document_ready: boolean;
  travel_document_id: string | null;
  consular_contact: boolean;
  fit_to_travel: boolean;
  fitness_assessed_on: string | null;
  fitness_assessed_by: string | null;
  escort_required: boolean;
  escort_name: string | null;
  escort_role: string | null;
  escort_waived_by: string | null;
  escort_waived_by_name: string | null;
  escort_waived_at: Date | null;
  escort_waiver_reason: string | null;
  itinerary: string;
  planned_departure: Date;
  planned_departure_day: string;
  eighteenth_birthday: string | null;
  prosieguo_until: string | null;
  updated_at: Date;
}
export const TRAVEL_PLAN_SELECT = `SELECT tp.*, fm.first_name || ' ' || fm.last_name AS caregiver_name, fm.relationship AS caregiver_relationship,
  (SELECT id FROM consents WHERE case_id = tp.case_id AND subject = 'FAMILY_MEMBER' AND scope = 'RETURN_ACCEPTANCE' AND withdrawn_at IS NULL
     AND family_member_id = tp.receiving_caregiver_id ORDER BY given_at DESC, id DESC LIMIT 1) AS acceptance_consent_id,
  o.name AS mission_name, uw.display_name AS escort_waived_by_name,
  to_char(tp.fitness_assessed_on, 'YYYY-MM-DD') AS fitness_assessed_on,
  to_char(tp.planned_departure AT TIME ZONE 'Europe/Rome', 'YYYY-MM-DD') AS planned_departure_day,
  to_char(m.date_of_birth + interval '18 years', 'YYYY-MM-DD') AS eighteenth_birthday,
  to_char(m.prosieguo_until, 'YYYY-MM-DD') AS prosieguo_until
  FROM avr_travel_plans tp JOIN family_members fm ON fm.id = tp.receiving_caregiver_id JOIN organisations o ON o.id = tp.receiving_mission_id
  JOIN cases c ON c.id = tp.case_id JOIN minors m ON m.id = c.minor_id LEFT JOIN users uw ON uw.id = tp.escort_waived_by`;
export const toTravelPlan = (r: TravelPlanRow): TravelPlan => ({
  id: r.id,
  version: r.version,
  receivingCaregiver: { id: r.receiving_caregiver_id, name: r.caregiver_name, relationship: r.caregiver_relationship },
  airportCollection: r.airport_collection,
  caregiverAcceptanceConsentId: r.acceptance_consent_id,
  receivingMission: { id: r.receiving_mission_id, name: r.mission_name },
  travelDocumentType: r.travel_document_type,
  travelDocumentReady: r.travel_document_ready,
  travelDocumentId: r.travel_document_id,
  consularContact: r.consular_contact,
  fitToTravel: r.fit_to_travel,
  fitnessAssessedOn: r.fitness_assessed_on,
  fitnessAssessedBy: r.fitness_assessed_by,
  escortRequired: r.escort_required,
  escortName: r.escort_name,
  escortRole: r.escort_role,
  escortWaiver:
    r.escort_waived_by && r.escort_waived_at
      ? { by: { id: r.escort_waived_by, displayName: r.escort_waived_by_name ?? '' }, at: r.escort_waived_at.toISOString(), reason: r.escort_waiver_reason ?? '' }
      : null,
  itinerary: r.itinerary,
  plannedDeparture: r.planned_departure.toISOString(),
  eighteenthBirthday: r.eighteenth_birthday,
  departureBeforeEighteen:
    r.eighteenth_birthday === null ||
    r.planned_departure_day < r.eighteenth_birthday ||
    (r.prosieguo_until !== null && r.planned_departure_day <= r.prosieguo_until),
  updatedAt: r.updated_at.toISOString(),
});

export async function loadTravelPlan(executor: Executor, caseId: string): Promise<TravelPlanRow | undefined> {
  return (await executor.query<TravelPlanRow[]>(`${TRAVEL_PLAN_SELECT} WHERE tp.case_id = $1`, [caseId]))[0];
}

export interface HandoverRow {
  id: string;
  arrived_at: Date;
  place: string;
  received_by_name: string;
  received_by_kind: Handover['receivedByKind'];
  received_by_family_member_id: string | null;
  protocol_document_id: string;
  signed_by: string[];
  notes: string | null;
  created_at: Date;
}
export const toHandover = (r: HandoverRow): Handover => ({
  id: r.id,
  arrivedAt: r.arrived_at.toISOString(),
  place: r.place,
  receivedByName: r.received_by_name,
  receivedByKind: r.received_by_kind,
  receivedByFamilyMemberId: r.received_by_family_member_id,
  protocolDocumentId: r.protocol_document_id,
  signedBy: r.signed_by,
  notes: r.notes,
  recordedAt: r.created_at.toISOString(),
});
export async function loadHandover(executor: Executor, caseId: string): Promise<HandoverRow | undefined> {
  return (await executor.query<HandoverRow[]>(`SELECT * FROM avr_handovers WHERE case_id = $1`, [caseId]))[0];
}
