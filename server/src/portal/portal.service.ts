import { Injectable } from '@nestjs/common';
import {
  isClosedState,
  projectView,
  type CreateGuardianConsentInput,
  type CreateMinorViewInput,
  type CreateProsieguoRequestInput,
  type MinorView,
  type MinorViewList,
  type PortalCase,
  type PortalConsent,
  type PortalCourtProceeding,
  type ProsieguoRequest,
  type ProsieguoRequestList,
  type Role,
  romeDay,
} from '@app/contracts';
import { AuditService } from '../audit/audit.service';
import { AppError, notFound } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import { Clock } from '../common/clock';
import { FieldProblems } from '../cases/case-input.checks';
import { CasesRepository, type CaseRow } from '../cases/cases.repository';
import { Db, type Executor } from '../database/db';
import { UPLOADER_ORGANISATION_COLUMNS, UPLOADER_ORGANISATION_JOIN, externalDocumentPredicate, maskFieldOfficerUploader } from '../documents/document-access';
import { DOCUMENT_COLUMNS, toDocument, type DocumentRow } from '../documents/documents.mapper';
import { DISCLOSURE_VIEW_SELECT, addressedTo, toInboxItem, type DisclosureViewRow } from '../inbox/inbox.store';
import { recomputeTasks } from '../tasks/task-recompute';
import { CaseTransitionService } from '../workflow/case-transition.service';
import { CaseChanges } from '../workflow/case-changes';

interface ConsentRow {
  id: string;
  subject: PortalConsent['subject'];
  scope: PortalConsent['scope'];
  language: string;
  given_at: Date;
  withdrawn_at: Date | null;
  recorded_by: string;
}
interface MinorViewRow {
  id: string;
  context: MinorView['context'];
  words: string;
  language: string;
  mediator_present: boolean;
  mediator_name: string | null;
  expressed_on: string;
  relayed_by: string;
  relayed_by_name: string;
  relayed_by_role: Role;
  created_at: Date;
}
interface ProsieguoRow {
  id: string;
  organisation_id: string;
  organisation_name: string;
  requested_by: string;
  requested_by_name: string;
  reasons: string;
  requested_until: string | null;
  submitted_at: Date;
}

// A guardian's own consent in these scopes ends the intervention when withdrawn (domain §8 rule 4:
// consent to tracing, and to the processing of the minor's data); other scopes (photos, sharing a
// report) are withdrawn without closing the case.
const WITHDRAWAL_ENDS_CASE = new Set(['TRACING', 'DATA_PROCESSING']);

const MINOR_VIEW_SELECT = `SELECT v.id, v.context, v.words, v.language, v.mediator_present, v.mediator_name, to_char(v.expressed_on, 'YYYY-MM-DD') AS expressed_on,
    v.relayed_by, u.display_name AS relayed_by_name, u.role AS relayed_by_role, v.created_at
  FROM minor_views v JOIN users u ON u.id = v.relayed_by`;
const PROSIEGUO_SELECT = `SELECT p.id, o.id AS organisation_id, o.name AS organisation_name, p.requested_by, u.display_name AS requested_by_name, p.reasons,
    to_char(p.requested_until, 'YYYY-MM-DD') AS requested_until, p.submitted_at
  FROM prosieguo_requests p JOIN organisations o ON o.id = p.organisation_id JOIN users u ON u.id = p.requested_by`;
const utc = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const toConsent = (r: ConsentRow, user: AuthUser): PortalConsent => ({
  id: r.id,
  subject: r.subject,
  scope: r.scope,
  language: r.language,
  givenAt: r.given_at.toISOString(),
  withdrawnAt: r.withdrawn_at?.toISOString() ?? null,
  givenByYou: r.subject === 'GUARDIAN' && r.recorded_by === user.id,
});
const toMinorView = (r: MinorViewRow): MinorView => ({
  id: r.id,
  context: r.context,
  words: r.words,
  language: r.language,
  mediatorPresent: r.mediator_present,
  mediatorName: r.mediator_name,
  expressedOn: r.expressed_on,
  relayedBy: { id: r.relayed_by, displayName: r.relayed_by_name, role: r.relayed_by_role },
  recordedAt: r.created_at.toISOString(),
});
const toProsieguo = (r: ProsieguoRow): ProsieguoRequest => ({
  id: r.id,
  organisation: { id: r.organisation_id, name: r.organisation_name },
  requestedBy: { id: r.requested_by, displayName: r.requested_by_name },
  reasons: r.reasons,
  requestedUntil: r.requested_until,
  submittedAt: r.submitted_at.toISOString(),
});

