import { RETURN_REPORT_SECTION_KEYS, RSS_INDICATORS, sustainabilityIndex, type ReportSections, type ReturnReportKind, type SustainabilityScores, romeDay } from '@app/contracts';
import { EMPTY_SOURCE, type DraftPrefill } from '../reports/report-drafting';
import { formatIsoDateIt } from '../reports/report-labels';
import type { DecisionRow, HandoverRow, ItemRow, ObjectiveRow, PlanRow, ProceedingRow, TravelPlanRow, VisitRow } from './return.store';

// The first draft of each part-2 report, written from the structured records in English (the
// original) and Italian. The caseworker edits both before quality review; every section is filled
// so an untouched record still reads as a complete draft.

const DIMENSION = {
  en: { ECONOMIC: 'Economic', SOCIAL: 'Social', PSYCHOSOCIAL: 'Psychosocial' },
  it: { ECONOMIC: 'Economica', SOCIAL: 'Sociale', PSYCHOSOCIAL: 'Psicosociale' },
} as const;
const LEVEL = {
  en: { INDIVIDUAL: 'individual', FAMILY_COMMUNITY: 'family and community', STRUCTURAL: 'structural' },
  it: { INDIVIDUAL: 'individuale', FAMILY_COMMUNITY: 'familiare e comunitario', STRUCTURAL: 'strutturale' },
} as const;
const ASSISTANCE = {
  en: { SCHOOL_ENROLMENT: 'School enrolment', VOCATIONAL_TRAINING: 'Vocational training', JOB_START_UP: 'Job start-up', MICRO_BUSINESS: 'Micro-business', HEALTH_MHPSS: 'Health and psychosocial support', FAMILY_SUPPORT: 'Family support', OTHER: 'Other' },
  it: { SCHOOL_ENROLMENT: 'Iscrizione scolastica', VOCATIONAL_TRAINING: 'Formazione professionale', JOB_START_UP: 'Avvio al lavoro', MICRO_BUSINESS: 'Microimpresa', HEALTH_MHPSS: 'Salute e supporto psicosociale', FAMILY_SUPPORT: 'Sostegno alla famiglia', OTHER: 'Altro' },
} as const;
const STATUS = {
  en: { PLANNED: 'planned', IN_PROGRESS: 'in progress', DELIVERED: 'delivered', CANCELLED: 'cancelled' },
  it: { PLANNED: 'previsto', IN_PROGRESS: 'in corso', DELIVERED: 'erogato', CANCELLED: 'annullato' },
} as const;
const RECEIVER = {
  en: { PARENT: 'parent', RELATIVE: 'relative', CHILD_PROTECTION_AUTHORITY: 'child-protection authority', OTHER: 'other' },
  it: { PARENT: 'genitore', RELATIVE: 'parente', CHILD_PROTECTION_AUTHORITY: 'autorità di protezione dell’infanzia', OTHER: 'altro' },
} as const;
const MODE = {
  en: { HOME: 'home visit', PHONE: 'phone call', SCHOOL: 'visit at school', IOM_OFFICE: 'at the IOM office' },
  it: { HOME: 'visita domiciliare', PHONE: 'colloquio telefonico', SCHOOL: 'visita a scuola', IOM_OFFICE: "presso l'ufficio OIM" },
} as const;
const DOC = {
  en: { PASSPORT: 'passport', LAISSEZ_PASSER: 'laissez-passer', OTHER: 'other travel document' },
  it: { PASSPORT: 'passaporto', LAISSEZ_PASSER: 'lasciapassare', OTHER: 'altro documento di viaggio' },
} as const;
const INDICATOR_IT: Record<string, string> = {
  incomeSource: 'fonte di reddito',
  foodSecurity: 'sicurezza alimentare',
  abilityToBorrow: 'accesso al credito',
  debtBurden: 'peso del debito',
  economicSatisfaction: 'soddisfazione per la situazione economica',
  housing: 'abitazione',
  education: 'istruzione',
  healthcare: 'accesso alle cure',
  documentation: 'documenti di identità',
  safeWater: 'acqua potabile',
  socialParticipation: 'partecipazione sociale',
  supportNetwork: 'rete di sostegno',
  senseOfBelonging: 'senso di appartenenza',
  physicalSafety: 'sicurezza fisica',
  distressAbsence: 'assenza di disagio psicologico',
};

