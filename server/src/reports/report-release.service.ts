import { Injectable } from '@nestjs/common';
import { EXTERNAL_ROLES, RETURN_RELEASE_STATES, RETURN_REPORT_STATES, type FieldError, type ReleaseReportInput, type Report, type ReportKind, type ReturnReportKind, type Role } from '@app/contracts';
import { AppError } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import { Clock } from '../common/clock';
import { Db, type Executor } from '../database/db';
import { ReportActions, isTracingKind, unmet } from './report-actions';

// Organisations a report may be released to as a whole (every user of it can read it). A guardian
// is always named as a person; IOM's own unit and missions are not recipients of a disclosure.
const RECIPIENT_ORGANISATION_TYPES = ['SOCIAL_SERVICES', 'JUVENILE_COURT', 'MINISTRY'];

// Release of an approved version to named recipients (domain.md §4 #11, §8 rules 4 and 7), with
// the disclosure register and the family's consent to sharing.
@Injectable()
export class ReportReleaseService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly actions: ReportActions,
  ) {}

  // Release to named recipients (domain.md §4 #11, §8 rules 4 and 7): one disclosure-register row
  // per recipient, the version marked released and the case moved to REPORT_SENT, together.
  async release(user: AuthUser, reportId: string, input: ReleaseReportInput, ifMatch: string | undefined, ip: string): Promise<Report> {
    return this.db.transaction(async (tx) => {
      const { report, caseRow, version } = await this.actions.forAction(tx, user, reportId);
      if (isTracingKind(report.kind)) this.actions.requireCaseState(caseRow, 'REPORT_APPROVED', 'Releasing a report');
      else if (!RETURN_REPORT_STATES[report.kind as ReturnReportKind].includes(caseRow.state) && !RETURN_RELEASE_STATES.includes(caseRow.state)) {
        throw new AppError('CONFLICT', `Releasing this report needs the case on its return path; it is in ${caseRow.state}`, { state: caseRow.state });
      }
      if (version.status !== 'APPROVED') throw new AppError('CONFLICT', `Version ${version.version_no} is ${version.status}: only an approved version is released`, { status: version.status });
      this.actions.checkLock(version, ifMatch);
      const recipients = await this.resolveRecipients(tx, input);
      const familyConsentId = await this.sharingConsent(tx, caseRow.id, report.kind, input.familyConsentId);

      const now = this.clock.now();
      await tx.query(`UPDATE report_versions SET status = 'RELEASED', released_by = $2, released_at = $3 WHERE id = $1`, [version.id, user.id, now]);
      const disclosureIds: string[] = [];
      for (const recipient of recipients) {
        const rows = await tx.query<{ id: string }[]>(
          `INSERT INTO report_disclosures (report_version_id, case_id, recipient_organisation_id, recipient_user_id, recipient_name, purpose, legal_basis,
              family_consent_id, content_sha256, released_by, approved_by, released_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
          [version.id, caseRow.id, recipient.organisationId, recipient.userId, recipient.name, input.purpose, input.legalBasis, familyConsentId,
            version.content_sha256, user.id, version.approved_by, now],
        );
        disclosureIds.push(rows[0]!.id);
      }
      if (isTracingKind(report.kind)) await this.actions.follow(tx, user, caseRow, 'REPORT_SENT', ip);
      await this.actions.record(tx, user, caseRow.id, 'REPORT_RELEASED', reportId, ip, {
        versionNo: version.version_no,
        contentSha256: version.content_sha256,
        disclosureIds,
        recipients: recipients.map((r) => ({ organisationId: r.organisationId, userId: r.userId })),
        purpose: input.purpose,
        legalBasis: input.legalBasis,
        familyConsentId,
      });
      return this.actions.loadReport(tx, reportId);
    });
  }

  private async resolveRecipients(tx: Executor, input: ReleaseReportInput) {
    const fields: FieldError[] = [];
    const resolved: { organisationId: string | null; userId: string | null; name: string }[] = [];
    for (const [i, recipient] of input.recipients.entries()) {
      const org = recipient.organisationId
        ? (await tx.query<{ id: string; name: string; type: string }[]>(`SELECT id, name, type FROM organisations WHERE id = $1`, [recipient.organisationId]))[0]
        : undefined;
      const user = recipient.userId
        ? (
            await tx.query<{ id: string; display_name: string; role: Role; active: boolean; organisation_id: string; organisation_name: string }[]>(
              `SELECT u.id, u.display_name, u.role, u.active, u.organisation_id, o.name AS organisation_name FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE u.id = $1`,
              [recipient.userId],
            )
          )[0]
        : undefined;
      const path = `recipients.${i}`;
      if (recipient.organisationId && !org) fields.push({ path: `${path}.organisationId`, code: 'not_found', message: 'Unknown organisation' });
      if (recipient.userId && (!user || !user.active)) fields.push({ path: `${path}.userId`, code: 'not_found', message: 'Unknown or deactivated user' });
      if (org && !recipient.userId && !RECIPIENT_ORGANISATION_TYPES.includes(org.type)) {
        fields.push({ path: `${path}.organisationId`, code: 'not_allowed', message: 'A report goes to social services, a juvenile court or the ministry as a whole; a guardian is named as a person' });
      }
      if (user && !(EXTERNAL_ROLES as readonly Role[]).includes(user.role)) {
        fields.push({ path: `${path}.userId`, code: 'not_allowed', message: 'A report goes to a guardian, social services, a juvenile court or the ministry' });
      }
      if (org && user && user.organisation_id !== org.id) fields.push({ path: `${path}.userId`, code: 'mismatch', message: 'The user does not belong to that organisation' });
      if (user) resolved.push({ organisationId: org?.id ?? null, userId: user.id, name: `${user.display_name} – ${user.organisation_name}` });
      else if (org) resolved.push({ organisationId: org.id, userId: null, name: org.name });
    }
    if (fields.length) throw new AppError('VALIDATION_FAILED', 'Some recipients cannot receive this report', { fields });
    return resolved;
  }

  // The family's consent to sharing (domain.md §8 rule 4). A non-location note carries no family
  // data (attempts made, reason, recommendations), so it needs none; a consent named anyway must
  // still be one in force for this case. The part-2 reports rest on the court's decree and the
  // caregiver's acceptance, with the legal basis given at release: the consent is optional there.
  private async sharingConsent(tx: Executor, caseId: string, kind: ReportKind, requested: string | undefined): Promise<string | null> {
    const rows = await tx.query<{ id: string }[]>(
      `SELECT id FROM consents WHERE case_id = $1 AND subject = 'FAMILY_MEMBER' AND scope = 'SHARE_REPORT' AND withdrawn_at IS NULL
          AND ($2::uuid IS NULL OR id = $2::uuid)
        ORDER BY given_at DESC, id DESC LIMIT 1`,
      [caseId, requested ?? null],
    );
    if (requested && !rows[0]) {
      throw new AppError('VALIDATION_FAILED', 'Not a family consent to sharing in force for this case', {
        fields: [{ path: 'familyConsentId', code: 'not_found', message: 'Not a family consent to sharing (SHARE_REPORT) in force for this case' }],
      });
    }
    if (kind === 'FAMILY_ASSESSMENT' && !rows[0]) {
      throw unmet('The family has not consented to sharing the report', 'FAMILY_CONSENT_SHARING', "The family's consent to sharing the report is not recorded");
    }
    return rows[0]?.id ?? null;
  }
}
