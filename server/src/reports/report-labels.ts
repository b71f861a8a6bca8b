import type { ReportKind } from '@app/contracts';

// Italian wording of the documents that leave IOM (the PDF). The SPA has its own locale files.

export const KIND_TITLE_IT: Record<ReportKind, string> = {
  FAMILY_ASSESSMENT: 'Relazione di indagine familiare',
  NON_LOCATION_NOTE: 'Nota di mancato rintraccio o impossibilità a procedere',
  REINTEGRATION_PLAN: 'Progetto di reinserimento',
  AVR_OPERATIONAL_NOTE: 'Nota operativa di rimpatrio assistito',
  HANDOVER_PROTOCOL: 'Verbale di consegna',
  MONITORING_REPORT: 'Relazione di monitoraggio del reinserimento',
};

// Section headings, following IOM's interview protocol (domain.md §3.6) and §5 for the note.
export const SECTION_TITLE_IT: Record<string, string> = {
  household: 'Composizione del nucleo familiare',
  housing: 'Abitazione e condizioni di vita',
  livelihood: 'Situazione socio-economica e fonti di sostentamento',
  beforeDeparture: 'Situazione del minore prima della partenza (scuola, formazione, lavoro)',
  migrationReasons: 'Motivi e circostanze della migrazione, aspettative',
  familyViewOfPath: 'Posizione della famiglia sul percorso del minore in Italia e su un eventuale rientro',
  careCapacity: 'Capacità e disponibilità della famiglia a prendersi cura del minore',
  protectionRisks: 'Rischi per la protezione (violenza, sfruttamento, tratta)',
  communityResources: 'Risorse della comunità (scuola, formazione, salute, supporto psicosociale)',
  observations: "Osservazioni dell'intervistatore",
  recommendations: 'Raccomandazioni ed elementi per la valutazione del superiore interesse',
  attemptsMade: 'Tentativi di rintraccio effettuati',
  reason: 'Motivo',
  // Part 2 (issue 4)
  needsAndSkills: 'Bisogni e competenze del minore',
  familySituation: 'Situazione familiare',
  objectives: 'Obiettivi per dimensione (economica, sociale, psicosociale)',
  assistance: 'Interventi previsti (beni e servizi)',
  timeline: 'Tempistica',
  monitoringPlan: 'Piano di monitoraggio',
  minorViews: 'Opinione del minore',
  courtDecision: 'Decisione del tribunale per i minorenni',
  itinerary: 'Itinerario',
  escort: 'Accompagnamento',
  receivingCaregiver: 'Chi accoglie il minore',
  travelDocuments: 'Documenti di viaggio',
  handoverArrangements: 'Modalità della consegna',
  handover: 'Consegna (data, ora e luogo)',
  receivedBy: 'Chi ha accolto il minore',
  signatures: 'Firme',
  visit: 'Visita',
  wellbeing: 'Benessere del minore',
  protectionConcerns: 'Rischi per la protezione',
  assistanceDelivered: 'Assistenza erogata rispetto al progetto',
  sustainabilityScores: 'Punteggi di sostenibilità del reinserimento',
};

export const OUTCOME_IT: Record<string, string> = {
  LOCATED: 'Famiglia rintracciata',
  NOT_LOCATED: 'La famiglia non è stata rintracciata.',
  FAMILY_REFUSED: 'La famiglia ha rifiutato il colloquio.',
  UNSAFE_TO_PROCEED: "Non è stato possibile procedere per motivi di sicurezza.",
  MINOR_WITHDREW_CONSENT: 'Il minore ha ritirato il consenso.',
};

export const INTERVIEW_MODE_IT: Record<string, string> = {
  HOME_VISIT: 'visita domiciliare',
  PHONE: 'colloquio telefonico',
  IOM_OFFICE: "colloquio presso l'ufficio OIM",
  OTHER_SAFE_PLACE: 'colloquio in un altro luogo sicuro',
};

export const CONTACT_CHANNEL_IT: Record<string, string> = {
  PHONE: 'telefono',
  HOME_VISIT: 'visita domiciliare',
  COMMUNITY_LEADER: 'tramite un leader della comunità',
  OTHER: 'altro canale',
};
export const CONTACT_CHANNEL_EN: Record<string, string> = {
  PHONE: 'phone',
  HOME_VISIT: 'home visit',
  COMMUNITY_LEADER: 'through a community leader',
  OTHER: 'other channel',
};

const ROME = 'Europe/Rome';
export const formatDateIt = (d: Date): string => new Intl.DateTimeFormat('it-IT', { timeZone: ROME, day: '2-digit', month: '2-digit', year: 'numeric' }).format(d);
export const formatDateTimeIt = (d: Date): string =>
  `${formatDateIt(d)} alle ${new Intl.DateTimeFormat('it-IT', { timeZone: ROME, hour: '2-digit', minute: '2-digit' }).format(d)}`;
// A calendar date (YYYY-MM-DD) as dd/mm/yyyy, without time-zone shifts.
export const formatIsoDateIt = (iso: string): string => {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
};

export function countryNameIt(code: string): string {
  try {
    return new Intl.DisplayNames(['it'], { type: 'region' }).of(code.trim().toUpperCase()) ?? code;
  } catch {
    return code;
  }
}