const euro = (n: number) => `€ ${n.toFixed(2)}`;
const yesNo = (b: boolean, lang: 'en' | 'it') => (lang === 'en' ? (b ? 'yes' : 'no') : b ? 'sì' : 'no');
const dateEn = (iso: string) => iso.slice(0, 10);
const dateIt = (iso: string) => formatIsoDateIt(iso);

function complete(kind: ReturnReportKind, en: ReportSections, it: ReportSections, records: Record<string, unknown>): DraftPrefill {
  const fill = (s: ReportSections) => Object.fromEntries(RETURN_REPORT_SECTION_KEYS[kind].map((k) => [k, s[k]?.trim() ? s[k]! : '—']));
  return { originalLanguage: 'English', sectionsOriginal: fill(en), sectionsIt: fill(it), source: { ...EMPTY_SOURCE, records } };
}

export interface PlanForReport {
  plan: PlanRow;
  objectives: ObjectiveRow[];
  items: ItemRow[];
  monitoringMonths: readonly number[];
}

export function prefillReintegrationPlan({ plan, objectives, items, monitoringMonths }: PlanForReport): DraftPrefill {
  const text = (lang: 'en' | 'it') => {
    const objectiveLines = objectives.map((o) => `${DIMENSION[lang][o.dimension]} (${LEVEL[lang][o.level]}): ${o.description}`);
    const itemLines = items.map(
      (i) =>
        `${ASSISTANCE[lang][i.type]} – ${i.description}; ${lang === 'en' ? 'provider' : 'fornitore'}: ${i.provider}; ${lang === 'en' ? 'budget' : 'budget'} ${euro(Number(i.budget_eur))}${
          i.in_kind ? (lang === 'en' ? ' (in kind)' : ' (in beni e servizi)') : ''
        }; ${STATUS[lang][i.status]}`,
    );
    const timeline = items
      .filter((i) => i.planned_on)
      .map((i) => `${lang === 'en' ? dateEn(i.planned_on!) : dateIt(i.planned_on!)}: ${ASSISTANCE[lang][i.type]}`);
    const months = monitoringMonths.map((m) => `+${m}`).join(', ');
    return {
      needsAndSkills: plan.needs_and_skills,
      familySituation: plan.family_situation,
      objectives: objectiveLines.join('\n'),
      assistance: itemLines.join('\n'),
      timeline: timeline.join('\n'),
      monitoringPlan:
        lang === 'en'
          ? `Monitoring visits by the IOM mission at ${months} months after the hand-over (at least six months), with a report after each visit.`
          : `Visite di monitoraggio della missione OIM a ${months} mesi dalla consegna (almeno sei mesi), con una relazione dopo ogni visita.`,
      minorViews: `${plan.minor_views} (${plan.minor_views_language}${plan.mediator_name ? `, ${lang === 'en' ? 'mediator' : 'mediatore'}: ${plan.mediator_name}` : ''})`,
    };
  };
  return complete('REINTEGRATION_PLAN', text('en'), text('it'), { planId: plan.id, planVersion: plan.version });
}

export interface OperationalNoteSources {
  travel: TravelPlanRow;
  proceeding: ProceedingRow | null;
  decision: DecisionRow | null;
}

export function prefillOperationalNote({ travel, proceeding, decision }: OperationalNoteSources): DraftPrefill {
  const text = (lang: 'en' | 'it') => {
    const en = lang === 'en';
    const date = (iso: string) => (en ? dateEn(iso) : dateIt(iso));
    const court =
      proceeding && decision
        ? en
          ? `${proceeding.court_name}, docket ${proceeding.docket_number}: return ordered on ${date(decision.decided_on)}.`
          : `${proceeding.court_name}, R.G. ${proceeding.docket_number}: rimpatrio disposto con decreto del ${date(decision.decided_on)}.`
        : '';
    const escort = travel.escort_required
      ? `${travel.escort_name ?? '—'} (${travel.escort_role ?? '—'})`
      : en
        ? `No escort: waived by the supervisor (${travel.escort_waiver_reason ?? ''})`
        : `Senza accompagnatore: esonero del supervisore (${travel.escort_waiver_reason ?? ''})`;
    const departure = romeDay(travel.planned_departure);
    return {
      courtDecision: court,
      itinerary: `${en ? 'Planned departure' : 'Partenza prevista'}: ${date(departure)}\n${travel.itinerary}`,
      escort,
      receivingCaregiver: `${travel.caregiver_name} (${travel.caregiver_relationship}); ${en ? 'airport collection' : 'ritiro in aeroporto'}: ${yesNo(travel.airport_collection, lang)}`,
      travelDocuments: `${DOC[lang][travel.travel_document_type]}: ${en ? (travel.travel_document_ready ? 'ready' : 'not ready') : travel.travel_document_ready ? 'pronto' : 'non pronto'}; ${
        en ? 'consular contact' : 'contatto con il consolato'
      }: ${yesNo(travel.consular_contact, lang)}; ${en ? 'fit to travel' : 'idoneità al viaggio'}: ${yesNo(travel.fit_to_travel, lang)}`,
      handoverArrangements: en
        ? `Reception at arrival by ${travel.mission_name} with the caregiver; a hand-over protocol is signed at the airport.`
        : `Accoglienza all'arrivo a cura di ${travel.mission_name} con chi accoglie il minore; all'aeroporto si firma il verbale di consegna.`,
    };
  };
  return complete('AVR_OPERATIONAL_NOTE', text('en'), text('it'), { travelPlanId: travel.id, travelPlanVersion: travel.version, courtDecisionId: decision?.id ?? null });
}

