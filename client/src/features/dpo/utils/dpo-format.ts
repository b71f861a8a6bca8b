import type { Locale } from '@app/contracts';
import { intlLocale } from '@/lib/format';

// An instant with seconds: the trail is read event by event.
export const formatTimestamp = (isoDateTime: string, locale: Locale): string =>
  new Intl.DateTimeFormat(intlLocale(locale), {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).format(new Date(isoDateTime));

// A chosen day (YYYY-MM-DD) as the first or last instant of that day in the user's time zone.
export const startOfDayIso = (day: string): string | undefined => {
  const date = new Date(`${day}T00:00:00`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
};
export const endOfDayIso = (day: string): string | undefined => {
  const date = new Date(`${day}T23:59:59.999`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
};

export const shortId = (id: string): string => id.slice(0, 8);

// The audit actions the server writes are upper-case codes (AuditQuerySchema's pattern).
export const AUDIT_ACTION_PATTERN = /^[A-Z][A-Z0-9_]{1,59}$/;
