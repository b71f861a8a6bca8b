import { z } from 'zod';
import { CaseDetailSchema, CaseSummarySchema, TimelineEntrySchema } from './cases';
import { DocumentSchema } from './documents';
import { PortalCaseSchema } from './external';
import { InboxItemSchema } from './inbox';
import { MinorProfileSchema } from './minors';
import { FieldReturnDetailSchema } from './return';
import { CASE_FILE_RELATIONS_BY_ROLE, GrantRelationSchema, ROLES, type Role } from './roles';
import { StatsReportSchema } from './stats';
import { TracingPacketSchema } from './tracing';

// The authorisation matrix (issue 5; docs/access-control.md): role × relation × action for every
// route, and the fields each view may show to each role. It drives the policy – the AccessGuard
// refuses a role the matrix does not allow on a route, the case mapper projects the case detail
// through VIEW_FIELDS – and its tests: authz-matrix.int-spec.ts calls every route as every demo
// persona on resources in every relation and expects exactly what this file says.
//
// Three walls (docs/architecture.md): the ROUTE wall (role → 403, audited AUTHZ_DENIED), the ROW
// wall (relation → 404 for anything that names a case or a case's record, so existence never
// leaks; audited *_ACCESS_DENIED) and the FIELD wall (VIEW_FIELDS, and the keys no external user
// or field officer may ever receive).

// ---------------------------------------------------------------------------------------------
// Relations: how the caller stands to the resource a route names.

export const ACCESS_RELATIONS = [
  // A global route (no resource in the path): a list filters its own rows (see `rows`).
  'any',
  // A live grant on the resource's case (case_grants, not expired), naming the caller or their
  // organisation. Which of these opens the case file to which role: CASE_FILE_RELATIONS_BY_ROLE.
  ...GrantRelationSchema.options,
  // A report version released to the caller or the caller's organisation (the disclosure register).
  'recipient',
  // A document the caller (guardian) or the caller's organisation (social services) uploaded, on a
  // case the caller still sees.
  'uploader',
  // A document filed in a proceeding before the caller's court, on a case the court still sees.
  'filed',
  // A tracing request sent to the caller's mission, or a returned minor whose travel plan names the
  // caller's mission as the receiving one, from the operational plan's approval on (field officers;
  // never a grant on the case).
  'mission',
] as const;
export type AccessRelation = (typeof ACCESS_RELATIONS)[number];

// What a route's path names.
// `return`: a case as the receiving mission sees it (issue 4: /api/field/returns/:caseId).
export const ACCESS_TARGETS = ['none', 'case', 'report', 'document', 'tracing_request', 'task', 'disclosure', 'user', 'return'] as const;
export type AccessTarget = (typeof ACCESS_TARGETS)[number];

export const ACCESS_ACTIONS = ['read', 'list', 'create', 'update', 'export', 'session'] as const;
export type AccessAction = (typeof ACCESS_ACTIONS)[number];

// Which rows a global list answers with, per role (documented; asserted as exact id sets).
export type RowScope =
  | 'visible_cases'
  | 'own_mission'
  | 'disclosed_to_caller'
  | 'unit'
  | 'assigned_or_unit'
  | 'whole_system'
  | 'aggregates_only'
  | 'own_account';

export interface RouteAccessRule {
  target: AccessTarget;
  action: AccessAction;
  // Each role allowed on the route and the relations to the target that open it. A role absent
  // here is refused by the route wall: 403, audited AUTHZ_DENIED. A listed role without one of its
  // relations is refused by the row wall: 404 (the same answer as a missing resource), audited.
  allow: Partial<Record<Role, readonly AccessRelation[]>>;
  // The service writes its own *_ACCESS_DENIED audit row for a row-wall refusal; for the other
  // routes the DenialAuditInterceptor writes ACCESS_DENIED.
  auditsOwnDenials?: true;
  rows?: RowScope;
  // The view the route answers with (VIEW_FIELDS), when field-level rules apply.
  view?: ViewName;
}

const ANY = ['any'] as const;
const anyOf = (...roles: Role[]): Partial<Record<Role, readonly AccessRelation[]>> => Object.fromEntries(roles.map((r) => [r, ANY]));
// The relations that open the case file to each role (the row wall of every case route).
const caseFile = (...roles: Role[]): Partial<Record<Role, readonly AccessRelation[]>> =>
  Object.fromEntries(roles.map((r) => [r, CASE_FILE_RELATIONS_BY_ROLE[r]]));
