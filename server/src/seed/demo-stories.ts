import { addDays, findTransition, romeDay, type CaseState } from '@app/contracts';
import { createReportForSeed } from '../reports/report-seed';
import { createTracingRequestForSeed } from '../tracing/tracing.store';
import { appendCaseHistory } from '../workflow/case-changes';
import { DAY, HANDOVER_DAYS_BEFORE_UPDATE, writeReturnStory } from './demo-return-story';
import { originOf, type DemoMinorRef, type StoryContext } from './demo-story-context';

export { originOf, type DemoExecutor, type DemoMinorRef, type StoryContext } from './demo-story-context';

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
