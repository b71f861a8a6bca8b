import type { AvailableTransition, CaseDetail, CaseSummary } from '@app/contracts';
import type { CaseRow } from './cases.repository';

export const toCaseSummary = (row: CaseRow): CaseSummary => ({
  id: row.id,
  caseNumber: row.case_number,
  state: row.state,
  priority: row.priority,
  minor: {
    id: row.minor_id,
    firstName: row.first_name,
    lastName: row.last_name,
    sex: row.sex,
    nationality: row.nationality.trim(),
    dateOfBirth: row.date_of_birth,
  },
  updatedAt: row.updated_at.toISOString(),
});

export const toCaseDetail = (row: CaseRow, transitions: AvailableTransition[]): CaseDetail => ({
  ...toCaseSummary(row),
  version: row.version,
  channel: row.channel,
  requestDate: row.request_date,
  createdAt: row.created_at.toISOString(),
  transitions,
});
