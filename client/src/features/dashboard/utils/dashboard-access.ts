import { IOM_STAFF_ROLES, MANUAL_RULE_PREFIX, TASK_RULES, type ApprovalItem, type Role } from '@app/contracts';
import { paths } from '@/config/paths';

// The dashboard (GET /api/dashboard) is for IOM caseworkers and supervisors; the other roles keep
// their own home.
export const hasDashboard = (role: Role): boolean => (IOM_STAFF_ROLES as readonly Role[]).includes(role);

export const isManualTask = (rule: string): boolean => rule.startsWith(MANUAL_RULE_PREFIX);

// The legal or internal reference of a rule deadline, from the shared deadline table.
export const legalRefOf = (rule: string): string | undefined => TASK_RULES.find((candidate) => candidate.id === rule)?.legalRef;

// Where an item waiting for approval is handled: risk checks sit with the consents, reports on
// the reports tab, the tracing approval among the case's next steps.
export const approvalHref = (item: Pick<ApprovalItem, 'kind' | 'caseId'>): string => {
  switch (item.kind) {
    case 'RISK_CHECK':
      return paths.caseTab(item.caseId, 'consents');
    case 'REPORT_APPROVAL':
    case 'REPORT_QA':
      return paths.caseTab(item.caseId, 'reports');
    case 'TRACING_APPROVAL':
      return paths.caseDetail(item.caseId);
  }
};