const STAFF: Role[] = ['caseworker', 'supervisor'];
const CASE_READERS: Role[] = ['supervisor', 'caseworker', 'guardian', 'social_services', 'court'];
const RECIPIENTS: Role[] = ['guardian', 'social_services', 'court', 'ministry'];
const staffCase = (extra: Partial<Record<Role, readonly AccessRelation[]>> = {}) => ({ ...caseFile(...STAFF), ...extra });

export const PUBLIC_ROUTES = ['GET /api/docs', 'GET /api/health', 'GET /api/openapi.json', 'POST /api/auth/login'] as const;

// Keyed "METHOD /api/path" exactly as the route inventory lists them. Every non-public route must
// be here (a route without an entry fails authz-matrix.int-spec.ts), and its @Roles() must name
// exactly the roles listed.
export const ROUTE_ACCESS = {
  // Session
  'GET /api/auth/me': { target: 'none', action: 'read', allow: anyOf(...ROLES), rows: 'own_account' },
  'POST /api/auth/logout': { target: 'none', action: 'session', allow: anyOf(...ROLES), rows: 'own_account' },

  // Administration: accounts and organisations, never case files.
  'GET /api/admin/organisations': { target: 'none', action: 'list', allow: anyOf('admin'), rows: 'whole_system' },
  'POST /api/admin/organisations': { target: 'none', action: 'create', allow: anyOf('admin') },
  'GET /api/admin/users': { target: 'none', action: 'list', allow: anyOf('admin'), rows: 'whole_system' },
  'POST /api/admin/users': { target: 'none', action: 'create', allow: anyOf('admin') },
  'POST /api/admin/users/:userId/deactivate': { target: 'user', action: 'update', allow: anyOf('admin') },
  'POST /api/admin/users/:userId/password': { target: 'user', action: 'update', allow: anyOf('admin') },

  // Cases: lists filter by the case-file relations; the detail and timeline answer 404 outside them.
  'GET /api/cases': { target: 'none', action: 'list', allow: anyOf(...CASE_READERS), rows: 'visible_cases', view: 'caseSummary' },
  'POST /api/cases/search': { target: 'none', action: 'list', allow: anyOf(...CASE_READERS), rows: 'visible_cases', view: 'caseSummary' },
  'GET /api/cases/filters': { target: 'none', action: 'list', allow: anyOf(...CASE_READERS), rows: 'visible_cases' },
  'POST /api/cases': { target: 'none', action: 'create', allow: anyOf(...STAFF) },
  'GET /api/cases/:caseId': { target: 'case', action: 'read', allow: caseFile(...CASE_READERS), auditsOwnDenials: true, view: 'caseDetail' },
  'PATCH /api/cases/:caseId': { target: 'case', action: 'update', allow: staffCase(), view: 'caseDetail' },
  'PATCH /api/cases/:caseId/minor': { target: 'case', action: 'update', allow: staffCase(), view: 'caseDetail' },
  'GET /api/cases/:caseId/timeline': { target: 'case', action: 'read', allow: caseFile(...CASE_READERS), auditsOwnDenials: true, view: 'timelineEntry' },
  'POST /api/cases/:caseId/transitions': { target: 'case', action: 'update', allow: staffCase(), view: 'caseDetail' },

  // The case file (consents, risk checks, family members): IOM staff only.
  'GET /api/cases/:caseId/file': { target: 'case', action: 'read', allow: staffCase() },
  'POST /api/cases/:caseId/consents': { target: 'case', action: 'create', allow: staffCase() },
  'POST /api/cases/:caseId/consents/:consentId/withdraw': { target: 'case', action: 'update', allow: staffCase() },
  'POST /api/cases/:caseId/risk-checks': { target: 'case', action: 'create', allow: staffCase() },
  'POST /api/cases/:caseId/risk-checks/:riskCheckId/approve': { target: 'case', action: 'update', allow: caseFile('supervisor') },
  'POST /api/cases/:caseId/family-members': { target: 'case', action: 'create', allow: staffCase() },

  // Tracing: IOM Rome through the case; the mission through its own requests.
  'POST /api/cases/:caseId/tracing-requests': { target: 'case', action: 'create', allow: staffCase() },
  'GET /api/cases/:caseId/tracing': { target: 'case', action: 'read', allow: staffCase() },
  'PUT /api/cases/:caseId/assessment/translation': { target: 'case', action: 'update', allow: staffCase() },
  'GET /api/tracing-requests': { target: 'none', action: 'list', allow: anyOf('field_officer'), rows: 'own_mission' },
  'GET /api/tracing-requests/:tracingRequestId': { target: 'tracing_request', action: 'read', allow: staffCase({ field_officer: ['mission'] }), auditsOwnDenials: true, view: 'tracingPacketMinor' },
  'POST /api/tracing-requests/:tracingRequestId/contact-attempts': { target: 'tracing_request', action: 'create', allow: { field_officer: ['mission'] } },
  'POST /api/tracing-requests/:tracingRequestId/family-consents': { target: 'tracing_request', action: 'create', allow: { field_officer: ['mission'] } },
  'POST /api/tracing-requests/:tracingRequestId/outcome': { target: 'tracing_request', action: 'update', allow: { field_officer: ['mission'] } },
  'PUT /api/tracing-requests/:tracingRequestId/assessment': { target: 'tracing_request', action: 'update', allow: { field_officer: ['mission'] } },

  // Reports: composed by IOM staff; the released PDF also reaches the recipients in the register.
  'GET /api/cases/:caseId/reports': { target: 'case', action: 'read', allow: staffCase() },
  'POST /api/cases/:caseId/reports': { target: 'case', action: 'create', allow: staffCase() },
  'PUT /api/reports/:reportId/draft': { target: 'report', action: 'update', allow: staffCase() },
  'POST /api/reports/:reportId/submit': { target: 'report', action: 'update', allow: staffCase() },
  'POST /api/reports/:reportId/qa': { target: 'report', action: 'update', allow: staffCase() },
  'POST /api/reports/:reportId/approve': { target: 'report', action: 'update', allow: caseFile('supervisor') },
  'POST /api/reports/:reportId/release': { target: 'report', action: 'update', allow: staffCase() },
  'GET /api/reports/:reportId/pdf': {
    target: 'report',
    action: 'export',
    allow: staffCase(Object.fromEntries(RECIPIENTS.map((r) => [r, ['recipient']]))),
    auditsOwnDenials: true,
  },

  // Documents: staff through the case; the mission its own uploads; guardians and social services
  // their own uploads on a case they see; a court what is filed in its proceedings.
  'GET /api/cases/:caseId/documents': {
    target: 'case',
    action: 'list',
    allow: caseFile('caseworker', 'supervisor', 'guardian', 'social_services', 'court'),
    view: 'documentMeta',
  },
  'POST /api/cases/:caseId/documents': { target: 'case', action: 'create', allow: caseFile('caseworker', 'supervisor', 'guardian', 'social_services'), view: 'documentMeta' },
  'POST /api/tracing-requests/:tracingRequestId/documents': { target: 'tracing_request', action: 'create', allow: { field_officer: ['mission'] } },
  'GET /api/tracing-requests/:tracingRequestId/documents': { target: 'tracing_request', action: 'list', allow: { field_officer: ['mission'] } },
  'GET /api/documents/:documentId/content': {
    target: 'document',
    action: 'export',
    allow: staffCase({ field_officer: ['mission'], guardian: ['uploader'], social_services: ['uploader'], court: ['filed'] }),
    auditsOwnDenials: true,
  },

  // Tasks and the dashboard: IOM staff, on their visible cases.
  'GET /api/tasks': { target: 'none', action: 'list', allow: anyOf(...STAFF), rows: 'visible_cases' },
  'GET /api/cases/:caseId/tasks': { target: 'case', action: 'read', allow: staffCase() },
  'POST /api/cases/:caseId/tasks': { target: 'case', action: 'create', allow: staffCase() },
  'POST /api/tasks/:taskId/complete': { target: 'task', action: 'update', allow: staffCase() },
  'GET /api/dashboard': { target: 'none', action: 'read', allow: anyOf(...STAFF), rows: 'visible_cases' },

  // Intake helpers (IOM staff).
  'POST /api/minors/search': { target: 'none', action: 'list', allow: anyOf(...STAFF), rows: 'whole_system' },
  'GET /api/directory/organisations': { target: 'none', action: 'list', allow: anyOf(...STAFF), rows: 'whole_system' },
  'GET /api/directory/users': { target: 'none', action: 'list', allow: anyOf(...STAFF), rows: 'whole_system' },

  // Issue 4: the proceeding before the juvenile court. The court's clerks act through a live
  // `court` grant of their own court (and only on their court's proceedings); IOM staff from the
  // acts received; IOM records the filing.
  'GET /api/cases/:caseId/court': { target: 'case', action: 'read', allow: caseFile('caseworker', 'supervisor', 'court') },
  'POST /api/cases/:caseId/court/proceedings': { target: 'case', action: 'create', allow: staffCase() },
  'POST /api/cases/:caseId/court/proceedings/:proceedingId/hearings': { target: 'case', action: 'create', allow: caseFile('caseworker', 'supervisor', 'court') },
  'PUT /api/cases/:caseId/court/hearings/:hearingId': { target: 'case', action: 'update', allow: caseFile('caseworker', 'supervisor', 'court') },
  'POST /api/cases/:caseId/court/decrees': { target: 'case', action: 'create', allow: caseFile('caseworker', 'supervisor', 'court') },
  'POST /api/cases/:caseId/court/proceedings/:proceedingId/decision': { target: 'case', action: 'create', allow: caseFile('caseworker', 'supervisor', 'court') },
  'PUT /api/cases/:caseId/court/decisions/:decisionId/decree': { target: 'case', action: 'update', allow: caseFile('caseworker', 'supervisor', 'court') },
  'POST /api/cases/:caseId/court/prosieguo': { target: 'case', action: 'create', allow: caseFile('caseworker', 'supervisor', 'court') },

  // Issue 4: the return file (IOM staff); the guardian co-signs the return request.
  'GET /api/cases/:caseId/return': { target: 'case', action: 'read', allow: staffCase() },
  'POST /api/cases/:caseId/avr/request': { target: 'case', action: 'create', allow: staffCase() },
  'POST /api/cases/:caseId/avr/guardian-consent': { target: 'case', action: 'create', allow: caseFile('guardian') },
  'POST /api/cases/:caseId/avr/counselling-sessions': { target: 'case', action: 'create', allow: staffCase() },
  'PUT /api/cases/:caseId/reintegration-plan': { target: 'case', action: 'update', allow: staffCase() },
  'POST /api/cases/:caseId/reintegration-plan/objectives': { target: 'case', action: 'create', allow: staffCase() },
  'POST /api/cases/:caseId/reintegration-plan/assistance-items': { target: 'case', action: 'create', allow: staffCase() },
  'PATCH /api/cases/:caseId/reintegration-plan/assistance-items/:itemId': { target: 'case', action: 'update', allow: staffCase() },
  'PUT /api/cases/:caseId/avr/travel-plan': { target: 'case', action: 'update', allow: staffCase() },
  'POST /api/cases/:caseId/avr/handover': { target: 'case', action: 'create', allow: staffCase() },
  'POST /api/cases/:caseId/monitoring/visits': { target: 'case', action: 'create', allow: staffCase() },
  'PUT /api/cases/:caseId/monitoring/visits/:visitId': { target: 'case', action: 'update', allow: staffCase() },
  'POST /api/cases/:caseId/monitoring/visits/:visitId/cancel': { target: 'case', action: 'update', allow: staffCase() },
  'POST /api/cases/:caseId/monitoring/visits/:visitId/escalation': { target: 'case', action: 'update', allow: staffCase() },
  'POST /api/cases/:caseId/monitoring/visits/:visitId/escalation/resolve': { target: 'case', action: 'update', allow: caseFile('supervisor') },
  'POST /api/cases/:caseId/durable-solution': { target: 'case', action: 'create', allow: staffCase() },
  'POST /api/cases/:caseId/return-reports': { target: 'case', action: 'create', allow: staffCase() },

  // Issue 4: the receiving mission's returned minors (allow-listed view, never the whereabouts).
  'GET /api/field/returns': { target: 'none', action: 'list', allow: anyOf('field_officer'), rows: 'own_mission' },
  'GET /api/field/returns/:caseId': { target: 'return', action: 'read', allow: { field_officer: ['mission'] }, auditsOwnDenials: true, view: 'fieldReturnDetail' },
  'POST /api/field/returns/:caseId/documents': { target: 'return', action: 'create', allow: { field_officer: ['mission'] }, auditsOwnDenials: true },
  'POST /api/field/returns/:caseId/handover': { target: 'return', action: 'create', allow: { field_officer: ['mission'] }, auditsOwnDenials: true },
  'PUT /api/field/returns/:caseId/monitoring-visits/:visitId': { target: 'return', action: 'update', allow: { field_officer: ['mission'] }, auditsOwnDenials: true },
  'POST /api/field/returns/:caseId/monitoring-visits/:visitId/escalation': { target: 'return', action: 'update', allow: { field_officer: ['mission'] }, auditsOwnDenials: true },
  'PATCH /api/field/returns/:caseId/assistance-items/:itemId': { target: 'return', action: 'update', allow: { field_officer: ['mission'] }, auditsOwnDenials: true },
  'GET /api/field/returns/:caseId/documents/:documentId': { target: 'return', action: 'export', allow: { field_officer: ['mission'] }, auditsOwnDenials: true },

  // Issue 5: inbox and receipts.
  'GET /api/inbox': { target: 'none', action: 'list', allow: anyOf(...RECIPIENTS), rows: 'disclosed_to_caller', view: 'inboxItem' },
  'POST /api/inbox/:disclosureId/acknowledge': { target: 'disclosure', action: 'update', allow: Object.fromEntries(RECIPIENTS.map((r) => [r, ['recipient']])), view: 'inboxItem' },
  'GET /api/cases/:caseId/disclosures': { target: 'case', action: 'read', allow: staffCase() },

  // Issue 5: statistics (aggregates only; small cells suppressed).
  'GET /api/stats': { target: 'none', action: 'read', allow: anyOf('supervisor', 'ministry'), rows: 'aggregates_only', view: 'statsReport' },
  'GET /api/stats/export': { target: 'none', action: 'export', allow: anyOf('supervisor', 'ministry'), rows: 'aggregates_only' },

  // Issue 5: the data-protection officer's oversight (no case content).
  'GET /api/dpo/audit': { target: 'none', action: 'list', allow: anyOf('dpo'), rows: 'whole_system' },
  'GET /api/dpo/audit/verification': { target: 'none', action: 'read', allow: anyOf('dpo') },
  'GET /api/dpo/disclosures': { target: 'none', action: 'list', allow: anyOf('dpo'), rows: 'whole_system' },
  'GET /api/dpo/cases/:caseId/access-log': { target: 'case', action: 'read', allow: anyOf('dpo') },

  // Issue 5: portals.
  'GET /api/portal/cases/:caseId': { target: 'case', action: 'read', allow: caseFile('guardian', 'social_services', 'court'), view: 'portalCase' },
  'POST /api/portal/tracing-requests': { target: 'none', action: 'create', allow: anyOf('social_services') },
  'GET /api/intake/requests': { target: 'none', action: 'list', allow: anyOf(...STAFF), rows: 'assigned_or_unit' },
  'POST /api/cases/:caseId/assignment': { target: 'case', action: 'update', allow: caseFile('supervisor') },
  'GET /api/cases/:caseId/court-access': { target: 'case', action: 'read', allow: staffCase() },
  'POST /api/cases/:caseId/court-access': { target: 'case', action: 'create', allow: caseFile('supervisor') },
  'POST /api/cases/:caseId/court-access/:grantId/revoke': { target: 'case', action: 'update', allow: caseFile('supervisor') },
  'POST /api/cases/:caseId/guardian-consents': { target: 'case', action: 'create', allow: caseFile('guardian') },
  'POST /api/cases/:caseId/guardian-consents/:consentId/withdraw': { target: 'case', action: 'update', allow: caseFile('guardian') },
  'GET /api/cases/:caseId/minor-views': { target: 'case', action: 'read', allow: caseFile('caseworker', 'supervisor', 'guardian') },
  'POST /api/cases/:caseId/minor-views': { target: 'case', action: 'create', allow: caseFile('guardian') },
  'GET /api/cases/:caseId/prosieguo-requests': { target: 'case', action: 'read', allow: caseFile('caseworker', 'supervisor', 'guardian', 'social_services') },
  'POST /api/cases/:caseId/prosieguo-requests': { target: 'case', action: 'create', allow: caseFile('social_services') },
} as const satisfies Record<string, RouteAccessRule>;

