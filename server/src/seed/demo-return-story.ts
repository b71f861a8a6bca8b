import { createHash } from 'node:crypto';
import { DEFAULT_MONITORING_MONTHS, addDays, addMonths, romeDay, romeInstant, type CaseState, type ReportKind } from '@app/contracts';
import type { DraftPrefill } from '../reports/report-drafting';
import { createReportForSeed, type SeedReportStatus } from '../reports/report-seed';
import { prefillHandoverProtocol, prefillMonitoringReport, prefillOperationalNote, prefillReintegrationPlan } from '../return/return-report-prefill';
import { loadHandover, loadPlan, loadTravelPlan, type DecisionRow, type ProceedingRow, type VisitRow } from '../return/return.store';
import { originOf, type StoryContext } from './demo-story-context';

// ---------------------------------------------------------------------------------------------
// Part 2 (issue 4): the return. Every record a case in each state of the return path has: the
// minor's request and the guardian's consent, counselling, the reintegration plan and its report,
// the proceeding with hearings, the decision and its decree (a small generated PDF), the return
// risk checks, the caregiver's acceptance, the travel plan and the operational note, the hand-over
// with its signed protocol, the monitoring visits with their reports, the durable solution.

export const DAY = 86_400_000;
// How long before the case's last update the child was handed over, by state.
export const HANDOVER_DAYS_BEFORE_UPDATE: Partial<Record<CaseState, number>> = { HANDED_OVER: 3, REINTEGRATION: 45, MONITORING: 100, CLOSED_REINTEGRATED: 215 };

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

export interface ReturnStory {
  ctx: StoryContext;
  path: CaseState[];
  at: (s: CaseState, offsetMinutes?: number) => Date;
  handoverAt: Date | null;
  mother: string;
  caseworker: string;
  supervisor: string;
  origin: ReturnType<typeof originOf>;
}


export async function writeReturnStory({ ctx, path, at, handoverAt, mother, caseworker, supervisor, origin }: ReturnStory): Promise<void> {
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
      [caseId, romeDay(when), origin.language, words, ['scuola', 'famiglia', 'viaggio'], caseworker, when],
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
  const docket = `R.G. ${200 + ctx.index}/${romeDay(fileAt).slice(0, 4)}`;
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
      [caseId, court, docket, guardianName, romeDay(fileAt), familyAssessment, ssReport, caseworker, fileAt],
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
      [proceedingId, caseId, orders ? 'RETURN_ORDERED' : 'RETURN_REJECTED', romeDay(decidedAt),
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
    [caseId, mother, ctx.mission, preparing, preparing ? romeDay(prepAt) : null, preparing ? 'Pediatra della comunità (demo)' : null,
      `Volo diretto da ${ctx.index % 2 === 0 ? 'Milano Malpensa' : 'Palermo via Roma Fiumicino'}; accoglienza in aeroporto della missione OIM e della madre.`, departure, caseworker, prepAt],
  );
  const plan = (await loadPlan(tx, caseId))!;
  const months = DEFAULT_MONITORING_MONTHS;
  await report('REINTEGRATION_PLAN', preparing ? 'APPROVED' : 'DRAFT', at('COURT_APPROVED', 2 * 60), prefillReintegrationPlan({ ...plan, monitoringMonths: months }), past('AVR_PREPARATION'));
  if (!preparing) return;
  const travel = (await loadTravelPlan(tx, caseId))!;
  const proceeding = { court_name: ctx.index % 2 === 0 ? 'Tribunale per i minorenni di Milano' : 'Tribunale per i minorenni di Palermo', docket_number: docket } as ProceedingRow;
  const decision = { id: decisionId, decided_on: romeDay(decidedAt) } as DecisionRow;
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
    [caseId, ctx.index % 2 === 0 ? 'Tribunale per i minorenni di Milano' : 'Tribunale per i minorenni di Palermo', `Decreto ${docket}`, romeDay(decidedAt), decisionId,
      'Sono contento di essere tornato: vado a scuola e la mamma ha il negozio.', origin.language, ['RETURN_AVR', 'LOCAL_INTEGRATION_IT'], caseworker, at('CLOSED_REINTEGRATED', -60)],
  );
}
