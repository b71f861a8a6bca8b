import { Injectable } from '@nestjs/common';
import {
  ASSESSMENT_SECTION_KEYS,
  ASSESSMENT_WRITABLE_STATES,
  romeDay,
  type AssessmentSections,
  type FamilyAssessment,
  type FieldError,
  type PutAssessmentTranslationInput,
  type PutFamilyAssessmentInput,
} from '@app/contracts';
import { AppError, notFound } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import { Clock } from '../common/clock';
import { parseIfMatchVersion, requireIfMatch } from '../common/if-match';
import { Db } from '../database/db';
import { PERSONS_SEPARATOR, toAssessment, type AssessmentRow } from './tracing.mapper';
import { ASSESSMENT_COLUMNS, ASSESSMENT_FROM, TracingRequests, fieldError, invalid, unmet } from './tracing-requests';


// If-Match carries the assessment version ("3", W/"3" or 3), as parseIfMatch does for cases.
export const parseAssessmentIfMatch = (header: string | undefined): number | undefined => parseIfMatchVersion(header, 'assessment version');
const requireAssessmentVersion = (version: number | undefined): number => requireIfMatch(version, 'assessment version');
const staleAssessment = (current: number | null) =>
  new AppError('PRECONDITION_FAILED', 'The assessment was changed by someone else: reload it and try again', { currentVersion: current });