export type RouteKey = keyof typeof ROUTE_ACCESS;
export const routeKey = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

export function routeRule(key: string): RouteAccessRule | undefined {
  return (ROUTE_ACCESS as Record<string, RouteAccessRule>)[key];
}

// The roles a route is open to: the only declaration of them (the AccessGuard and the route
// inventory read it).
export function routeRoles(key: string): Role[] {
  const rule = routeRule(key);
  return rule ? ROLES.filter((r) => rule.allow[r] !== undefined) : [];
}

// The expected answer class for a caller of `role` standing in `relations` to the route's target.
export function routeDecision(key: string, role: Role, relations: readonly AccessRelation[]): 'allow' | 'deny_role' | 'deny_row' {
  const rule = routeRule(key);
  const open = rule?.allow[role];
  if (!rule || !open) return 'deny_role';
  if (open.includes('any')) return 'allow';
  return open.some((r) => relations.includes(r)) ? 'allow' : 'deny_row';
}

// ---------------------------------------------------------------------------------------------
// The field wall: the keys each view may show to each role.

const keysOf = (schema: z.ZodObject) => Object.keys(schema.shape);
const except = (keys: string[], hidden: readonly string[]) => keys.filter((k) => !hidden.includes(k));

// Case fields only IOM staff receive (the risk level and IOM's internal notes).
export const STAFF_ONLY_CASE_FIELDS = ['riskLevel', 'internalNotes'] as const;
// Profile fields a court does not receive (health and trafficking indicators are not in the court file).
export const COURT_HIDDEN_MINOR_PROFILE_FIELDS = ['healthNotes', 'traffickingIndicators'] as const;

