import type { CounsellingSession } from '@app/contracts';

// ---------------------------------------------------------------------------------------------
// Counselling

export interface CounsellingRow {
  id: string;
  held_on: string;
  counsellor: string;
  language: string;
  mediator_present: boolean;
  mediator_name: string | null;
  minor_words: string;
  topics: string[];
  notes: string | null;
  created_at: Date;
}
export const COUNSELLING_SELECT = `SELECT id, to_char(held_on, 'YYYY-MM-DD') AS held_on, counsellor, language, mediator_present, mediator_name,
  minor_words, topics, notes, created_at FROM counselling_sessions`;
export const toCounselling = (r: CounsellingRow): CounsellingSession => ({
  id: r.id,
  heldOn: r.held_on,
  counsellor: r.counsellor,
  language: r.language,
  mediatorPresent: r.mediator_present,
  mediatorName: r.mediator_name,
  minorWords: r.minor_words,
  topics: r.topics,
  notes: r.notes,
  recordedAt: r.created_at.toISOString(),
});
