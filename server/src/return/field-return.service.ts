import { Injectable } from '@nestjs/common';
import {
  FIELD_RETURN_DOCUMENT_TYPES,
  FIELD_RETURN_STATES,
  FIELD_RETURN_WRITE_STATES,
  type AssistanceItem,
  type CaseState,
  type DocumentMediaType,
  type DocumentMeta,
  type EscalateConcernInput,
  type FieldReturnDetail,
  type FieldReturnDocument,
  type FieldReturnList,
  type FieldReturnSummary,
  type Handover,
  type MonitoringVisit,
  type RecordHandoverInput,
  type RecordMonitoringVisitInput,
  type UpdateAssistanceItemInput,
} from '@app/contracts';
import { AuditService } from '../audit/audit.service';
import { AppError, notFound } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import { Clock } from '../common/clock';
import { Db, type Executor } from '../database/db';
import type { DocumentDownload } from '../documents/documents.service';
import { contentDisposition } from '../documents/file-name';
import type { MultipartUpload } from '../documents/multipart';
import { type ReturnCaseRef } from './return-case';
import { prepareReturnUpload, storeReturnDocument } from './return-documents';
import { ReturnService } from './return.service';
import { loadHandover, loadPlan, loadVisits, toHandover, toItem, toVisit } from './return.store';
import { CaseChanges } from '../workflow/case-changes';
import { MonitoringService } from './monitoring.service';
import { TravelService } from './travel.service';

// What the mission's view is built from. Only these columns are read: the minor's location in
// Italy, legal or protection status, health and trafficking notes, the court file, the social
// services' report and IOM's internal notes never reach the field (domain §2, §8 rules 3 and 8).
interface FieldCaseRow {
  id: string;
  case_number: string;
  state: CaseState;
  version: number;
  first_name: string;
  last_name: string;
  sex: 'M' | 'F' | 'X';
  nationality: string;
  date_of_birth: string | null;
  planned_departure: Date | null;
  caregiver_name: string | null;
  caregiver_relationship: string | null;
  airport_collection: boolean | null;
  escort_required: boolean | null;
  escort_name: string | null;
  escort_role: string | null;
  itinerary: string | null;
  handed_over_at: Date | null;
  next_visit_on: string | null;
}

const FIELD_CASE_SELECT = `SELECT c.id, c.case_number, c.state, c.version, m.first_name, m.last_name, m.sex, m.nationality,
    to_char(m.date_of_birth, 'YYYY-MM-DD') AS date_of_birth, tp.planned_departure,
    fm.first_name || ' ' || fm.last_name AS caregiver_name, fm.relationship AS caregiver_relationship, tp.airport_collection,
    tp.escort_required, tp.escort_name, tp.escort_role, tp.itinerary,
    (SELECT arrived_at FROM avr_handovers WHERE case_id = c.id) AS handed_over_at,
    (SELECT to_char(min(planned_on), 'YYYY-MM-DD') FROM monitoring_visits WHERE case_id = c.id AND status = 'PLANNED') AS next_visit_on
  FROM cases c JOIN minors m ON m.id = c.minor_id JOIN avr_travel_plans tp ON tp.case_id = c.id
  LEFT JOIN family_members fm ON fm.id = tp.receiving_caregiver_id`;

const summary = (r: FieldCaseRow): FieldReturnSummary => ({
  caseId: r.id,
  caseNumber: r.case_number,
  state: r.state,
  minor: { firstName: r.first_name, lastName: r.last_name, sex: r.sex, nationality: r.nationality.trim(), dateOfBirth: r.date_of_birth },
  plannedDeparture: r.planned_departure?.toISOString() ?? null,
  handedOverAt: r.handed_over_at?.toISOString() ?? null,
  nextVisitOn: r.next_visit_on,
});

// The documents of a case the mission may open ($1 the case, $2 the mission): the types of
// FIELD_RETURN_DOCUMENT_TYPES that someone of the mission uploaded, or the protocol its hand-over
// names. Never a document of IOM Rome, the court or the Italian authorities.
const FIELD_DOCUMENT_WHERE = `d.case_id = $1 AND d.type = ANY($3::text[])
  AND (EXISTS (SELECT 1 FROM users up WHERE up.id = d.uploaded_by AND up.organisation_id = $2)
       OR d.id = (SELECT protocol_document_id FROM avr_handovers WHERE case_id = $1))`;

