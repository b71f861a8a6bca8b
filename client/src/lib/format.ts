import type { Locale } from '@app/contracts';

// en-GB rather than en-US: day/month/year, as Italian colleagues and partners read dates.
const INTL_LOCALE: Record<Locale, string> = { it: 'it-IT', en: 'en-GB' };

export const intlLocale = (language: Locale): string => INTL_LOCALE[language];

const dateFormatters = new Map<string, Intl.DateTimeFormat>();

const dateFormatter = (language: Locale, timeZone?: string): Intl.DateTimeFormat => {
  const key = `${language}|${timeZone ?? ''}`;
  let formatter = dateFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(intlLocale(language), {
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      ...(timeZone ? { timeZone } : {}),
    });
    dateFormatters.set(key, formatter);
  }
  return formatter;
};

// A calendar date (YYYY-MM-DD, e.g. a date of birth) has no time zone: format it as UTC so it
// never shifts by a day.
export const formatCalendarDate = (isoDate: string, language: Locale): string =>
  dateFormatter(language, 'UTC').format(new Date(`${isoDate}T00:00:00Z`));

// An instant (ISO date-time) is shown as the date in the user's own time zone.
export const formatInstantDate = (isoDateTime: string, language: Locale): string =>
  dateFormatter(language).format(new Date(isoDateTime));

const dateTimeFormatters = new Map<Locale, Intl.DateTimeFormat>();

// An instant with its time, in the user's own time zone ("22/11/2026, 10:05").
export const formatDateTime = (isoDateTime: string, language: Locale): string => {
  let formatter = dateTimeFormatters.get(language);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(intlLocale(language), { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
    dateTimeFormatters.set(language, formatter);
  }
  return formatter.format(new Date(isoDateTime));
};

// A file size in the user's language: "512 byte", "14,2 kB", "3,1 MB".
export const formatFileSize = (bytes: number, language: Locale): string => {
  const format = (value: number, unit: 'byte' | 'kilobyte' | 'megabyte') =>
    new Intl.NumberFormat(intlLocale(language), { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
  if (bytes < 1024) return format(bytes, 'byte');
  if (bytes < 1024 * 1024) return format(bytes / 1024, 'kilobyte');
  return format(bytes / (1024 * 1024), 'megabyte');
};

// The first characters of a sha-256 are enough to compare by eye; the whole value is in the title.
export const shortHash = (sha256: string): string => sha256.slice(0, 12);

// The server's default upload limit (MAX_UPLOAD_MB, server/src/config/env.ts). The contract does
// not carry the configured value, so this is a friendly early check only: the server's 413 is
// the rule.
export const MAX_UPLOAD_MB = 20;
export const MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024;

// Nationalities travel as ISO 3166 alpha-2 codes where known; anything else is shown as recorded.
export const formatCountry = (code: string, language: Locale): string => {
  if (!/^[A-Za-z]{2}$/.test(code)) return code;
  try {
    return new Intl.DisplayNames([intlLocale(language)], { type: 'region' }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
};
