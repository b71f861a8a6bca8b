import { Injectable } from '@nestjs/common';
import { IOM_STAFF_ROLES, type ReportKind, type ReportPdfQuery, type Role } from '@app/contracts';
import { AuditService } from '../audit/audit.service';
import { notFound } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import { Clock } from '../common/clock';
import { CasesRepository } from '../cases/cases.repository';
import { Db } from '../database/db';
import { renderReportPdf } from './report-pdf';
import { VERSION_SELECT, type ReportRow, type VersionRow } from './reports.mapper';

const INTERNAL_COPY = 'copia interna OIM, non per la trasmissione';
const PDF_SLUG: Record<ReportKind, string> = {
  FAMILY_ASSESSMENT: 'relazione-indagine-familiare',
  NON_LOCATION_NOTE: 'nota-mancato-rintraccio',
  REINTEGRATION_PLAN: 'progetto-reinserimento',
  AVR_OPERATIONAL_NOTE: 'nota-operativa-rimpatrio',
  HANDOVER_PROTOCOL: 'verbale-consegna',
  MONITORING_REPORT: 'relazione-monitoraggio',
};

interface PdfReportRow extends ReportRow {
  case_number: string;
  first_name: string;
  last_name: string;
  aliases: string[];
  date_of_birth: string | null;
  nationality: string;
}

@Injectable()
export class ReportPdfService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly cases: CasesRepository,
    private readonly audit: AuditService,
  ) {}

  // The PDF of a released version: IOM staff who see the case, and the recipients in the
  // disclosure register (the version released to them). Anyone else gets 404, audited.

  async pdf(user: AuthUser, reportId: string, query: ReportPdfQuery, ip: string): Promise<{ pdf: Buffer; fileName: string }> {
    const denied = async (): Promise<never> => {
      await this.audit.append({ actor: user, action: 'REPORT_ACCESS_DENIED', entityType: 'report', entityId: reportId, detail: { version: query.version ?? null }, ip });
      throw notFound('Report');
    };
    const report = (
      await this.db.query<PdfReportRow[]>(
        `SELECT r.*, c.case_number, m.first_name, m.last_name, m.aliases, to_char(m.date_of_birth, 'YYYY-MM-DD') AS date_of_birth, m.nationality
          FROM reports r JOIN cases c ON c.id = r.case_id JOIN minors m ON m.id = c.minor_id WHERE r.id = $1`,
        [reportId],
      )
    )[0];
    if (!report) return denied();

    let versionId: string | undefined;
    let recipientName = INTERNAL_COPY;
    let disclosureId: string | null = null;
    if ((IOM_STAFF_ROLES as readonly Role[]).includes(user.role)) {
      if (!(await this.cases.findVisibleById(user, report.case_id))) return denied();
      const rows = await this.db.query<{ id: string }[]>(
        `SELECT id FROM report_versions WHERE report_id = $1 AND status = 'RELEASED' AND ($2::int IS NULL OR version_no = $2) ORDER BY version_no DESC LIMIT 1`,
        [reportId, query.version ?? null],
      );
      versionId = rows[0]?.id;
    } else {
      const rows = await this.db.query<{ id: string; report_version_id: string; recipient_name: string }[]>(
        `SELECT d.id, d.report_version_id, d.recipient_name FROM report_disclosures d JOIN report_versions v ON v.id = d.report_version_id
          WHERE v.report_id = $1 AND v.status = 'RELEASED' AND ($2::int IS NULL OR v.version_no = $2)
            AND (d.recipient_user_id = $3 OR (d.recipient_user_id IS NULL AND d.recipient_organisation_id = $4))
          ORDER BY v.version_no DESC, d.recipient_user_id IS NULL, d.released_at DESC LIMIT 1`,
        [reportId, query.version ?? null, user.id, user.organisationId],
      );
      versionId = rows[0]?.report_version_id;
      recipientName = rows[0]?.recipient_name ?? recipientName;
      disclosureId = rows[0]?.id ?? null;
    }
    if (!versionId) return denied();
    const version = (await this.db.query<VersionRow[]>(`${VERSION_SELECT} WHERE v.id = $1`, [versionId]))[0]!;
    const now = this.clock.now();
    const pdf = await renderReportPdf({
      kind: report.kind,
      caseNumber: report.case_number,
      minor: { firstName: report.first_name, lastName: report.last_name, aliases: report.aliases, dateOfBirth: report.date_of_birth, nationality: report.nationality },
      version: {
        versionNo: version.version_no,
        originalLanguage: version.original_language,
        sectionsOriginal: version.sections_original,
        sectionsIt: version.sections_it,
        source: version.source,
        contentSha256: version.content_sha256!,
        draftedBy: version.drafted_by_name,
        qaBy: version.qa_by_name,
        qaAt: version.qa_at,
        approvedBy: version.approved_by_name ?? '',
        approvedAt: version.approved_at!,
        releasedAt: version.released_at!,
      },
      recipientName,
      downloadedBy: user.displayName,
      generatedAt: now,
      watermark: !(IOM_STAFF_ROLES as readonly Role[]).includes(user.role),
      includeOriginal: query.original === 'true',
    });
    await this.audit.append({
      actor: user,
      action: 'REPORT_DOWNLOADED',
      entityType: 'report',
      entityId: reportId,
      caseId: report.case_id,
      detail: { versionNo: version.version_no, disclosureId, includeOriginal: query.original === 'true', contentSha256: version.content_sha256 },
      ip,
    });
    const slug = PDF_SLUG[report.kind];
    return { pdf, fileName: `${slug}-${report.case_number.replace(/[^A-Za-z0-9-]/g, '')}-v${version.version_no}.pdf` };
  }
}