// What guardians, social services and courts see of a case beyond its detail, and what guardians
// and social services record (domain §2).
@Injectable()
export class PortalService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly cases: CasesRepository,
    private readonly transitions: CaseTransitionService,
    private readonly audit: AuditService,
    private readonly changes: CaseChanges,
  ) {}

  private async visible(executor: Executor, user: AuthUser, caseId: string, options: { lock?: boolean; open?: boolean } = {}): Promise<CaseRow> {
    const row = await this.cases.findVisibleById(user, caseId, executor, { lock: options.lock ?? false });
    if (!row) throw notFound('Case');
    if (options.open && isClosedState(row.state)) throw new AppError('CONFLICT', `The case is closed (${row.state})`);
    return row;
  }

  private record(tx: Executor, user: AuthUser, caseId: string, kind: string, entityType: string, entityId: string, ip: string, detail: Record<string, unknown>) {
    return this.changes.record(tx, { user, caseId, action: kind, entity: { type: entityType, id: entityId }, ip, detail });
  }

  // ---------------------------------------------------------------------------------------------
  // The portal's case page

  async portalCase(user: AuthUser, caseId: string, ip: string): Promise<PortalCase> {
    const row = await this.visible(this.db, user, caseId);
    const minor = (
      await this.db.query<{ eighteenth: string | null }[]>(
        `SELECT to_char((m.date_of_birth + interval '18 years')::date, 'YYYY-MM-DD') AS eighteenth FROM cases c JOIN minors m ON m.id = c.minor_id WHERE c.id = $1`,
        [caseId],
      )
    )[0]!;
    const docParams: unknown[] = [caseId];
    const docScope = externalDocumentPredicate(user.role, user.id, user.organisationId, docParams);
    const courtParams: unknown[] = [caseId];
    if (user.role === 'court') courtParams.push(user.organisationId);
    const [proceedings, reports, documents, consents, prosieguo, views] = await Promise.all([
      this.db.query<PortalCourtProceeding[]>(
        `SELECT p.id, p.kind, json_build_object('id', o.id, 'name', o.name) AS court, p.docket_number AS "docketNumber",
                (SELECT coalesce(json_agg(json_build_object('id', h.id, 'scheduledAt', ${utc('h.scheduled_at')}, 'heldAt', ${utc('h.held_at')}) ORDER BY h.scheduled_at), '[]'::json)
                   FROM court_hearings h WHERE h.proceeding_id = p.id) AS hearings,
                (SELECT json_build_object('outcome', d.outcome, 'decidedOn', to_char(d.decided_on, 'YYYY-MM-DD')) FROM court_decisions d
                  WHERE d.proceeding_id = p.id ORDER BY d.created_at DESC LIMIT 1) AS decision
           FROM court_proceedings p JOIN organisations o ON o.id = p.court_organisation_id
          WHERE p.case_id = $1${user.role === 'court' ? ' AND p.court_organisation_id = $2' : ''} ORDER BY p.created_at, p.id`,
        courtParams,
      ),
      this.db.query<DisclosureViewRow[]>(`${DISCLOSURE_VIEW_SELECT} WHERE d.case_id = $3 AND ${addressedTo(1, 2)} ORDER BY d.released_at DESC, d.id DESC`, [user.id, user.organisationId, caseId]),
      docScope
        ? this.db.query<DocumentRow[]>(
            `SELECT ${DOCUMENT_COLUMNS}${UPLOADER_ORGANISATION_COLUMNS} FROM documents d JOIN users u ON u.id = d.uploaded_by ${UPLOADER_ORGANISATION_JOIN}
              WHERE d.case_id = $1 AND ${docScope} ORDER BY d.uploaded_at DESC, d.id DESC`,
            docParams,
          )
        : Promise.resolve([]),
      this.db.query<ConsentRow[]>(`SELECT id, subject, scope, language, given_at, withdrawn_at, recorded_by FROM consents WHERE case_id = $1 ORDER BY given_at, id`, [caseId]),
      this.db.query<ProsieguoRow[]>(`${PROSIEGUO_SELECT} WHERE p.case_id = $1 ORDER BY p.submitted_at DESC, p.id`, [caseId]),
      this.db.query<MinorViewRow[]>(`${MINOR_VIEW_SELECT} WHERE v.case_id = $1 ORDER BY v.created_at DESC, v.id`, [caseId]),
    ]);
    await this.audit.append({ actor: user, action: 'PORTAL_CASE_VIEWED', entityType: 'case', entityId: caseId, caseId, ip });
    const view: PortalCase = {
      id: row.id,
      caseNumber: row.case_number,
      state: row.state,
      updatedAt: row.updated_at.toISOString(),
      minor: { firstName: row.first_name, lastName: row.last_name, sex: row.sex, nationality: row.nationality.trim(), dateOfBirth: row.date_of_birth, eighteenthBirthday: minor.eighteenth },
      courtProceedings: proceedings,
      reports: reports.map(toInboxItem),
      documents: documents.map((d) => toDocument(maskFieldOfficerUploader(d))),
      consents: consents.map((c) => toConsent(c, user)),
      prosieguoRequests: prosieguo.map(toProsieguo),
      minorViews: views.map(toMinorView),
    };
    return projectView('portalCase', user.role, view);
  }

  // ---------------------------------------------------------------------------------------------
  // Guardian: their own consent, and its withdrawal

  async giveConsent(user: AuthUser, caseId: string, input: CreateGuardianConsentInput, ip: string): Promise<PortalConsent> {
    return this.db.transaction(async (tx) => {
      await this.visible(tx, user, caseId, { lock: true, open: true });
      const now = this.clock.now();
      if (new Date(input.givenAt).getTime() > now.getTime() + 5 * 60_000) {
        throw new AppError('VALIDATION_FAILED', 'Invalid body', { fields: [{ path: 'givenAt', code: 'in_future', message: 'The consent cannot be dated in the future' }] });
      }
      const consent = (
        await tx.query<ConsentRow[]>(
          `INSERT INTO consents (case_id, subject, scope, language, mediator_present, informed_by, given_at, recorded_by, created_at)
           VALUES ($1, 'GUARDIAN', $2, $3, false, $4, $5, $6, $7) RETURNING id, subject, scope, language, given_at, withdrawn_at, recorded_by`,
          [caseId, input.scope, input.language, user.displayName, input.givenAt, user.id, now],
        )
      )[0]!;
      await this.record(tx, user, caseId, 'CONSENT_RECORDED', 'consent', consent.id, ip, { subject: 'GUARDIAN', scope: input.scope, via: 'portal' });
      await recomputeTasks(tx, caseId, now);
      return toConsent(consent, user);
    });
  }

  // Only the guardian's own consents; withdrawing consent to tracing or to data processing ends the
  // intervention at once, as when IOM records the withdrawal (the case moves to WITHDRAWN and open
  // tracing requests are cancelled in the same transaction).
  async withdrawConsent(user: AuthUser, caseId: string, consentId: string, reason: string, ip: string): Promise<PortalConsent> {
    return this.db.transaction(async (tx) => {
      const row = await this.visible(tx, user, caseId, { lock: true });
      const now = this.clock.now();
      const existing = (
        await tx.query<ConsentRow[]>(
          `SELECT id, subject, scope, language, given_at, withdrawn_at, recorded_by FROM consents
            WHERE id = $1 AND case_id = $2 AND subject = 'GUARDIAN' AND recorded_by = $3 FOR UPDATE`,
          [consentId, caseId, user.id],
        )
      )[0];
      if (!existing) throw notFound('Consent');
      if (existing.withdrawn_at) throw new AppError('CONFLICT', 'This consent was already withdrawn');
      const updated = (
        await tx.query<ConsentRow[]>(
          `UPDATE consents SET withdrawn_at = $2, withdrawal_reason = $3 WHERE id = $1 RETURNING id, subject, scope, language, given_at, withdrawn_at, recorded_by`,
          [consentId, now, reason],
        )
      )[0]!;
      await this.record(tx, user, caseId, 'CONSENT_WITHDRAWN', 'consent', consentId, ip, { subject: 'GUARDIAN', scope: existing.scope, via: 'portal' });
      if (WITHDRAWAL_ENDS_CASE.has(existing.scope) && !isClosedState(row.state)) {
        await this.transitions.apply(tx, user, caseId, row.state, 'WITHDRAWN', row.version, `Consent withdrawn by the guardian: ${reason}`, 'withdraw', ip);
      } else {
        await recomputeTasks(tx, caseId, now);
      }
      return toConsent(updated, user);
    });
  }

  // ---------------------------------------------------------------------------------------------
  // The minor's views, relayed by the guardian

  async minorViews(user: AuthUser, caseId: string, ip: string): Promise<MinorViewList> {
    await this.visible(this.db, user, caseId);
    const rows = await this.db.query<MinorViewRow[]>(`${MINOR_VIEW_SELECT} WHERE v.case_id = $1 ORDER BY v.created_at DESC, v.id`, [caseId]);
    await this.audit.append({ actor: user, action: 'MINOR_VIEWS_VIEWED', entityType: 'case', entityId: caseId, caseId, ip });
    return { items: rows.map(toMinorView) };
  }

  async recordMinorView(user: AuthUser, caseId: string, input: CreateMinorViewInput, ip: string): Promise<MinorView> {
    return this.db.transaction(async (tx) => {
      await this.visible(tx, user, caseId, { lock: true, open: true });
      const now = this.clock.now();
      if (input.expressedOn > romeDay(now)) {
        throw new AppError('VALIDATION_FAILED', 'Invalid body', { fields: [{ path: 'expressedOn', code: 'in_future', message: 'The date is in the future' }] });
      }
      const id = (
        await tx.query<{ id: string }[]>(
          `INSERT INTO minor_views (case_id, context, words, language, mediator_present, mediator_name, expressed_on, relayed_by, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
          [caseId, input.context, input.words, input.language, input.mediatorPresent, input.mediatorName ?? null, input.expressedOn, user.id, now],
        )
      )[0]!.id;
      // The words themselves stay out of history and audit (they are the minor's, and sensitive).
      await this.record(tx, user, caseId, 'MINOR_VIEWS_RECORDED', 'minor_view', id, ip, { context: input.context, language: input.language });
      return toMinorView((await tx.query<MinorViewRow[]>(`${MINOR_VIEW_SELECT} WHERE v.id = $1`, [id]))[0]!);
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Social services: continuation of support after 18 (prosieguo amministrativo, art. 13)

  async prosieguoRequests(user: AuthUser, caseId: string, ip: string): Promise<ProsieguoRequestList> {
    await this.visible(this.db, user, caseId);
    const rows = await this.db.query<ProsieguoRow[]>(`${PROSIEGUO_SELECT} WHERE p.case_id = $1 ORDER BY p.submitted_at DESC, p.id`, [caseId]);
    await this.audit.append({ actor: user, action: 'PROSIEGUO_REQUESTS_VIEWED', entityType: 'case', entityId: caseId, caseId, ip });
    return { items: rows.map(toProsieguo) };
  }

  async requestProsieguo(user: AuthUser, caseId: string, input: CreateProsieguoRequestInput, ip: string): Promise<ProsieguoRequest> {
    return this.db.transaction(async (tx) => {
      await this.visible(tx, user, caseId, { lock: true, open: true });
      const now = this.clock.now();
      if (input.requestedUntil) {
        const ages = (
          await tx.query<{ eighteenth: string | null; twentyfirst: string | null }[]>(
            `SELECT to_char((m.date_of_birth + interval '18 years')::date, 'YYYY-MM-DD') AS eighteenth, to_char((m.date_of_birth + interval '21 years')::date, 'YYYY-MM-DD') AS twentyfirst
               FROM cases c JOIN minors m ON m.id = c.minor_id WHERE c.id = $1`,
            [caseId],
          )
        )[0]!;
        const problems = new FieldProblems();
        if (input.requestedUntil <= romeDay(now)) problems.add('requestedUntil', 'in_past', 'The support must run past today');
        else if (ages.eighteenth && input.requestedUntil <= ages.eighteenth) problems.add('requestedUntil', 'before_18th_birthday', 'Continuation of support runs after the 18th birthday');
        else if (ages.twentyfirst && input.requestedUntil > ages.twentyfirst) problems.add('requestedUntil', 'after_21st_birthday', 'Continuation of support ends at the latest on the 21st birthday');
        problems.throwIfAny();
      }
      const id = (
        await tx.query<{ id: string }[]>(
          `INSERT INTO prosieguo_requests (case_id, organisation_id, requested_by, reasons, requested_until, submitted_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
          [caseId, user.organisationId, user.id, input.reasons, input.requestedUntil ?? null, now],
        )
      )[0]!.id;
      await this.record(tx, user, caseId, 'PROSIEGUO_REQUESTED', 'prosieguo_request', id, ip, { requestedUntil: input.requestedUntil ?? null });
      return toProsieguo((await tx.query<ProsieguoRow[]>(`${PROSIEGUO_SELECT} WHERE p.id = $1`, [id]))[0]!);
    });
  }
}