// The family assessment (domain.md §3.13, §4 #8): the mission writes it in the original language
// on its open request; IOM Rome translates every section into Italian. Each is versioned (If-Match).
@Injectable()
export class FamilyAssessmentService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly requests: TracingRequests,
  ) {}

  // The assessment in the original language: created without If-Match, changed with If-Match =
  // its version (428 without, 412 when stale). Needs the outcome LOCATED and the family's consent
  // to the interview.
  async putAssessment(user: AuthUser, id: string, input: PutFamilyAssessmentInput, ifMatch: string | undefined, ip: string): Promise<FamilyAssessment> {
    const expected = parseAssessmentIfMatch(ifMatch);
    return this.requests.fieldWrite(user, id, async (tx, row, caseState) => {
      if (row.status === 'FAILED') throw new AppError('CONFLICT', `The tracing request is closed (${row.status})`, { status: row.status });
      if (row.outcome !== 'LOCATED') throw unmet('TRACING_OUTCOME_RECORDED', 'Record the outcome LOCATED before writing the family assessment');
      if (!ASSESSMENT_WRITABLE_STATES.includes(caseState)) {
        throw new AppError('CONFLICT', `The original assessment can no longer be changed (the case is ${caseState})`, { state: caseState });
      }
      const consent = await tx.query(
        `SELECT 1 FROM consents WHERE case_id = $1 AND subject = 'FAMILY_MEMBER' AND scope = 'INTERVIEW' AND withdrawn_at IS NULL LIMIT 1`,
        [row.case_id],
      );
      if (!(consent as unknown[]).length) throw unmet('FAMILY_CONSENT_INTERVIEW', "Record the family's consent to the interview first");
      const today = this.clock.today();
      if (input.interviewDate > today) throw invalid('The interview date is in the future', [fieldError('interviewDate', 'in_future', 'Cannot be in the future')]);
      if (input.interviewDate < romeDay(row.sent_at)) {
        throw invalid('The interview date is before the request was sent', [fieldError('interviewDate', 'before_sent', 'Cannot be before the request was sent')]);
      }

      const now = this.clock.now();
      const existing = (await tx.query<{ id: string; tracing_request_id: string; version: number }[]>(
        `SELECT id, tracing_request_id, version FROM family_assessments WHERE case_id = $1 FOR UPDATE`,
        [row.case_id],
      ))[0];
      const persons = input.personsPresent.join(PERSONS_SEPARATOR);
      const sections = JSON.stringify(input.sections);
      let assessmentId: string;
      if (!existing) {
        if (expected !== undefined) throw staleAssessment(null);
        const rows = await tx.query<{ id: string }[]>(
          `INSERT INTO family_assessments (case_id, tracing_request_id, interview_date, interview_mode, persons_present, language_original, sections_original,
              written_by, updated_by, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9, $9) RETURNING id`,
          [row.case_id, row.id, input.interviewDate, input.interviewMode, persons, input.languageOriginal, sections, user.id, now],
        );
        assessmentId = rows[0]!.id;
        await this.requests.record(tx, user, row.case_id, 'FAMILY_ASSESSMENT_WRITTEN', 'family_assessment', assessmentId, ip, { tracingRequestId: row.id, version: 1 });
      } else {
        if (existing.tracing_request_id !== row.id) throw new AppError('CONFLICT', "The case's family assessment was written under another tracing request");
        const version = requireAssessmentVersion(expected);
        if (version !== existing.version) throw staleAssessment(existing.version);
        const rows = await tx.query<{ version: number }[]>(
          `UPDATE family_assessments SET interview_date = $3, interview_mode = $4, persons_present = $5, language_original = $6, sections_original = $7,
              updated_by = $8, updated_at = $9, version = version + 1
            WHERE id = $1 AND version = $2 RETURNING version`,
          [existing.id, version, input.interviewDate, input.interviewMode, persons, input.languageOriginal, sections, user.id, now],
        );
        if (!rows[0]) throw staleAssessment(existing.version);
        assessmentId = existing.id;
        await this.requests.record(tx, user, row.case_id, 'FAMILY_ASSESSMENT_UPDATED', 'family_assessment', assessmentId, ip, { tracingRequestId: row.id, version: rows[0].version });
      }
      await this.requests.touchRequest(tx, row, false);
      const [saved] = await tx.query<AssessmentRow[]>(`SELECT ${ASSESSMENT_COLUMNS} FROM ${ASSESSMENT_FROM} WHERE a.id = $1`, [assessmentId]);
      return toAssessment(saved!, 'field');
    });
  }

  // ---------------------------------------------------------------------------------------------
  // IOM Rome: the Italian translation

  async putTranslation(user: AuthUser, caseId: string, input: PutAssessmentTranslationInput, ifMatch: string | undefined, ip: string): Promise<FamilyAssessment> {
    const expected = parseAssessmentIfMatch(ifMatch);
    return this.db.transaction(async (tx) => {
      await this.requests.visibleCase(tx, user, caseId, { lock: true });
      const existing = (await tx.query<{ id: string; version: number; sections_original: AssessmentSections }[]>(
        `SELECT id, version, sections_original FROM family_assessments WHERE case_id = $1 FOR UPDATE`,
        [caseId],
      ))[0];
      if (!existing) throw notFound('Family assessment');
      const version = requireAssessmentVersion(expected);
      if (version !== existing.version) throw staleAssessment(existing.version);

      // The translation covers exactly the sections the mission wrote.
      const problems: FieldError[] = [];
      const translation = input.sections as AssessmentSections;
      for (const key of ASSESSMENT_SECTION_KEYS) {
        const inOriginal = typeof existing.sections_original[key] === 'string';
        const translated = translation[key] !== undefined;
        if (inOriginal && !translated) problems.push(fieldError(`sections.${key}`, 'required', 'Translate this section'));
        if (!inOriginal && translated) problems.push(fieldError(`sections.${key}`, 'not_in_original', 'The original has no such section'));
      }
      if (problems.length) throw invalid('The translation does not match the original', problems);

      const now = this.clock.now();
      const rows = await tx.query<{ version: number }[]>(
        `UPDATE family_assessments SET sections_it = $3, translated_by = $4, translated_at = $5, translated_from_version = version + 1,
            version = version + 1, updated_at = $5
          WHERE id = $1 AND version = $2 RETURNING version`,
        [existing.id, version, JSON.stringify(translation), user.id, now],
      );
      if (!rows[0]) throw staleAssessment(existing.version);
      await this.requests.record(tx, user, caseId, 'ASSESSMENT_TRANSLATED', 'family_assessment', existing.id, ip, { version: rows[0].version });
      const [saved] = await tx.query<AssessmentRow[]>(`SELECT ${ASSESSMENT_COLUMNS} FROM ${ASSESSMENT_FROM} WHERE a.id = $1`, [existing.id]);
      return toAssessment(saved!, 'staff');
    });
  }
}
