import { romeDay, type Locale } from '@app/contracts';
import { appNow } from '@/lib/clock';
import { intlLocale } from '@/lib/format';

export { formatDateTime } from '@/lib/format';

// Euro amounts as the user reads them ("450,00 €" / "€450.00").
export const formatEuro = (amount: number, locale: Locale): string =>
  new Intl.NumberFormat(intlLocale(locale), { style: 'currency', currency: 'EUR' }).format(amount);

// "gennaio 2027": the heading of a month in the monitoring calendar.
export const formatMonth = (isoDate: string, locale: Locale): string =>
  new Intl.DateTimeFormat(intlLocale(locale), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));

// A 0–1 index as a percentage ("62%").
export const formatIndex = (value: number, locale: Locale): string =>
  new Intl.NumberFormat(intlLocale(locale), { style: 'percent', maximumFractionDigits: 0 }).format(value);

// Today as a calendar day in Italy, YYYY-MM-DD (for date inputs' max and "overdue").
export const todayIso = (now: Date = appNow()): string => romeDay(now);

// A calendar date N days after another (YYYY-MM-DD).
export { addDays } from '@app/contracts';
