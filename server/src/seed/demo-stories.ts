import { createHash } from 'node:crypto';
import { DEFAULT_MONITORING_MONTHS, addDays, addMonths, findTransition, romeDay, romeInstant, type CaseState, type ReportKind } from '@app/contracts';
import type { EntityManager } from 'typeorm';
import type { Executor } from '../database/db';
import type { DraftPrefill } from '../reports/report-drafting';
import { createReportForSeed, type SeedReportStatus } from '../reports/report-seed';
import { prefillHandoverProtocol, prefillMonitoringReport, prefillOperationalNote, prefillReintegrationPlan } from '../return/return-report-prefill';
import { loadHandover, loadPlan, loadTravelPlan, type DecisionRow, type ProceedingRow, type VisitRow } from '../return/return.store';
import { createTracingRequestForSeed } from '../tracing/tracing.store';
import { appendCaseHistory } from '../workflow/case-changes';

// The path each demo case took to reach its state: every record a real case in that state would
// have (consents, risk checks, tracing, assessment, reports, decisions) and the history of its
// transitions, so each screen, guard and dashboard shows something true to life.
const PREVIOUS: Partial<Record<CaseState, CaseState>> = {
  SCREENING: 'RECEIVED',
  INFO_REQUESTED: 'SCREENING',
  REJECTED: 'SCREENING',
  READY_FOR_TRACING: 'SCREENING',
  TRACING_IN_PROGRESS: 'READY_FOR_TRACING',
  FAMILY_LOCATED: 'TRACING_IN_PROGRESS',
  NOT_LOCATED: 'TRACING_IN_PROGRESS',
  UNSAFE: 'TRACING_IN_PROGRESS',
  FAMILY_REFUSED: 'TRACING_IN_PROGRESS',
  ASSESSMENT_DONE: 'FAMILY_LOCATED',
  REPORT_DRAFTING: 'ASSESSMENT_DONE',
  REPORT_QA: 'REPORT_DRAFTING',
  REPORT_APPROVED: 'REPORT_QA',
  REPORT_SENT: 'REPORT_APPROVED',
  AWAITING_SOLUTION: 'REPORT_SENT',
  CLOSED_LOCAL_SOLUTION: 'AWAITING_SOLUTION',
  AVR_REQUESTED: 'AWAITING_SOLUTION',
  AVR_COUNSELLING: 'AVR_REQUESTED',
  COURT_PENDING: 'AVR_COUNSELLING',
  COURT_APPROVED: 'COURT_PENDING',
  COURT_REJECTED: 'COURT_PENDING',
  AVR_PREPARATION: 'COURT_APPROVED',
  IN_TRANSIT: 'AVR_PREPARATION',
  HANDED_OVER: 'IN_TRANSIT',
  REINTEGRATION: 'HANDED_OVER',
  MONITORING: 'REINTEGRATION',
  CLOSED_REINTEGRATED: 'MONITORING',
  ON_HOLD: 'TRACING_IN_PROGRESS',
  WITHDRAWN: 'TRACING_IN_PROGRESS',
  AGED_OUT: 'SCREENING',
};

// The states a case went through, RECEIVED first, the current state last. `via` replaces the
// predecessor of one state (a non-location note is drafted after NOT_LOCATED, not an assessment).
export function demoPath(state: CaseState, via: Partial<Record<CaseState, CaseState>> = {}): CaseState[] {
  const path: CaseState[] = [state];
  let current: CaseState | undefined = state;
  while (current && current !== 'RECEIVED') {
    current = via[current] ?? PREVIOUS[current];
    if (current) path.unshift(current);
  }
  return path;
}

export type DemoExecutor = Pick<EntityManager, 'query'>;

export interface DemoMinorRef {
  firstName: string;
  lastName: string;
  nationality: string;
  sex: 'M' | 'F';
}

// Where the family lives, by nationality: invented addresses in real districts of origin.
const ORIGIN: Record<string, { locality: string; mother: string; father: string; uncle: string; language: string }> = {
  EG: { locality: 'Kafr el-Sheikh', mother: 'Fatma', father: 'Hassan', uncle: 'Mahmoud', language: 'Arabo (egiziano)' },
  UA: { locality: 'Kharkiv', mother: 'Olena', father: 'Serhii', uncle: 'Andrii', language: 'Ucraino' },
  BD: { locality: 'Sylhet', mother: 'Rokeya', father: 'Abdul', uncle: 'Kamal', language: 'Bengali' },
  GM: { locality: 'Brikama', mother: 'Isatou', father: 'Ousman', uncle: 'Lamin', language: 'Mandinka' },
  TN: { locality: 'Sfax', mother: 'Salma', father: 'Hedi', uncle: 'Karim', language: 'Arabo (tunisino)' },
  GN: { locality: 'Kankan', mother: 'Mariama', father: 'Alpha', uncle: 'Sekou', language: 'Pular' },
  AL: { locality: 'Shkodër', mother: 'Drita', father: 'Arben', uncle: 'Gjergj', language: 'Albanese' },
  PK: { locality: 'Gujrat', mother: 'Nasreen', father: 'Tariq', uncle: 'Imran', language: 'Urdu' },
  CI: { locality: 'Daloa', mother: 'Awa', father: 'Bakary', uncle: 'Souleymane', language: 'Dioula' },
  ML: { locality: 'Kayes', mother: 'Kadiatou', father: 'Boubacar', uncle: 'Mamadou', language: 'Bambara' },
  SN: { locality: 'Kolda', mother: 'Aminata', father: 'Ibrahima', uncle: 'Ousmane', language: 'Wolof' },
  ER: { locality: 'Keren', mother: 'Letteberhan', father: 'Tesfamariam', uncle: 'Yonas', language: 'Tigrino' },
  SO: { locality: 'Hargeisa', mother: 'Hodan', father: 'Abdullahi', uncle: 'Farah', language: 'Somalo' },
};

export const originOf = (nationality: string) => ORIGIN[nationality] ?? ORIGIN.EG!;

export interface StoryContext {
  tx: Executor;
  caseId: string;
  index: number;
  state: CaseState;
  minor: DemoMinorRef;
  channel: string;
  requestDate: Date;
  updatedAt: Date;
  user: (key: string) => string;
  org: (key: string) => string;
  // The IOM mission that traces in the minor's country of origin.
  mission: string;
  guardian: string | null;
  socialServices: string;
  court: string | null;
}

