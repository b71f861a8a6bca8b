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

// Nationalities travel as ISO 3166 alpha-2 codes where known; anything else is shown as recorded.
export const formatCountry = (code: string, language: Locale): string => {
  if (!/^[A-Za-z]{2}$/.test(code)) return code;
  try {
    return new Intl.DisplayNames([intlLocale(language)], { type: 'region' }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
};