const forRoles = (roles: Role[], keys: string[]) => Object.fromEntries(roles.map((r) => [r, keys])) as Partial<Record<Role, readonly string[]>>;
const caseDetailKeys = keysOf(CaseDetailSchema);
const minorKeys = keysOf(MinorProfileSchema);
const portalKeys = keysOf(PortalCaseSchema);

export const VIEW_FIELDS = {
  caseSummary: forRoles(CASE_READERS, keysOf(CaseSummarySchema)),
  caseDetail: {
    ...forRoles(STAFF, caseDetailKeys),
    ...forRoles(['guardian', 'social_services', 'court'], except(caseDetailKeys, STAFF_ONLY_CASE_FIELDS)),
  },
  // caseDetail.minor
  caseDetailMinor: {
    ...forRoles(['caseworker', 'supervisor', 'guardian', 'social_services'], minorKeys),
    court: except(minorKeys, COURT_HIDDEN_MINOR_PROFILE_FIELDS),
  },
  timelineEntry: forRoles(CASE_READERS, keysOf(TimelineEntrySchema)),
  documentMeta: forRoles(['caseworker', 'supervisor', 'field_officer', 'guardian', 'social_services', 'court'], keysOf(DocumentSchema)),
  inboxItem: forRoles(RECIPIENTS, keysOf(InboxItemSchema)),
  portalCase: {
    guardian: portalKeys,
    social_services: except(portalKeys, ['minorViews']),
    court: except(portalKeys, ['consents', 'prosieguoRequests', 'minorViews']),
  },
  // The minor as the mission sees them in the tracing packet: no whereabouts, no status.
  tracingPacketMinor: { field_officer: keysOf(TracingPacketSchema.shape.minor) },
  // A returned minor as the receiving mission sees them (issue 4).
  fieldReturnDetail: { field_officer: keysOf(FieldReturnDetailSchema) },
  fieldReturnMinor: { field_officer: keysOf(FieldReturnDetailSchema.shape.minor) },
  statsReport: forRoles(['supervisor', 'ministry'], keysOf(StatsReportSchema)),
} satisfies Record<string, Partial<Record<Role, readonly string[]>>>;
export type ViewName = keyof typeof VIEW_FIELDS;