const SECTION_KEYS = [
  'household', 'housing', 'livelihood', 'beforeDeparture', 'migrationReasons', 'familyViewOfPath', 'careCapacity', 'protectionRisks',
  'communityResources', 'observations', 'recommendations',
] as const;

function assessmentText(minor: DemoMinorRef, origin: ReturnType<typeof originOf>): { en: Record<string, string>; it: Record<string, string> } {
  const name = minor.firstName;
  const en: Record<string, string> = {
    household: `${origin.mother} (mother) lives with ${name}'s two younger siblings and the paternal grandmother. The father, ${origin.father}, works away for months at a time.`,
    housing: `A rented two-room house on the edge of ${origin.locality}, with electricity and a shared water point.`,
    livelihood: 'Irregular income from day labour; a small debt with a neighbour for the journey.',
    beforeDeparture: `${name} attended school up to the second year of secondary school, then worked in a workshop.`,
    migrationReasons: `The family says ${name} left to find work and help repay the family's debts; an uncle paid part of the journey.`,
    familyViewOfPath: `The mother wants ${name} to finish school in Italy and is proud of the progress reported.`,
    careCapacity: 'The mother is willing to care for the child but says the household struggles to cover school costs.',
    protectionRisks: 'No violence reported within the household. Pressure to work to repay the debt is a risk on return.',
    communityResources: 'A public secondary school and a vocational centre 3 km away; a primary health centre in town.',
    observations: 'The interview took place at home, the mother was calm and cooperative; the siblings were present for part of it.',
    recommendations: 'Elements for the best-interests decision: the family is reachable and supportive; debt pressure should be weighed.',
  };
  const it: Record<string, string> = {
    household: `${origin.mother} (madre) vive con i due fratelli minori di ${name} e la nonna paterna. Il padre, ${origin.father}, lavora lontano per mesi.`,
    housing: `Una casa in affitto di due stanze alla periferia di ${origin.locality}, con elettricità e un punto d'acqua condiviso.`,
    livelihood: 'Reddito irregolare da lavoro a giornata; un piccolo debito con un vicino per il viaggio.',
    beforeDeparture: `${name} ha frequentato la scuola fino al secondo anno della secondaria, poi ha lavorato in un'officina.`,
    migrationReasons: `Secondo la famiglia ${name} è partito per trovare lavoro e aiutare a ripagare i debiti; uno zio ha pagato parte del viaggio.`,
    familyViewOfPath: `La madre desidera che ${name} completi gli studi in Italia ed è orgogliosa dei progressi riferiti.`,
    careCapacity: 'La madre è disponibile a occuparsi del minore ma riferisce difficoltà a sostenere le spese scolastiche.',
    protectionRisks: 'Nessuna violenza riferita in famiglia. La pressione a lavorare per ripagare il debito è un rischio in caso di rientro.',
    communityResources: 'Una scuola secondaria pubblica e un centro di formazione professionale a 3 km; un centro sanitario in città.',
    observations: "Il colloquio si è svolto a casa; la madre era tranquilla e collaborativa; i fratelli erano presenti per una parte dell'incontro.",
    recommendations: "Elementi per la valutazione del superiore interesse: la famiglia è raggiungibile e di supporto; va considerata la pressione del debito.",
  };
  return { en, it };
}

