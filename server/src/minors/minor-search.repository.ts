import { Injectable } from '@nestjs/common';
import type { CaseState } from '@app/contracts';
import type { AuthUser } from '../common/auth-user';
import { Clock } from '../common/clock';
import type { Executor } from '../database/db';
import { visibleCasePredicate } from '../cases/cases.repository';

export interface QueryKeys {
  key: string;
  phon: string;
  norm: string;
}

export interface CandidateRow {
  minor_id: string;
  first_name: string;
  last_name: string;
  date_of_birth: string | null;
  dob_is_default_jan1: boolean;
  nationality: string;
  key_sim: number;
  norm_sim: number;
  phon: boolean;
  is_alias: boolean;
  dob_match: 'EXACT' | 'WITHIN_ONE_YEAR' | 'DEFAULT_JAN1' | 'DIFFERENT' | null;
  score: number;
}

export interface CandidateCaseRow {
  minor_id: string;
  id: string;
  case_number: string;
  state: CaseState;
  visible: boolean;
}

// Scoring (0..1). The name carries most of the weight: 80% the similarity of the
// transliteration keys, 20% that of the plain normalised names (an exact spelling ranks above a
// variant). The same phonetic key adds a little. The date of birth is evidence, weighted by how
// much it can be trusted: an exact date counts most; a date within a year, or a 1 January
// default in the same or an adjacent year, counts a little; dates more than two years apart
// count against.
export const SCORE = {
  name: 0.7,
  phonetic: 0.05,
  dob: { EXACT: 0.25, WITHIN_ONE_YEAR: 0.1, DEFAULT_JAN1: 0.06, DIFFERENT: -0.15 },
  minimum: 0.35,
} as const;

// The candidate query (ADR 0009). The keys similar to the query's (pg_trgm.similarity_threshold)
// come from the dictionary of distinct keys (GIN trigram on minor_name_keys), their rows from the
// btree on minor_names (name_key); the phonetic match from the btree on phon_key. Each
// minor is scored on its best name and the date of birth carried by minor_names; minors is read
// only for the rows kept.
// $1 key, $2 phonetic key, $3 normalised name, $4 date of birth, $5 the date is a 1 January
// default, $6 limit.
export const CANDIDATE_SQL = `
  WITH keys AS MATERIALIZED (
    SELECT k.name_key, similarity(k.name_key, $1) AS key_sim FROM minor_name_keys k WHERE k.name_key % $1
  ), hits AS MATERIALIZED (
    SELECT n.minor_id, n.is_alias, n.name_norm, n.phon_key, n.date_of_birth, n.dob_is_default_jan1, k.key_sim
      FROM keys k JOIN minor_names n ON n.name_key = k.name_key
    UNION ALL
    SELECT n.minor_id, n.is_alias, n.name_norm, n.phon_key, n.date_of_birth, n.dob_is_default_jan1, similarity(n.name_key, $1)
      FROM minor_names n WHERE n.phon_key = $2 AND $2 <> '' AND NOT n.name_key % $1
  ), norms AS MATERIALIZED (
    SELECT s.name_norm, similarity(s.name_norm, $3) AS norm_sim FROM (SELECT DISTINCT h.name_norm FROM hits h) s
  ), best AS (
    SELECT DISTINCT ON (h.minor_id) h.minor_id, h.is_alias, h.phon_key = $2 AS phon, h.key_sim, h.norm_sim, h.date_of_birth AS dob, h.dob_is_default_jan1 AS dob_jan1
      FROM (SELECT h.*, s.norm_sim FROM hits h JOIN norms s ON s.name_norm = h.name_norm) h
     ORDER BY h.minor_id, 0.8 * h.key_sim + 0.2 * h.norm_sim DESC, h.is_alias
  ), dated AS (
    SELECT b.*,
           CASE
             WHEN $4::date IS NULL OR b.dob IS NULL THEN NULL
             WHEN (b.dob_jan1 OR $5::boolean) AND abs(extract(year FROM b.dob) - extract(year FROM $4::date)) <= 1 THEN 'DEFAULT_JAN1'
             WHEN b.dob = $4::date THEN 'EXACT'
             WHEN abs(b.dob - $4::date) <= 366 THEN 'WITHIN_ONE_YEAR'
             WHEN abs(b.dob - $4::date) > 731 THEN 'DIFFERENT'
           END AS dob_match
      FROM best b
  ), scored AS (
    SELECT d.minor_id, d.is_alias, d.phon, d.key_sim, d.norm_sim, d.dob_match, greatest(0, least(1,
             ${SCORE.name} * (0.8 * d.key_sim + 0.2 * d.norm_sim)
             + CASE WHEN d.phon THEN ${SCORE.phonetic} ELSE 0 END
             + CASE d.dob_match WHEN 'EXACT' THEN ${SCORE.dob.EXACT} WHEN 'WITHIN_ONE_YEAR' THEN ${SCORE.dob.WITHIN_ONE_YEAR}
                 WHEN 'DEFAULT_JAN1' THEN ${SCORE.dob.DEFAULT_JAN1} WHEN 'DIFFERENT' THEN ${SCORE.dob.DIFFERENT} ELSE 0 END)) AS score
      FROM dated d
  ), kept AS (
    SELECT * FROM scored WHERE score >= ${SCORE.minimum} ORDER BY score DESC, key_sim DESC, minor_id LIMIT $6
  )
  SELECT k.*, m.first_name, m.last_name, to_char(m.date_of_birth, 'YYYY-MM-DD') AS date_of_birth, m.dob_is_default_jan1, btrim(m.nationality) AS nationality
    FROM kept k JOIN minors m ON m.id = k.minor_id
   ORDER BY k.score DESC, k.key_sim DESC, k.minor_id`;

@Injectable()
export class MinorSearchRepository {
  constructor(private readonly clock: Clock) {}

  async keys(tx: Executor, name: string): Promise<QueryKeys> {
    const rows = await tx.query<QueryKeys[]>(`SELECT public.translit_key($1) AS key, public.phonetic_key($1) AS phon, btrim(public.norm_name($1)) AS norm`, [name]);
    return rows[0]!;
  }

  candidates(tx: Executor, keys: QueryKeys, dateOfBirth: string | null, dobIsDefaultJan1: boolean, limit: number): Promise<CandidateRow[]> {
    return tx.query<CandidateRow[]>(CANDIDATE_SQL, [keys.key, keys.phon, keys.norm, dateOfBirth, dobIsDefaultJan1, limit]);
  }

  // Every case of the candidates, flagged with whether the caller may open it.
  cases(tx: Executor, user: AuthUser, minorIds: string[]): Promise<CandidateCaseRow[]> {
    const params: unknown[] = [minorIds];
    return tx.query<CandidateCaseRow[]>(
      `SELECT c.minor_id, c.id, c.case_number, c.state, ${visibleCasePredicate(user, this.clock.now(), params)} AS visible
         FROM cases c WHERE c.minor_id = ANY($1::uuid[]) ORDER BY c.created_at DESC, c.id`,
      params,
    );
  }
}
