import type { Locale } from '@app/contracts';
import { intlLocale } from '@/lib/format';

// An instant as date and time in the user's time zone ("22/11/2026, 10:05").
export const formatDateTime = (isoDateTime: string, locale: Locale): string =>
  new Intl.DateTimeFormat(intlLocale(locale), { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(isoDateTime));
