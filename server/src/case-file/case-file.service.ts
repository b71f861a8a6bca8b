import { Injectable } from '@nestjs/common';
import { isClosedState, type CaseFile, type Consent, type CreateConsentInput, type CreateFamilyMemberInput, type CreateRiskCheckInput, type FamilyMember, type RiskCheck } from '@app/contracts';
import { AuditService } from '../audit/audit.service';
import { AppError, notFound } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import { Clock } from '../common/clock';
import { CasesRepository, type CaseRow } from '../cases/cases.repository';
import { Db, type Executor } from '../database/db';
import { CaseTransitionService } from '../workflow/case-transition.service';
import { toConsent, toFamilyMember, toRiskCheck, type ConsentRow, type FamilyMemberRow, type RiskCheckRow } from './case-file.mapper';
import { CaseChanges } from '../workflow/case-changes';

@Injectable()
export class CaseFileService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly cases: CasesRepository,
    private readonly transitions: CaseTransitionService,
    private readonly audit: AuditService,
    private readonly changes: CaseChanges,
  ) {}

  private async visibleCase(tx: Executor, user: AuthUser, caseId: string, { open = true } = {}): Promise<CaseRow> {
    const row = await this.cases.findVisibleById(user, caseId, tx, { lock: tx !== this.db });
    if (!row) throw notFound('Case');
    if (open && isClosedState(row.state)) throw new AppError('CONFLICT', `The case is closed (${row.state}); reopen it first`);
    return row;
  }

  // A consent or an approved risk check can close a deadline at once, not at the next sweep.
  private record(tx: Executor, user: AuthUser, caseId: string, action: string, entityType: string, entityId: string, ip: string, detail: Record<string, unknown> = {}) {
    return this.changes.record(tx, { user, caseId, action, entity: { type: entityType, id: entityId }, ip, detail });
  }

  async get(user: AuthUser, caseId: string, ip: string): Promise<CaseFile> {
    await this.visibleCase(this.db, user, caseId, { open: false });
    const [consents, riskChecks, familyMembers] = await Promise.all([
      this.db.query<ConsentRow[]>(`SELECT * FROM consents WHERE case_id = $1 ORDER BY given_at, id`, [caseId]),
      this.db.query<RiskCheckRow[]>(`SELECT * FROM risk_checks WHERE case_id = $1 ORDER BY created_at, id`, [caseId]),
      this.db.query<FamilyMemberRow[]>(`SELECT * FROM family_members WHERE case_id = $1 ORDER BY created_at, id`, [caseId]),
    ]);
    await this.audit.append({ actor: user, action: 'CASE_FILE_VIEWED', entityType: 'case', entityId: caseId, caseId, ip });
    return { consents: consents.map(toConsent), riskChecks: riskChecks.map(toRiskCheck), familyMembers: familyMembers.map(toFamilyMember) };
  }

  async addConsent(user: AuthUser, caseId: string, input: CreateConsentInput, ip: string): Promise<Consent> {
    return this.db.transaction(async (tx) => {
      await this.visibleCase(tx, user, caseId);
      if (input.familyMemberId) {
        const member = await tx.query(`SELECT 1 FROM family_members WHERE id = $1 AND case_id = $2`, [input.familyMemberId, caseId]);
        if (!(member as unknown[]).length) throw new AppError('VALIDATION_FAILED', 'Unknown family member', { fields: [{ path: 'familyMemberId', code: 'not_found', message: 'Not a family member of this case' }] });
      }
      const rows = await tx.query<ConsentRow[]>(
        `INSERT INTO consents (case_id, subject, family_member_id, scope, language, mediator_present, mediator_name, informed_by, minor_words, given_at, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING *`,
        [caseId, input.subject, input.familyMemberId ?? null, input.scope, input.language, input.mediatorPresent, input.mediatorName ?? null, input.informedBy, input.minorWords ?? null, input.givenAt, user.id],
      );
      const consent = rows[0]!;
      await this.record(tx, user, caseId, 'CONSENT_RECORDED', 'consent', consent.id, ip, { subject: input.subject, scope: input.scope });
      return toConsent(consent);
    });
  }

  // Withdrawal by the minor or the guardian ends the intervention at once (domain §8 rule 4): the
  // consent, the case's move to WITHDRAWN and the cancellation of field work commit together.
  async withdrawConsent(user: AuthUser, caseId: string, consentId: string, reason: string, ip: string): Promise<Consent> {
    return this.db.transaction(async (tx) => {
      const row = await this.visibleCase(tx, user, caseId, { open: false });
      const rows = await tx.query<ConsentRow[]>(
        `UPDATE consents SET withdrawn_at = $3, withdrawal_reason = $4 WHERE id = $1 AND case_id = $2 AND withdrawn_at IS NULL RETURNING *`,
        [consentId, caseId, this.clock.now(), reason],
      );
      const consent = rows[0];
      if (!consent) throw notFound('Consent');
      await this.record(tx, user, caseId, 'CONSENT_WITHDRAWN', 'consent', consentId, ip, { subject: consent.subject, scope: consent.scope });
      if (consent.subject !== 'FAMILY_MEMBER' && !isClosedState(row.state)) {
        // The case row is locked (visibleCase): withdrawal wins over any concurrent edit instead of
        // failing on a version.
        await this.transitions.apply(tx, user, caseId, row.state, 'WITHDRAWN', row.version, `Consent withdrawn: ${reason}`, 'withdraw', ip);
      }
      return toConsent(consent);
    });
  }

  async addRiskCheck(user: AuthUser, caseId: string, input: CreateRiskCheckInput, ip: string): Promise<RiskCheck> {
    return this.db.transaction(async (tx) => {
      await this.visibleCase(tx, user, caseId);
      const rows = await tx.query<RiskCheckRow[]>(
        `INSERT INTO risk_checks (case_id, stage, risk_to_minor, risk_to_family, protection_status_conflict, trafficking_concern, area_security, decision, mitigation, assessed_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING *`,
        [caseId, input.stage, input.riskToMinor, input.riskToFamily, input.protectionStatusConflict, input.traffickingConcern, input.areaSecurity, input.decision, input.mitigation ?? null, user.id, this.clock.now()],
      );
      await this.record(tx, user, caseId, 'RISK_CHECK_RECORDED', 'risk_check', rows[0]!.id, ip, { stage: input.stage, decision: input.decision });
      return toRiskCheck(rows[0]!);
    });
  }

  async approveRiskCheck(user: AuthUser, caseId: string, riskCheckId: string, ip: string): Promise<RiskCheck> {
    return this.db.transaction(async (tx) => {
      await this.visibleCase(tx, user, caseId);
      const rows = await tx.query<RiskCheckRow[]>(
        `UPDATE risk_checks SET approved_by = $3, approved_at = $4 WHERE id = $1 AND case_id = $2 AND approved_by IS NULL RETURNING *`,
        [riskCheckId, caseId, user.id, this.clock.now()],
      );
      if (!rows[0]) throw notFound('Risk check awaiting approval');
      await this.record(tx, user, caseId, 'RISK_CHECK_APPROVED', 'risk_check', riskCheckId, ip);
      return toRiskCheck(rows[0]);
    });
  }

  async addFamilyMember(user: AuthUser, caseId: string, input: CreateFamilyMemberInput, ip: string): Promise<FamilyMember> {
    return this.db.transaction(async (tx) => {
      await this.visibleCase(tx, user, caseId);
      const rows = await tx.query<FamilyMemberRow[]>(
        `INSERT INTO family_members (case_id, relationship, first_name, last_name, aliases, alive, country, locality, address, phones, is_caregiver_candidate, safety_concern, do_not_contact, do_not_contact_reason)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING *`,
        [caseId, input.relationship, input.firstName, input.lastName, input.aliases, input.alive, input.country ?? null, input.locality ?? null, input.address ?? null, input.phones,
          input.isCaregiverCandidate, input.safetyConcern ?? null, input.doNotContact, input.doNotContactReason ?? null],
      );
      await this.record(tx, user, caseId, 'FAMILY_MEMBER_ADDED', 'family_member', rows[0]!.id, ip, { doNotContact: input.doNotContact });
      return toFamilyMember(rows[0]!);
    });
  }
}
