import {
  AuditPageSchema,
  AuditVerificationSchema,
  CaseAccessLogSchema,
  DisclosureRegisterPageSchema,
  type AuditPage,
  type AuditVerification,
  type CaseAccessLog,
  type DisclosureRegisterPage,
} from '@app/contracts';
import { api } from '@/lib/api-client';

export type AuditFilters = {
  action?: string | undefined;
  actorId?: string | undefined;
  caseId?: string | undefined;
  // ISO instants (the page turns the chosen days into the start and the end of the day).
  from?: string | undefined;
  to?: string | undefined;
  denied?: boolean | undefined;
};

type Page = { cursor?: string | undefined; limit: number };
const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});

// Every read here is itself audited by the server (the DPO's oversight is on the trail too).
export const fetchAuditTrail = (filters: AuditFilters, page: Page, signal?: AbortSignal): Promise<AuditPage> =>
  api.get('/dpo/audit', AuditPageSchema, { query: { ...filters, denied: filters.denied ? 'true' : undefined, ...page }, ...withSignal(signal) });

export const fetchCaseAccessLog = (caseId: string, page: Page, signal?: AbortSignal): Promise<CaseAccessLog> =>
  api.get(`/dpo/cases/${encodeURIComponent(caseId)}/access-log`, CaseAccessLogSchema, { query: page, ...withSignal(signal) });

export const fetchDisclosureRegister = (page: Page, signal?: AbortSignal): Promise<DisclosureRegisterPage> =>
  api.get('/dpo/disclosures', DisclosureRegisterPageSchema, { query: page, ...withSignal(signal) });

export const fetchAuditVerification = (signal?: AbortSignal): Promise<AuditVerification> =>
  api.get('/dpo/audit/verification', AuditVerificationSchema, withSignal(signal));