export function prefillHandoverProtocol(handover: HandoverRow, escort: { name: string | null; role: string | null } | null): DraftPrefill {
  const text = (lang: 'en' | 'it') => {
    const en = lang === 'en';
    const day = romeDay(handover.arrived_at);
    return {
      handover: `${en ? dateEn(day) : dateIt(day)} – ${handover.place}`,
      receivedBy: `${handover.received_by_name} (${RECEIVER[lang][handover.received_by_kind]})`,
      escort: escort?.name ? `${escort.name} (${escort.role ?? '—'})` : en ? 'No escort' : 'Senza accompagnatore',
      signatures: handover.signed_by.join('\n') + (handover.notes ? `\n${handover.notes}` : ''),
    };
  };
  return complete('HANDOVER_PROTOCOL', text('en'), text('it'), { handoverId: handover.id, protocolDocumentId: handover.protocol_document_id });
}

export function prefillMonitoringReport(visit: VisitRow, items: ItemRow[]): DraftPrefill {
  const byId = new Map(items.map((i) => [i.id, i]));
  const scores = visit.sustainability_scores as SustainabilityScores | null;
  const text = (lang: 'en' | 'it') => {
    const en = lang === 'en';
    const delivered = visit.assistance_delivered.map((a) => {
      const item = byId.get(a.itemId);
      return `${item ? ASSISTANCE[lang][item.type] : a.itemId}: ${STATUS[lang][a.status]}${a.deliveredOn ? ` (${en ? dateEn(a.deliveredOn) : dateIt(a.deliveredOn)})` : ''}${a.note ? ` – ${a.note}` : ''}`;
    });
    let scoreText = en ? 'Not scored at this visit.' : 'Punteggi non rilevati in questa visita.';
    if (scores) {
      const index = sustainabilityIndex(scores);
      const lines = (Object.keys(RSS_INDICATORS) as (keyof typeof RSS_INDICATORS)[]).map(
        (d) => `${DIMENSION[lang][d]}: ${RSS_INDICATORS[d].map((k) => `${en ? k : INDICATOR_IT[k]} ${scores[k]}`).join(', ')}`,
      );
      scoreText = `${lines.join('\n')}\n${en ? 'Composite index' : 'Indice composito'}: ${index.composite} (${DIMENSION[lang].ECONOMIC} ${index.economic}, ${DIMENSION[lang].SOCIAL} ${index.social}, ${DIMENSION[lang].PSYCHOSOCIAL} ${index.psychosocial})`;
    }
    return {
      visit: `${visit.visited_on ? (en ? dateEn(visit.visited_on) : dateIt(visit.visited_on)) : '—'}, ${visit.mode ? MODE[lang][visit.mode] : '—'}; ${en ? 'officer' : 'operatore'}: ${visit.officer ?? '—'}; ${
        en ? 'child seen alone' : 'minore incontrato da solo'
      }: ${yesNo(visit.child_seen_alone === true, lang)}`,
      wellbeing: visit.wellbeing ?? '',
      protectionConcerns: visit.protection_concerns ?? (en ? 'None reported.' : 'Nessuno riferito.'),
      assistanceDelivered: delivered.join('\n') || (en ? 'No assistance recorded at this visit.' : 'Nessuna assistenza registrata in questa visita.'),
      sustainabilityScores: scoreText,
      recommendations: visit.notes ?? '',
    };
  };
  return complete('MONITORING_REPORT', text('en'), text('it'), { monitoringVisitId: visit.id, seq: visit.seq });
}