// The fields of `view` that `role` may receive; none for a role the view does not name.
export function viewFields(view: ViewName, role: Role): readonly string[] {
  return (VIEW_FIELDS[view] as Partial<Record<Role, readonly string[]>>)[role] ?? [];
}

// A copy of `value` with only the keys the role may see (the field wall, applied by the mappers).
export function projectView<T extends object>(view: ViewName, role: Role, value: T): T {
  const allowed = new Set(viewFields(view, role));
  return Object.fromEntries(Object.entries(value).filter(([k]) => allowed.has(k))) as T;
}

// Keys no answer to an external user (guardian, social services, court, ministry) may contain, at
// any depth: IOM's internal notes and risk assessment, and the field officer's working records.
export const EXTERNAL_FORBIDDEN_KEYS = ['internalNotes', 'riskLevel', 'riskToMinor', 'riskToFamily', 'safetyNotes', 'packet', 'contactAttempts'] as const;
// The protection-status firewall (domain §8 rule 3): keys no answer to a field officer may contain,
// at any depth – the minor's whereabouts in Italy, legal and protection status, trafficking and
// health notes, the Italian authorities on the case, IOM's internal notes.
export const FIELD_OFFICER_FORBIDDEN_KEYS = [
  'region',
  'municipality',
  'receptionFacility',
  'receptionType',
  'legalStatus',
  'asylumApplicant',
  'traffickingIndicators',
  'healthNotes',
  'internalNotes',
  'riskLevel',
  'socialServices',
  'guardian',
  'requestingAuthority',
] as const;
