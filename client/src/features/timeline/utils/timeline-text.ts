import type { Locale, TimelineEntry } from '@app/contracts';
import type { TFunction } from 'i18next';
import { intlLocale } from '@/lib/format';

// Date and time in the user's time zone, as everywhere in the app ("22/11/2026, 10:05").
export const formatWhen = (isoDateTime: string, locale: Locale): string =>
  new Intl.DateTimeFormat(intlLocale(locale), { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(isoDateTime));

const CODE = /^[A-Z][A-Z0-9_]*$/;
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);

// A code from the server in words when the client knows it; otherwise the generic wording.
const label = (t: TFunction, prefix: string, code: unknown, fallbackKey?: string): string | undefined => {
  const value = text(code);
  if (!value || !CODE.test(value)) return fallbackKey ? t(fallbackKey) : undefined;
  return t(`${prefix}.${value}`, { defaultValue: fallbackKey ? t(fallbackKey) : '' }) || undefined;
};

// What happened, in one line: a state change "from → to" with the states' plain labels, or the
// kind of record that was added (a generic line for kinds the client does not know yet).
export const entryTitle = (t: TFunction, entry: TimelineEntry): string => {
  if (entry.kind === 'TRANSITION' && entry.toState) {
    return entry.fromState
      ? t('timeline.transition', { from: t(`states.${entry.fromState}`), to: t(`states.${entry.toState}`) })
      : t('timeline.transitionTo', { to: t(`states.${entry.toState}`) });
  }
  return label(t, 'timeline.kinds', entry.kind, 'timeline.kinds.other') ?? t('timeline.kinds.other');
};

// The details worth a line of their own, in words (never raw identifiers).
export const entryDetails = (t: TFunction, entry: TimelineEntry, locale: Locale): string[] => {
  const detail = entry.detail;
  const lines: string[] = [];
  const versionNo = typeof detail.versionNo === 'number' ? detail.versionNo : undefined;
  switch (entry.kind) {
    case 'CASE_CREATED': {
      const caseNumber = text(detail.caseNumber);
      if (caseNumber) lines.push(t('timeline.details.caseNumber', { caseNumber }));
      break;
    }
    case 'CASE_UPDATED': {
      const fields = strings(detail.fields);
      const known = fields.map((field) => t(`timeline.caseFields.${field}`, { defaultValue: '' })).filter(Boolean);
      if (known.length) lines.push(t('timeline.details.fields', { fields: known.join(', ') }));
      if (fields.length > known.length) lines.push(t('timeline.details.otherFields', { count: fields.length - known.length }));
      break;
    }
    case 'MINOR_UPDATED': {
      const count = strings(detail.fields).length;
      if (count) lines.push(t('timeline.details.profileFields', { count }));
      break;
    }
    case 'CONSENT_RECORDED':
    case 'CONSENT_WITHDRAWN':
    case 'AVR_REQUEST_RECORDED':
    case 'AVR_GUARDIAN_CONSENT_RECORDED': {
      const scope = label(t, 'timeline.consentScopes', detail.scope);
      const subject = label(t, 'timeline.consentSubjects', detail.subject);
      if (scope) lines.push(subject ? t('timeline.details.consent', { scope, subject }) : scope);
      break;
    }
    case 'RISK_CHECK_RECORDED': {
      const decision = label(t, 'timeline.riskDecisions', detail.decision);
      if (decision) lines.push(decision);
      break;
    }
    case 'TRACING_OUTCOME_RECORDED': {
      const outcome = label(t, 'timeline.outcomes', detail.outcome);
      if (outcome) lines.push(outcome);
      break;
    }
    case 'COURT_HEARING_SCHEDULED': {
      const at = text(detail.scheduledAt);
      if (at && !Number.isNaN(Date.parse(at))) lines.push(t('timeline.details.hearingAt', { when: formatWhen(at, locale) }));
      break;
    }
    case 'COURT_DECISION_RECORDED': {
      const outcome = label(t, 'return.court.outcomes', detail.outcome);
      if (outcome) lines.push(outcome);
      break;
    }
    case 'PROSIEGUO_RECORDED': {
      const until = text(detail.prosieguoUntil);
      if (until && /^\d{4}-\d{2}-\d{2}$/.test(until)) lines.push(t('timeline.details.prosieguoUntil', { date: until.split('-').reverse().join('/') }));
      break;
    }
    case 'DOCUMENT_UPLOADED': {
      const type = label(t, 'documents.types', detail.type);
      if (type) lines.push(type);
      break;
    }
    default:
      break;
  }
  if (entry.kind.startsWith('REPORT_')) {
    if (versionNo !== undefined) lines.push(t('timeline.details.version', { version: versionNo }));
    const comment = text(detail.comment);
    if (comment) lines.push(t('timeline.details.comment', { comment }));
  }
  return lines;
};

// Who did it: the person and their role, or a neutral word for system actions and for people the
// viewer may not see (a field officer, for external users).
export const entryActor = (t: TFunction, entry: TimelineEntry): string =>
  entry.actor ? t('timeline.actor', { name: entry.actor.name, role: t(`roles.${entry.actor.role}`) }) : t('timeline.noActor');