// Writes the records and the transition history of one demo case.
export async function writeDemoStory(ctx: StoryContext): Promise<void> {
  const { tx, caseId, state, minor } = ctx;
  const origin = originOf(minor.nationality);
  const path = demoPath(state, ctx.index === 35 ? { REPORT_DRAFTING: 'NOT_LOCATED' } : {});
  const reached = (s: CaseState) => path.includes(s);
  // A returned minor's story needs time after the hand-over (monitoring lasts six months): the
  // hand-over is placed that long before the last update, and the request moved back if the
  // random request date leaves too little room for the steps before it.
  const handoverAt = HANDOVER_DAYS_BEFORE_UPDATE[state] !== undefined ? new Date(ctx.updatedAt.getTime() - HANDOVER_DAYS_BEFORE_UPDATE[state]! * DAY) : null;
  let requestDate = ctx.requestDate;
  if (handoverAt && handoverAt.getTime() - requestDate.getTime() < 60 * DAY) {
    requestDate = new Date(handoverAt.getTime() - 120 * DAY);
    await tx.query(`UPDATE cases SET request_date = $2, created_at = $3 WHERE id = $1`, [caseId, romeDay(requestDate), requestDate]);
    await tx.query(`UPDATE minors SET arrival_date = $2 WHERE id = (SELECT minor_id FROM cases WHERE id = $1)`, [caseId, addDays(romeDay(requestDate), -30)]);
  }
  const span = Math.max(ctx.updatedAt.getTime() - requestDate.getTime(), 3_600_000);
  // The moment the case entered each state of its path, spread between the request and the last
  // update (for a returned minor: up to the hand-over, then the return's own calendar).
  const at = (s: CaseState, offsetMinutes = 0) => {
    const offset = offsetMinutes * 60_000;
    if (!handoverAt) return new Date(requestDate.getTime() + (span * path.indexOf(s)) / path.length + offset);
    const handoverIndex = path.indexOf('HANDED_OVER');
    const i = path.indexOf(s);
    if (i <= handoverIndex) return new Date(requestDate.getTime() + ((handoverAt.getTime() - requestDate.getTime()) * i) / handoverIndex + offset);
    const after = { REINTEGRATION: 3 * DAY, MONITORING: 35 * DAY } as Partial<Record<CaseState, number>>;
    if (after[s] !== undefined) return new Date(handoverAt.getTime() + after[s]! + offset);
    return new Date(ctx.updatedAt.getTime() - 2 * 3_600_000 + offset);
  };
  const caseworker = ctx.user(ctx.index % 2 === 0 ? 'caseworker' : 'caseworker2');
  const supervisor = ctx.user('supervisor');
  const field = ctx.user(minor.nationality === 'BD' ? 'field_dhaka' : 'field_cairo');

  const member = async (relationship: string, firstName: string, lastName: string, extra: { target?: boolean; doNotContact?: string; phone?: string } = {}) =>
    (
      await tx.query<{ id: string }[]>(
        `INSERT INTO family_members (case_id, relationship, first_name, last_name, alive, country, locality, address, phones, is_caregiver_candidate, do_not_contact, do_not_contact_reason, created_at)
         VALUES ($1, $2, $3, $4, 'YES', $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
        [caseId, relationship, firstName, lastName, minor.nationality, origin.locality, extra.target ? `Quartiere ${origin.locality} Est, vicino alla moschea/chiesa principale` : null,
          extra.phone ? [extra.phone] : [], Boolean(extra.target), Boolean(extra.doNotContact), extra.doNotContact ?? null, requestDate],
      )
    )[0]!.id;
  const mother = await member('madre', origin.mother, minor.lastName, { target: true, phone: `+${100 + ctx.index} 555 0${1000 + ctx.index}` });
  const unsafeFather = state === 'UNSAFE' || ctx.index === 7;
  await member('padre', origin.father, minor.lastName, unsafeFather ? { doNotContact: 'Il minore riferisce che il padre ha organizzato il viaggio con un trafficante: non contattare.' } : {});
  if (ctx.index % 3 === 0) await member('zio paterno', origin.uncle, minor.lastName);

  const consent = async (scope: string, when: Date, extra: { familyMemberId?: string; tracingRequestId?: string; withdrawnAt?: Date } = {}) =>
    (
      await tx.query<{ id: string }[]>(
        `INSERT INTO consents (case_id, subject, family_member_id, tracing_request_id, scope, language, mediator_present, mediator_name, informed_by, minor_words, given_at, withdrawn_at, withdrawal_reason, recorded_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $11) RETURNING id`,
        [caseId, extra.familyMemberId ? 'FAMILY_MEMBER' : 'MINOR', extra.familyMemberId ?? null, extra.tracingRequestId ?? null, scope, origin.language, true,
          extra.familyMemberId ? null : 'Mediatore culturale (demo)', extra.familyMemberId ? 'Operatore OIM della missione' : 'Operatore OIM Roma',
          extra.familyMemberId ? null : 'Voglio che l’OIM trovi mia madre e le dica che sto bene.', when, extra.withdrawnAt ?? null,
          extra.withdrawnAt ? 'Il minore non vuole più che la famiglia sia contattata.' : null, extra.familyMemberId ? field : caseworker],
      )
    )[0]!.id;
  const riskCheck = async (decision: string, when: Date, approved: boolean) =>
    tx.query(
      `INSERT INTO risk_checks (case_id, stage, risk_to_minor, risk_to_family, protection_status_conflict, trafficking_concern, area_security, decision, mitigation, assessed_by, approved_by, approved_at, created_at)
       VALUES ($1, 'PRE_TRACING', $2, $3, false, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [caseId, decision === 'DO_NOT_PROCEED' ? 'Il contatto potrebbe esporre il minore a ritorsioni del padre.' : 'Nessuna minaccia nota da parte della famiglia.',
        decision === 'DO_NOT_PROCEED' ? 'Il padre potrebbe fare pressione sulla madre.' : 'Basso.', decision === 'DO_NOT_PROCEED', 'Area stabile secondo la missione.',
        decision, null, caseworker, approved ? supervisor : null, approved ? new Date(when.getTime() + 3_600_000) : null, when],
    );

  // Screening: a consent and a risk check waiting for the supervisor on some cases, so the
  // approval queue has work in it.
  if (state === 'SCREENING' && ctx.index !== 32) {
    await consent('TRACING', at('SCREENING', 60));
    await riskCheck('PROCEED', at('SCREENING', 120), false);
  }
  if (reached('READY_FOR_TRACING')) {
    await consent('TRACING', at('SCREENING', 60));
    await riskCheck('PROCEED', at('SCREENING', 120), true);
  }
  let tracingRequestId: string | null = null;
  if (reached('TRACING_IN_PROGRESS')) {
    const outcomeReached = path.some((s) => ['FAMILY_LOCATED', 'NOT_LOCATED', 'UNSAFE', 'FAMILY_REFUSED'].includes(s));
    const sent = await createTracingRequestForSeed(tx, {
      caseId,
      missionId: ctx.mission,
      targetMemberIds: [mother],
      questions: ['La famiglia è disponibile a essere informata del percorso del minore in Italia?', 'Quali sono le condizioni abitative ed economiche del nucleo?'],
      safetyNotes: unsafeFather ? 'Non contattare il padre: vedere l’elenco «non contattare».' : null,
      sentBy: caseworker,
      sentAt: at('TRACING_IN_PROGRESS', -60),
      status: outcomeReached || ctx.index % 2 === 0 ? 'IN_PROGRESS' : 'SENT',
    });
    tracingRequestId = sent.id;
    if (outcomeReached || ctx.index % 2 === 0) {
      await tx.query(
        `INSERT INTO contact_attempts (tracing_request_id, attempted_at, channel, result, family_member_id, recorded_by) VALUES ($1, $2, 'PHONE', $3, $4, $5)`,
        [sent.id, at('TRACING_IN_PROGRESS', 24 * 60), 'Numero non raggiungibile; lasciato messaggio al capo villaggio.', mother, field],
      );
    }
    if (state === 'WITHDRAWN') {
      await tx.query(`UPDATE consents SET withdrawn_at = $2, withdrawal_reason = 'Il minore non vuole più che la famiglia sia contattata.' WHERE case_id = $1 AND subject = 'MINOR'`, [caseId, at('WITHDRAWN', -30)]);
      await tx.query(`UPDATE tracing_requests SET status = 'CANCELLED', cancelled_at = $2, cancel_reason = 'Consenso del minore revocato' WHERE id = $1`, [sent.id, at('WITHDRAWN')]);
    }
  }
  const outcomeState = path.find((s) => ['FAMILY_LOCATED', 'NOT_LOCATED', 'UNSAFE', 'FAMILY_REFUSED'].includes(s));
  if (outcomeState && tracingRequestId) {
    const outcome = { FAMILY_LOCATED: 'LOCATED', NOT_LOCATED: 'NOT_LOCATED', UNSAFE: 'UNSAFE_TO_PROCEED', FAMILY_REFUSED: 'FAMILY_REFUSED' }[outcomeState as 'UNSAFE'];
    const when = at(outcomeState, -120);
    await tx.query(
      `INSERT INTO contact_attempts (tracing_request_id, attempted_at, channel, result, family_member_id, recorded_by) VALUES ($1, $2, 'HOME_VISIT', $3, $4, $5)`,
      [tracingRequestId, new Date(when.getTime() - 3_600_000), outcome === 'NOT_LOCATED' ? 'Nessuno all’indirizzo indicato; i vicini non conoscono la famiglia.' : 'Visita all’indirizzo indicato; incontrata la madre.', mother, field],
    );
    await tx.query(
      `UPDATE tracing_requests SET outcome = $2, outcome_notes = $3, interview_mode = $4, status = $5, outcome_recorded_at = $6, outcome_recorded_by = $7 WHERE id = $1`,
      [tracingRequestId, outcome, {
        LOCATED: 'Madre rintracciata all’indirizzo indicato; disponibile al colloquio.',
        NOT_LOCATED: 'La famiglia non risulta più residente a questo indirizzo; ricerche nel quartiere senza esito.',
        UNSAFE_TO_PROCEED: 'La missione sconsiglia di proseguire: il padre controlla i contatti della famiglia.',
        FAMILY_REFUSED: 'La madre ha rifiutato il colloquio e non desidera essere ricontattata.',
      }[outcome], outcome === 'LOCATED' ? 'HOME_VISIT' : null, outcome === 'LOCATED' ? 'COMPLETED' : 'FAILED', when, field],
    );
    if (outcome === 'UNSAFE_TO_PROCEED') await riskCheck('DO_NOT_PROCEED', at('UNSAFE', -60), true);
  }
  if (reached('FAMILY_LOCATED') && tracingRequestId) {
    await consent('INTERVIEW', at('FAMILY_LOCATED', 30), { familyMemberId: mother, tracingRequestId });
  }
  if (reached('ASSESSMENT_DONE') && tracingRequestId) {
    const text = assessmentText(minor, origin);
    const translated = reached('REPORT_DRAFTING');
    await tx.query(
      `INSERT INTO family_assessments (case_id, tracing_request_id, interview_date, interview_mode, persons_present, language_original, sections_original, sections_it,
         translated_by, translated_at, written_by, created_at, updated_at)
       VALUES ($1, $2, $3, 'HOME_VISIT', $4, 'Inglese', $5, $6, $7, $8, $9, $10, $10)`,
      [caseId, tracingRequestId, romeDay(at('ASSESSMENT_DONE', -24 * 60)), `${origin.mother} (madre)\nNonna paterna`, JSON.stringify(text.en),
        translated ? JSON.stringify(Object.fromEntries(SECTION_KEYS.map((k) => [k, text.it[k]]))) : null, translated ? caseworker : null,
        translated ? at('REPORT_DRAFTING', 60) : null, field, at('ASSESSMENT_DONE', -60)],
    );
  }
  let shareConsent: string | null = null;
  if (reached('REPORT_APPROVED') && reached('FAMILY_LOCATED') && tracingRequestId) {
    shareConsent = await consent('SHARE_REPORT', at('FAMILY_LOCATED', 40), { familyMemberId: mother, tracingRequestId });
  }
  if (reached('REPORT_DRAFTING')) {
    const status = state === 'REPORT_DRAFTING' ? 'DRAFT' : state === 'REPORT_QA' ? 'IN_QA' : state === 'REPORT_APPROVED' ? 'APPROVED' : 'RELEASED';
    const other = ctx.user(ctx.index % 2 === 0 ? 'caseworker2' : 'caseworker');
    const recipients: { organisationId?: string; userId?: string; name: string }[] = [{ organisationId: ctx.socialServices, name: 'Servizi sociali richiedenti' }];
    if (ctx.guardian) recipients.push({ userId: ctx.guardian, name: 'Tutore volontario' });
    if (ctx.channel === 'DG_MLPS') recipients.push({ organisationId: ctx.org('ministry'), name: 'Ministero del Lavoro – DG' });
    if (ctx.court) recipients.push({ organisationId: ctx.court, name: 'Tribunale per i minorenni' });
    await createReportForSeed(tx, {
      caseId,
      status,
      draftedBy: caseworker,
      qaBy: other,
      approvedBy: supervisor,
      releasedBy: caseworker,
      at: at('REPORT_DRAFTING', 120),
      ...(status === 'RELEASED'
        ? { release: { recipients, purpose: 'Valutazione del superiore interesse del minore (art. 19 c. 7-bis d.lgs. 142/2015)', legalBasis: 'Art. 19 c. 7-bis d.lgs. 142/2015; consenso della famiglia', familyConsentId: shareConsent } }
        : {}),
    });
  }
  if (state === 'CLOSED_LOCAL_SOLUTION') {
    await tx.query(
      `INSERT INTO durable_solutions (case_id, solution, decided_by, decision_ref, decided_on, minor_views, minor_views_language, mediator_present, options_considered, recorded_by, created_at)
       VALUES ($1, 'LOCAL_INTEGRATION_IT', 'Servizi sociali e tutore', $2, $3, 'Voglio restare in Italia e finire la scuola professionale.', $4, true, $5, $6, $7)`,
      [caseId, `Verbale servizi sociali n. ${100 + ctx.index}/${romeDay(at('CLOSED_LOCAL_SOLUTION', -60)).slice(0, 4)}`, romeDay(at('CLOSED_LOCAL_SOLUTION', -60)), origin.language,
        ['LOCAL_INTEGRATION_IT', 'RETURN_AVR'], caseworker, at('CLOSED_LOCAL_SOLUTION', -60)],
    );
  }
  if (state === 'ON_HOLD') await tx.query(`UPDATE cases SET state_before_hold = 'TRACING_IN_PROGRESS' WHERE id = $1`, [caseId]);
  if (reached('AVR_REQUESTED')) await writeReturnStory({ ctx, path, at, handoverAt, mother, caseworker, supervisor, origin });

  // The transitions, each by a role that may fire it, with the reason where one is required.
  const REASONS: Partial<Record<CaseState, string>> = {
    INFO_REQUESTED: 'Manca la data di nascita dichiarata: chiesta ai servizi sociali.',
    REJECTED: 'Richiesta duplicata di un caso già aperto.',
    ON_HOLD: 'Il minore è ricoverato; si riprende alla dimissione.',
    WITHDRAWN: 'Consenso del minore revocato.',
    AGED_OUT: 'Compimento dei 18 anni senza prosieguo amministrativo.',
  };
  const SUPERVISOR_STEPS = new Set<CaseState>(['READY_FOR_TRACING', 'REPORT_APPROVED', 'REJECTED', 'AGED_OUT', 'AVR_PREPARATION', 'CLOSED_REINTEGRATED']);
  for (let i = 1; i < path.length; i += 1) {
    const to = path[i]!;
    await appendCaseHistory(tx, {
      caseId, at: at(to), actorId: SUPERVISOR_STEPS.has(to) ? supervisor : caseworker, kind: 'TRANSITION', fromState: path[i - 1]!, toState: to, reason: REASONS[to] ?? null,
      detail: { transition: findTransition(path[i - 1]!, to)?.id ?? 'demo' },
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Part 2 (issue 4): the return. Every record a case in each state of the return path has: the
// minor's request and the guardian's consent, counselling, the reintegration plan and its report,
// the proceeding with hearings, the decision and its decree (a small generated PDF), the return
// risk checks, the caregiver's acceptance, the travel plan and the operational note, the hand-over
// with its signed protocol, the monitoring visits with their reports, the durable solution.

const DAY = 86_400_000;
// How long before the case's last update the child was handed over, by state.
const HANDOVER_DAYS_BEFORE_UPDATE: Partial<Record<CaseState, number>> = { HANDED_OVER: 3, REINTEGRATION: 45, MONITORING: 100, CLOSED_REINTEGRATED: 215 };

const pdfText = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '?')
    .replace(/([\\()])/g, '\\$1');

// A one-page PDF with a title and a few lines (Helvetica, built by hand: valid xref, no dependency).
export function tinyPdf(title: string, lines: string[]): Buffer {
  const text = [`BT /F1 14 Tf 56 780 Td (${pdfText(title)}) Tj ET`, ...lines.map((line, i) => `BT /F1 10 Tf 56 ${750 - i * 16} Td (${pdfText(line)}) Tj ET`)].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

interface ReturnStory {
  ctx: StoryContext;
  path: CaseState[];
  at: (s: CaseState, offsetMinutes?: number) => Date;
  handoverAt: Date | null;
  mother: string;
  caseworker: string;
  supervisor: string;
  origin: ReturnType<typeof originOf>;
}

const isoDay = romeDay;

async function writeReturnStory({ ctx, path, at, handoverAt, mother, caseworker, supervisor, origin }: ReturnStory): Promise<void> {
  const { tx, caseId, state, minor } = ctx;
  const reached = (s: CaseState) => path.includes(s);
  const past = (s: CaseState) => reached(s) && s !== state;
  const name = minor.firstName;
  const court = ctx.court;
  const guardianName = 'Tutore volontario (demo)';

  const document = async (type: string, title: string, when: Date, by: string, lines: string[], sensitivity = 'STD', origin = 'RECEIVED') => {
    const data = tinyPdf(title, lines);
    const id = (
      await tx.query<{ id: string }[]>(
        `INSERT INTO documents (case_id, type, title, language, sensitivity, origin, file_name, media_type, size_bytes, sha256, uploaded_by, uploaded_at)
         VALUES ($1, $2, $3, 'it', $4, $5, $6, 'application/pdf', $7, $8, $9, $10) RETURNING id`,
        [caseId, type, title, sensitivity, origin, `${type.toLowerCase().replace(/_/g, '-')}.pdf`, data.length, createHash('sha256').update(data).digest('hex'), by, when],
      )
    )[0]!.id;
    await tx.query(`INSERT INTO document_contents (document_id, content) VALUES ($1, $2)`, [id, data]);
    return id;
  };
  const consent = (subject: string, scope: string, when: Date, extra: { familyMemberId?: string; words?: string; informedBy: string; by: string; mediator?: boolean }) =>
    tx.query(
      `INSERT INTO consents (case_id, subject, family_member_id, scope, language, mediator_present, mediator_name, informed_by, minor_words, given_at, recorded_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $10)`,
      [caseId, subject, extra.familyMemberId ?? null, scope, subject === 'GUARDIAN' ? 'Italiano' : origin.language, Boolean(extra.mediator), extra.mediator ? 'Mediatore culturale (demo)' : null,
        extra.informedBy, extra.words ?? null, when, extra.by],
    );
  const riskCheck = (stage: string, when: Date, approved: boolean) =>
    tx.query(
      `INSERT INTO risk_checks (case_id, stage, risk_to_minor, risk_to_family, protection_status_conflict, trafficking_concern, area_security, decision, assessed_by, approved_by, approved_at, created_at)
       VALUES ($1, $2, $3, $4, false, false, $5, 'PROCEED', $6, $7, $8, $9)`,
      [caseId, stage, stage === 'PRE_RETURN' ? 'Nessun rischio noto al rientro; la famiglia è di supporto.' : 'Il contatto con il consolato non espone il minore né la famiglia.',
        'Basso.', 'Area stabile secondo la missione.', caseworker, approved ? supervisor : null, approved ? new Date(when.getTime() + 3_600_000) : null, when],
    );
  const report = async (kind: ReportKind, status: SeedReportStatus, when: Date, prefill: DraftPrefill, release = false) =>
    (
      await createReportForSeed(tx, {
        caseId,
        kind,
        prefill,
        status: release ? 'RELEASED' : status,
        draftedBy: caseworker,
        qaBy: ctx.user(ctx.index % 2 === 0 ? 'caseworker2' : 'caseworker'),
        approvedBy: supervisor,
        releasedBy: caseworker,
        at: when,
        ...(release
          ? {
              release: {
                recipients: [
                  { organisationId: ctx.socialServices, name: 'Servizi sociali' },
                  ...(ctx.guardian ? [{ userId: ctx.guardian, name: 'Tutore volontario' }] : []),
                  ...(ctx.channel === 'DG_MLPS' ? [{ organisationId: ctx.org('ministry'), name: 'Ministero del Lavoro – DG' }] : []),
                ],
                purpose: 'Rimpatrio assistito e reinserimento del minore (art. 8 L. 47/2017)',
                legalBasis: 'Art. 8 L. 47/2017; decreto del Tribunale per i minorenni',
              },
            }
          : {}),
      })
    ).reportId;

  // §4 #14: the minor's own request and the guardian's consent.
  await consent('MINOR', 'AVR_REQUEST', at('AVR_REQUESTED', -180), {
    words: 'Voglio tornare a casa da mia madre. Nessuno mi obbliga: qui mi manca la mia famiglia.',
    informedBy: 'Operatore OIM Roma',
    by: caseworker,
    mediator: true,
  });
  await consent('GUARDIAN', 'AVR_REQUEST', at('AVR_REQUESTED', -90), { informedBy: guardianName, by: ctx.guardian ?? caseworker });
  if (!reached('AVR_COUNSELLING')) return;

  // §4 #15: counselling and the draft reintegration plan.
  const session = (when: Date, words: string) =>
    tx.query(
      `INSERT INTO counselling_sessions (case_id, held_on, counsellor, language, mediator_present, mediator_name, minor_words, topics, recorded_by, created_at)
       VALUES ($1, $2, 'Operatore OIM Roma', $3, true, 'Mediatore culturale (demo)', $4, $5, $6, $7)`,
      [caseId, isoDay(when), origin.language, words, ['scuola', 'famiglia', 'viaggio'], caseworker, when],
    );
  await session(at('AVR_COUNSELLING', 60), 'Voglio tornare e riprendere la scuola. Ho paura di deludere mia madre.');
  if (reached('COURT_PENDING')) await session(at('AVR_COUNSELLING', 3 * 24 * 60), 'Ho capito che cosa succede al ritorno e che cosa farà l’OIM. Confermo.');
  const planAt = at('AVR_COUNSELLING', 24 * 60);
  const planId = (
    await tx.query<{ id: string }[]>(
      `INSERT INTO reintegration_plans (case_id, assessments_done, needs_and_skills, family_situation, minor_views, minor_views_language, mediator_name, created_by, created_at, updated_by, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'Mediatore culturale (demo)', $7, $8, $7, $8) RETURNING id`,
      [caseId, JSON.stringify({ vulnerability: true, risk: true, family: true, skills: true, rssBaseline: reached('COURT_PENDING') }),
        `${name} ha frequentato la scuola fino al secondo anno della secondaria e ha lavorato in un'officina; vuole completare gli studi.`,
        `${origin.mother} (madre) vive a ${origin.locality} con i fratelli minori; reddito irregolare, un piccolo debito per il viaggio.`,
        'Voglio studiare e aiutare mia madre con un lavoro vero.', origin.language, caseworker, planAt],
    )
  )[0]!.id;
  const objective = async (dimension: string, level: string, description: string) =>
    (
      await tx.query<{ id: string }[]>(
        `INSERT INTO reintegration_objectives (plan_id, dimension, level, description, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [planId, dimension, level, description, caseworker, planAt],
      )
    )[0]!.id;
  const school = await objective('SOCIAL', 'INDIVIDUAL', 'Rientro a scuola entro tre mesi dal ritorno');
  const income = await objective('ECONOMIC', 'FAMILY_COMMUNITY', 'Una fonte di reddito stabile per la famiglia');
  const wellbeing = await objective('PSYCHOSOCIAL', 'INDIVIDUAL', 'Sostegno psicosociale al minore e alla famiglia nel primo anno');
  const items: { id: string; type: string }[] = [];
  for (const [objectiveId, dimension, level, type, description, provider, budget, plannedDays] of [
    [school, 'SOCIAL', 'INDIVIDUAL', 'SCHOOL_ENROLMENT', 'Iscrizione, tasse e libri per l’anno scolastico', 'Scuola secondaria pubblica', 450, 20],
    [income, 'ECONOMIC', 'FAMILY_COMMUNITY', 'MICRO_BUSINESS', 'Attrezzatura per il piccolo negozio della madre (in beni)', 'Fornitore locale selezionato dalla missione', 1200, 45],
    [wellbeing, 'PSYCHOSOCIAL', 'INDIVIDUAL', 'HEALTH_MHPSS', 'Sei sessioni di supporto psicosociale', 'ONG partner della missione', 300, 30],
  ] as const) {
    items.push({
      id: (
        await tx.query<{ id: string }[]>(
          `INSERT INTO reintegration_assistance_items (plan_id, objective_id, dimension, level, type, description, provider, budget_eur, in_kind, planned_on, created_by, created_at, updated_by, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, true, $9, $10, $11, $10, $11) RETURNING id`,
          [planId, objectiveId, dimension, level, type, description, provider, budget, addDays(romeDay(handoverAt ?? ctx.updatedAt), plannedDays), caseworker, planAt],
        )
      )[0]!.id,
      type,
    });
  }
  if (!reached('COURT_PENDING')) return;

  // §4 #16: the social services' report and the filing of the art. 8 petition.
  const fileAt = at('COURT_PENDING', -120);
  // The docket number carries the year the petition was filed.
  const docket = `R.G. ${200 + ctx.index}/${isoDay(fileAt).slice(0, 4)}`;
  const ssReport = await document('SOCIAL_SERVICES_REPORT', 'Relazione dei servizi sociali sul percorso del minore', at('COURT_PENDING', -24 * 60), caseworker, [
    `Minore: ${name} ${minor.lastName}`,
    'Percorso in Italia: frequenza scolastica regolare, buon inserimento in comunità.',
    'Il minore ha espresso più volte il desiderio di tornare dalla famiglia.',
  ]);
  const familyAssessment = (await tx.query<{ id: string }[]>(`SELECT id FROM reports WHERE case_id = $1 AND kind = 'FAMILY_ASSESSMENT'`, [caseId]))[0]!.id;
  const proceedingId = (
    await tx.query<{ id: string }[]>(
      `INSERT INTO court_proceedings (case_id, kind, court_organisation_id, docket_number, filed_by, filed_by_name, filed_on, family_assessment_report_id,
          social_services_document_id, reintegration_proposal, recorded_by, created_at)
       VALUES ($1, 'AVR_ART8', $2, $3, 'GUARDIAN', $4, $5, $6, $7, true, $8, $9) RETURNING id`,
      [caseId, court, docket, guardianName, isoDay(fileAt), familyAssessment, ssReport, caseworker, fileAt],
    )
  )[0]!.id;
  const hearing = (when: Date, held: boolean) =>
    tx.query(
      `INSERT INTO court_hearings (proceeding_id, case_id, scheduled_at, held_at, minor_heard, guardian_heard, interpreter_name, interpreter_language, recorded_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $5, $6, $7, $8, $9, $9)`,
      [proceedingId, caseId, when, held ? when : null, held ? true : null, held ? 'Interprete del tribunale (demo)' : null, held ? origin.language : null, ctx.user(ctx.index % 2 === 0 ? 'court_milano' : 'court_palermo'), fileAt],
    );
  const decisionState = reached('COURT_APPROVED') ? 'COURT_APPROVED' : reached('COURT_REJECTED') ? 'COURT_REJECTED' : null;
  if (!decisionState) {
    // Still before the court: the hearing is ahead (a task for the caseworker).
    await hearing(new Date(ctx.updatedAt.getTime() + 12 * DAY), false);
    return;
  }
  await hearing(at(decisionState, -3 * 24 * 60), true);

  // §4 #17: the decision, with its decree.
  const decidedAt = at(decisionState, -24 * 60);
  const orders = decisionState === 'COURT_APPROVED';
  const decree = await document('COURT_DECREE', `Decreto del Tribunale per i minorenni – ${docket}`, decidedAt, ctx.user(ctx.index % 2 === 0 ? 'court_milano' : 'court_palermo'), [
    'Il Tribunale per i minorenni, sentiti il minore e il tutore,',
    'esaminati la relazione di indagine familiare e la relazione dei servizi sociali,',
    orders ? 'DISPONE il rimpatrio assistito e volontario del minore presso la famiglia.' : 'RIGETTA la richiesta di rimpatrio assistito: il minore resta in Italia.',
  ], 'SPECIAL');
  const decisionId = (
    await tx.query<{ id: string }[]>(
      `INSERT INTO court_decisions (proceeding_id, case_id, outcome, decided_on, reasons_summary, decree_document_id, recorded_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [proceedingId, caseId, orders ? 'RETURN_ORDERED' : 'RETURN_REJECTED', isoDay(decidedAt),
        orders ? 'Il rientro corrisponde al superiore interesse del minore; la famiglia è in grado di accoglierlo.' : 'Il percorso di integrazione in Italia è avviato; il rientro non risponde al superiore interesse.',
        decree, ctx.user(ctx.index % 2 === 0 ? 'court_milano' : 'court_palermo'), decidedAt],
    )
  )[0]!.id;
  if (!orders) return;

  // §4 #18: the operational plan's requirements (partly recorded while still in COURT_APPROVED).
  const preparing = reached('AVR_PREPARATION');
  const prepAt = at('COURT_APPROVED', 24 * 60);
  await riskCheck('PRE_RETURN', prepAt, preparing);
  if (preparing) await riskCheck('PRE_CONTACT_CONSULATE', prepAt, true);
  await consent('FAMILY_MEMBER', 'RETURN_ACCEPTANCE', prepAt, { familyMemberId: mother, informedBy: 'Operatore OIM della missione', by: caseworker });
  const departure = reached('IN_TRANSIT') ? at('IN_TRANSIT', -60) : new Date(ctx.updatedAt.getTime() + 12 * DAY);
  await tx.query(
    `INSERT INTO avr_travel_plans (case_id, receiving_caregiver_id, airport_collection, receiving_mission_id, travel_document_type, travel_document_ready, consular_contact,
        fit_to_travel, fitness_assessed_on, fitness_assessed_by, escort_required, escort_name, escort_role, itinerary, planned_departure, created_by, created_at, updated_by, updated_at)
     VALUES ($1, $2, true, $3, 'LAISSEZ_PASSER', $4, true, $4, $5, $6, true, 'Luca Verdi (demo)', 'Operatore OIM accompagnatore', $7, $8, $9, $10, $9, $10)`,
    [caseId, mother, ctx.mission, preparing, preparing ? isoDay(prepAt) : null, preparing ? 'Pediatra della comunità (demo)' : null,
      `Volo diretto da ${ctx.index % 2 === 0 ? 'Milano Malpensa' : 'Palermo via Roma Fiumicino'}; accoglienza in aeroporto della missione OIM e della madre.`, departure, caseworker, prepAt],
  );
  const plan = (await loadPlan(tx, caseId))!;
  const months = DEFAULT_MONITORING_MONTHS;
  await report('REINTEGRATION_PLAN', preparing ? 'APPROVED' : 'DRAFT', at('COURT_APPROVED', 2 * 60), prefillReintegrationPlan({ ...plan, monitoringMonths: months }), past('AVR_PREPARATION'));
  if (!preparing) return;
  const travel = (await loadTravelPlan(tx, caseId))!;
  const proceeding = { court_name: ctx.index % 2 === 0 ? 'Tribunale per i minorenni di Milano' : 'Tribunale per i minorenni di Palermo', docket_number: docket } as ProceedingRow;
  const decision = { id: decisionId, decided_on: isoDay(decidedAt) } as DecisionRow;
  await report('AVR_OPERATIONAL_NOTE', 'APPROVED', at('AVR_PREPARATION', 60), prefillOperationalNote({ travel, proceeding, decision }), reached('IN_TRANSIT'));
  if (!handoverAt) return;

  // §4 #19: the hand-over with its signed protocol; monitoring at +1, +3, +6 months.
  const protocol = await document('HANDOVER_PROTOCOL', 'Verbale di consegna firmato', handoverAt, caseworker, [
    `Consegna di ${name} ${minor.lastName} alla madre ${origin.mother}`,
    'Firmato: accompagnatore OIM, missione OIM, madre del minore.',
  ]);
  await tx.query(
    `INSERT INTO avr_handovers (case_id, arrived_at, place, received_by_name, received_by_kind, received_by_family_member_id, protocol_document_id, signed_by, recorded_by, created_at)
     VALUES ($1, $2, $3, $4, 'PARENT', $5, $6, $7, $8, $2)`,
    [caseId, handoverAt, `Aeroporto internazionale (${origin.locality})`, `${origin.mother} ${minor.lastName}`, mother, protocol,
      ['Luca Verdi (accompagnatore OIM)', 'Operatore della missione OIM', `${origin.mother} ${minor.lastName}`], caseworker],
  );
  // The visits are planned as the hand-over route plans them (return.service.ts) and the
  // MONITORING_COMPLETED guard counts them: calendar months from the hand-over's day in Italy.
  const handoverDay = romeDay(handoverAt);
  const visitIds: string[] = [];
  for (const [i, m] of months.entries()) {
    visitIds.push(
      (
        await tx.query<{ id: string }[]>(
          `INSERT INTO monitoring_visits (case_id, seq, planned_on, month_offset, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5) RETURNING id`,
          [caseId, i + 1, addMonths(handoverDay, m), m, handoverAt],
        )
      )[0]!.id,
    );
  }
  const handover = (await loadHandover(tx, caseId))!;
  await report('HANDOVER_PROTOCOL', state === 'HANDED_OVER' ? 'DRAFT' : 'APPROVED', new Date(handoverAt.getTime() + DAY), prefillHandoverProtocol(handover, { name: travel.escort_name, role: travel.escort_role }), state !== 'HANDED_OVER');
  if (!reached('REINTEGRATION')) return;

  // §4 #20: assistance delivered against the plan, the visits' findings and reports.
  const allDelivered = reached('MONITORING');
  const scores = (base: number) => ({
    incomeSource: base, foodSecurity: base + 1, abilityToBorrow: base - 1, debtBurden: base, economicSatisfaction: base,
    housing: base + 1, education: 5, healthcare: base + 1, documentation: 5, safeWater: base + 1,
    socialParticipation: base + 1, supportNetwork: base + 1, senseOfBelonging: 5, physicalSafety: base + 1, distressAbsence: base,
  });
  // The visits whose day is at least two days before the case's last update, held on their
  // planned day (at 11:00 in Rome, for the records' timestamps).
  const lastVisitDay = addDays(romeDay(ctx.updatedAt), -2);
  const done = months
    .map((m, i) => ({ m, i, day: addMonths(handoverDay, m) }))
    .filter((v) => v.day <= lastVisitDay)
    .map((v) => ({ ...v, on: romeInstant(v.day, 11, 0) }));
  // Delivered 10, 18 and 26 days after the hand-over (before MONITORING, entered at +35 days); on a
  // case still in REINTEGRATION only the school enrolment so far.
  const deliveredOn = (k: number) => (allDelivered || k === 0 ? addDays(handoverDay, 10 + k * 8) : null);
  for (const visit of done) {
    const since = visit.i === 0 ? handoverDay : done[visit.i - 1]!.day;
    const on = visit.day;
    // Each visit reports what was delivered since the previous one; the first also what is under way.
    const delivered = items.flatMap((item, k): { itemId: string; status: string; deliveredOn: string | null; note: null }[] => {
      const day = deliveredOn(k);
      if (day && day > since && day <= on) return [{ itemId: item.id, status: 'DELIVERED', deliveredOn: day, note: null }];
      if (visit.i === 0 && (!day || day > on)) return [{ itemId: item.id, status: 'IN_PROGRESS', deliveredOn: null, note: null }];
      return [];
    });
    const concern = state === 'MONITORING' && ctx.index === 25 && visit.m === 3;
    await tx.query(
      `UPDATE monitoring_visits SET status = 'DONE', visited_on = $2, mode = $3, officer = 'Operatore della missione OIM (demo)', child_seen_alone = $4, wellbeing = $5,
          protection_concerns = $6, assistance_delivered = $7, sustainability_scores = $8, recorded_by = $9, updated_at = $10,
          escalated_at = $11, escalated_by = $12, escalated_to = $13, escalation_note = $14
        WHERE id = $1`,
      [visitIds[visit.i], visit.day, visit.m === 3 ? 'SCHOOL' : 'HOME', true,
        `${name} frequenta la scuola, dorme e mangia regolarmente; il rapporto con la madre è buono.`,
        concern ? 'Uno zio fa pressione perché il minore lasci la scuola e lavori per ripagare il debito del viaggio.' : null,
        JSON.stringify(delivered),
        JSON.stringify(scores(visit.m === 6 ? 4 : 3)), caseworker, visit.on,
        concern ? visit.on : null, concern ? supervisor : null, concern ? 'Comitato locale per la protezione dell’infanzia' : null, concern ? 'Segnalazione telefonica; visita congiunta prevista.' : null],
    );
  }
  for (const [k, item] of items.entries()) {
    const day = deliveredOn(k);
    if (day) {
      await tx.query(`UPDATE reintegration_assistance_items SET status = 'DELIVERED', delivered_on = $2, updated_at = $3 WHERE id = $1`, [item.id, day, romeInstant(day, 12, 0)]);
    } else {
      await tx.query(`UPDATE reintegration_assistance_items SET status = 'IN_PROGRESS', updated_at = $2 WHERE id = $1`, [item.id, handoverAt]);
    }
  }
  const planItems = await tx.query<Parameters<typeof prefillMonitoringReport>[1]>(
    `SELECT id, plan_id, objective_id, dimension, level, type, description, provider, budget_eur::text AS budget_eur, in_kind, NULL AS planned_on, status, NULL AS delivered_on, note
      FROM reintegration_assistance_items WHERE plan_id = $1`,
    [planId],
  );
  for (const visit of done) {
    const row = (
      await tx.query<VisitRow[]>(
        `SELECT id, case_id, seq, to_char(planned_on, 'YYYY-MM-DD') AS planned_on, month_offset, extra_reason, status, to_char(visited_on, 'YYYY-MM-DD') AS visited_on, mode, officer,
            child_seen_alone, wellbeing, protection_concerns, assistance_delivered, sustainability_scores, notes, cancel_reason, escalated_at, escalated_to, escalation_note,
            resolved_at, resolution, report_id
          FROM monitoring_visits WHERE id = $1`,
        [visitIds[visit.i]],
      )
    )[0]!;
    const latest = visit === done[done.length - 1] && state !== 'CLOSED_REINTEGRATED';
    const reportId = await report('MONITORING_REPORT', latest ? 'DRAFT' : 'APPROVED', new Date(visit.on.getTime() + DAY), prefillMonitoringReport(row, planItems), !latest);
    await tx.query(`UPDATE monitoring_visits SET report_id = $2 WHERE id = $1`, [row.id, reportId]);
  }
  if (state !== 'CLOSED_REINTEGRATED') return;

  // §4 #21, §3.9: the durable-solution record for the closed case.
  await tx.query(
    `INSERT INTO durable_solutions (case_id, solution, decided_by, decision_ref, decided_on, court_decision_id, minor_views, minor_views_language, mediator_present, mediator_name,
        options_considered, recorded_by, created_at)
     VALUES ($1, 'RETURN_AVR', $2, $3, $4, $5, $6, $7, true, 'Mediatore culturale (demo)', $8, $9, $10)`,
    [caseId, ctx.index % 2 === 0 ? 'Tribunale per i minorenni di Milano' : 'Tribunale per i minorenni di Palermo', `Decreto ${docket}`, isoDay(decidedAt), decisionId,
      'Sono contento di essere tornato: vado a scuola e la mamma ha il negozio.', origin.language, ['RETURN_AVR', 'LOCAL_INTEGRATION_IT'], caseworker, at('CLOSED_REINTEGRATED', -60)],
  );
}
