import { Injectable } from '@nestjs/common';
import type { MatchReasonCode, MinorSearchCandidate, MinorSearchRequest, MinorSearchResponse } from '@app/contracts';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import { Db } from '../database/db';
import { useNameSearchSettings } from '../cases/cases.service';
import { MinorSearchRepository, type CandidateCaseRow, type CandidateRow } from './minor-search.repository';

const round = (value: number) => Math.round(value * 100) / 100;

export function reasonsOf(row: CandidateRow): MinorSearchCandidate['reasons'] {
  const reasons: MinorSearchCandidate['reasons'] = [{ code: 'NAME_SIMILARITY', value: round(0.8 * row.key_sim + 0.2 * row.norm_sim) }];
  if (row.phon) reasons.push({ code: 'PHONETIC_KEY' });
  if (row.is_alias) reasons.push({ code: 'ALIAS' });
  if (row.dob_match) reasons.push({ code: `DOB_${row.dob_match}` as MatchReasonCode });
  return reasons;
}

// Likely duplicates of a person about to be registered (architecture brief §8). Anyone at the
// unit may learn that a child is already known, with minimal fields: the case numbers are given
// only for the cases the caller can open, the others are counted.
@Injectable()
export class MinorSearchService {
  constructor(
    private readonly db: Db,
    private readonly repository: MinorSearchRepository,
    private readonly audit: AuditService,
  ) {}

  async search(user: AuthUser, request: MinorSearchRequest, ip: string): Promise<MinorSearchResponse> {
    const candidates = await this.db.readTransaction(async (tx) => {
      const keys = await this.repository.keys(tx, request.name);
      if (!keys.key) {
        throw new AppError('VALIDATION_FAILED', 'Invalid body', { fields: [{ path: 'name', code: 'no_latin_letters', message: 'Type the name in Latin letters' }] });
      }
      await useNameSearchSettings(tx);
      const rows = await this.repository.candidates(tx, keys, request.dateOfBirth ?? null, request.dobIsDefaultJan1 ?? false, request.limit);
      const cases = rows.length ? await this.repository.cases(tx, user, rows.map((r) => r.minor_id)) : [];
      const byMinor = new Map<string, CandidateCaseRow[]>();
      for (const c of cases) byMinor.set(c.minor_id, [...(byMinor.get(c.minor_id) ?? []), c]);
      return rows.map((row): MinorSearchCandidate => {
        const own = byMinor.get(row.minor_id) ?? [];
        return {
          minorId: row.minor_id,
          firstName: row.first_name,
          lastName: row.last_name,
          dateOfBirth: row.date_of_birth,
          dobIsDefaultJan1: row.dob_is_default_jan1,
          nationality: row.nationality,
          score: round(row.score),
          reasons: reasonsOf(row),
          cases: own.filter((c) => c.visible).map((c) => ({ id: c.id, caseNumber: c.case_number, state: c.state })),
          otherCases: own.filter((c) => !c.visible).length,
        };
      });
    });
    // Audited without the name searched for.
    await this.audit.append({ actor: user, action: 'MINOR_SEARCH', entityType: 'minor', detail: { results: candidates.length, withDateOfBirth: Boolean(request.dateOfBirth) }, ip });
    return { candidates };
  }
}