interface FieldDocumentRow {
  id: string;
  type: FieldReturnDocument['type'];
  title: string;
  language: string;
  file_name: string;
  media_type: DocumentMediaType;
  size_bytes: number;
  sha256: string;
  uploaded_at: Date;
}

const toFieldDocument = (r: FieldDocumentRow): FieldReturnDocument => ({
  id: r.id,
  type: r.type,
  title: r.title,
  language: r.language,
  fileName: r.file_name,
  mediaType: r.media_type,
  sizeBytes: r.size_bytes,
  sha256: r.sha256,
  uploadedAt: r.uploaded_at.toISOString(),
});

// The receiving mission's field officer (domain §2: reception, hand-over and monitoring visits; for
// AVR the reintegration plan and the monitoring schedule). A case is the mission's when its travel
// plan names the mission and it is past the operational plan's approval; anything else is 404.
@Injectable()
export class FieldReturnService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly returns: ReturnService,
    private readonly monitoring: MonitoringService,
    private readonly travel: TravelService,
    private readonly audit: AuditService,
    private readonly changes: CaseChanges,
  ) {}

  private async missionCase(executor: Executor, user: AuthUser, caseId: string, options: { lock?: boolean } = {}): Promise<FieldCaseRow> {
    const rows = await executor.query<FieldCaseRow[]>(
      `${FIELD_CASE_SELECT} WHERE c.id = $1 AND tp.receiving_mission_id = $2 AND c.state = ANY($3::text[])${options.lock ? ' FOR UPDATE OF c' : ''}`,
      [caseId, user.organisationId, FIELD_RETURN_STATES],
    );
    const row = rows[0];
    if (!row) {
      // Outside the caller's transaction: the refusal is recorded even though the write rolls back.
      await this.audit.append({ actor: user, action: 'FIELD_RETURN_ACCESS_DENIED', entityType: 'case', entityId: caseId, detail: {} });
      throw notFound('Returned minor');
    }
    return row;
  }

  private async writable(tx: Executor, user: AuthUser, caseId: string): Promise<ReturnCaseRef> {
    const row = await this.missionCase(tx, user, caseId, { lock: true });
    if (!FIELD_RETURN_WRITE_STATES.includes(row.state)) {
      throw new AppError('CONFLICT', `The mission records reception and monitoring while the case is in ${FIELD_RETURN_WRITE_STATES.join(', ')}; it is in ${row.state}`, { state: row.state });
    }
    return { id: row.id, state: row.state, version: row.version };
  }

  async list(user: AuthUser): Promise<FieldReturnList> {
    const rows = await this.db.query<FieldCaseRow[]>(`${FIELD_CASE_SELECT} WHERE tp.receiving_mission_id = $1 AND c.state = ANY($2::text[]) ORDER BY tp.planned_departure DESC, c.id`, [
      user.organisationId,
      FIELD_RETURN_STATES,
    ]);
    return { items: rows.map(summary) };
  }

  async detail(user: AuthUser, caseId: string, ip: string): Promise<FieldReturnDetail> {
    const row = await this.missionCase(this.db, user, caseId);
    const [plan, handover, visits, documents] = await Promise.all([
      loadPlan(this.db, caseId),
      loadHandover(this.db, caseId),
      loadVisits(this.db, caseId),
      this.db.query<FieldDocumentRow[]>(
        `SELECT d.id, d.type, d.title, d.language, d.file_name, d.media_type, d.size_bytes, d.sha256, d.uploaded_at FROM documents d
          WHERE ${FIELD_DOCUMENT_WHERE} ORDER BY d.uploaded_at DESC, d.id DESC`,
        [caseId, user.organisationId, FIELD_RETURN_DOCUMENT_TYPES],
      ),
    ]);
    await this.audit.append({ actor: user, action: 'FIELD_RETURN_VIEWED', entityType: 'case', entityId: caseId, caseId, ip });
    return {
      ...summary(row),
      receivingCaregiver: row.caregiver_name ? { name: row.caregiver_name, relationship: row.caregiver_relationship ?? '' } : null,
      airportCollection: row.airport_collection,
      escort: row.escort_required ? { name: row.escort_name, role: row.escort_role } : null,
      itinerary: row.itinerary,
      reintegrationPlan: plan
        ? {
            needsAndSkills: plan.plan.needs_and_skills,
            familySituation: plan.plan.family_situation,
            objectives: plan.objectives.map((o) => ({ id: o.id, dimension: o.dimension, level: o.level, description: o.description })),
            assistanceItems: plan.items.map(toItem),
            approved: plan.approvedVersionNo !== null,
          }
        : null,
      handover: handover ? toHandover(handover) : null,
      monitoringVisits: visits.map(toVisit),
      documents: documents.map(toFieldDocument),
      writable: FIELD_RETURN_WRITE_STATES.includes(row.state),
    };
  }

  // One of the documents the detail lists, as an attachment (audited). Anything else – another
  // mission's case, a document of IOM Rome, the court or the authorities – is 404, audited.
  async download(user: AuthUser, caseId: string, documentId: string, ip: string): Promise<DocumentDownload> {
    await this.missionCase(this.db, user, caseId);
    const rows = await this.db.query<(Pick<FieldDocumentRow, 'file_name' | 'media_type' | 'sha256'> & { content: Buffer })[]>(
      `SELECT d.file_name, d.media_type, d.sha256, dc.content FROM documents d JOIN document_contents dc ON dc.document_id = d.id
        WHERE d.id = $4 AND ${FIELD_DOCUMENT_WHERE}`,
      [caseId, user.organisationId, FIELD_RETURN_DOCUMENT_TYPES, documentId],
    );
    const file = rows[0];
    if (!file) {
      await this.audit.append({ actor: user, action: 'DOCUMENT_ACCESS_DENIED', entityType: 'document', entityId: documentId, caseId, ip });
      throw notFound('Document');
    }
    await this.audit.append({ actor: user, action: 'DOCUMENT_DOWNLOADED', entityType: 'document', entityId: documentId, caseId, detail: { sha256: file.sha256 }, ip });
    return { content: file.content, mediaType: file.media_type, sha256: file.sha256, disposition: contentDisposition(file.file_name) };
  }

  // The signed hand-over protocol, a monitoring report or a consent form collected by the mission.
  async upload(user: AuthUser, caseId: string, upload: MultipartUpload, ip: string): Promise<DocumentMeta> {
    const prepared = prepareReturnUpload(upload, FIELD_RETURN_DOCUMENT_TYPES);
    return this.db.transaction(async (tx) => {
      const c = await this.writable(tx, user, caseId);
      return storeReturnDocument(tx, this.changes, user, c.id, prepared, this.clock.now(), ip);
    });
  }

  async handover(user: AuthUser, caseId: string, input: RecordHandoverInput, ip: string): Promise<Handover> {
    return this.db.transaction(async (tx) => this.travel.recordHandoverIn(tx, user, await this.writable(tx, user, caseId), input, ip));
  }

  async recordVisit(user: AuthUser, caseId: string, visitId: string, input: RecordMonitoringVisitInput, ip: string): Promise<MonitoringVisit> {
    return this.db.transaction(async (tx) => this.monitoring.recordVisitIn(tx, user, await this.writable(tx, user, caseId), visitId, input, ip));
  }

  async escalate(user: AuthUser, caseId: string, visitId: string, input: EscalateConcernInput, ip: string): Promise<MonitoringVisit> {
    return this.db.transaction(async (tx) => this.monitoring.escalateIn(tx, user, await this.writable(tx, user, caseId), visitId, input, ip));
  }

  async updateItem(user: AuthUser, caseId: string, itemId: string, input: UpdateAssistanceItemInput, ip: string): Promise<AssistanceItem> {
    return this.db.transaction(async (tx) => this.returns.updateItemIn(tx, user, await this.writable(tx, user, caseId), itemId, input, ip));
  }
}
