import type { Locale } from '@app/contracts';
import { intlLocale } from '@/lib/format';

// An instant as date and time in the user's time zone ("22/11/2026, 10:05").
export const formatDateTime = (isoDateTime: string, locale: Locale): string =>
  new Intl.DateTimeFormat(intlLocale(locale), { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(isoDateTime));

const pad = (value: number): string => String(value).padStart(2, '0');

// Today as YYYY-MM-DD in the user's time zone (the default of date fields, and their maximum).
export const todayIso = (now: Date = new Date()): string => `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;

// <input type="datetime-local"> works in local time without a zone.
export const toLocalDateTimeInput = (date: Date): string => `${todayIso(date)}T${pad(date.getHours())}:${pad(date.getMinutes())}`;

// The local date-time typed by the user as an ISO instant; anything unreadable is passed on so
// that validation reports it.
export const localDateTimeToIso = (value: string): string => {
  if (!value) return value;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
};

export const blankToUndefined = (value: string): string | undefined => (value.trim() === '' ? undefined : value);

// The server's default upload limit (MAX_UPLOAD_MB): a friendly early check only, the server's 413
// is the rule.
export const MAX_UPLOAD_MB = 20;
export const MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024;

// A file size in the user's language: "512 byte", "14,2 kB", "3,1 MB".
export const formatFileSize = (bytes: number, locale: Locale): string => {
  const format = (value: number, unit: 'byte' | 'kilobyte' | 'megabyte') =>
    new Intl.NumberFormat(intlLocale(locale), { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
  if (bytes < 1024) return format(bytes, 'byte');
  if (bytes < 1024 * 1024) return format(bytes / 1024, 'kilobyte');
  return format(bytes / (1024 * 1024), 'megabyte');
};
