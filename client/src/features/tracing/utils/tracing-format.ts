import type { Locale, TracingStatus } from '@app/contracts';
import type { MantineColor } from '@mantine/core';
import { intlLocale } from '@/lib/format';

export const personName = (person: { firstName: string; lastName: string }): string =>
  `${person.firstName} ${person.lastName}`.trim();

// Colour only groups statuses visually; the status is always spelled out in words.
export const STATUS_COLOR: Record<TracingStatus, MantineColor> = {
  SENT: 'blue',
  IN_PROGRESS: 'indigo',
  COMPLETED: 'green',
  FAILED: 'orange',
  CANCELLED: 'gray',
};

export const isOpenStatus = (status: TracingStatus): boolean => status === 'SENT' || status === 'IN_PROGRESS';

const dateTimeFormatters = new Map<Locale, Intl.DateTimeFormat>();

// An instant with its time, in the user's own time zone (contact attempts, consents).
export const formatDateTime = (iso: string, locale: Locale): string => {
  let formatter = dateTimeFormatters.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(intlLocale(locale), { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
    dateTimeFormatters.set(locale, formatter);
  }
  return formatter.format(new Date(iso));
};

// Languages travel as ISO 639 codes where known ("ar"); anything else is shown as recorded.
export const formatLanguage = (value: string, locale: Locale): string => {
  if (!/^[A-Za-z]{2,3}$/.test(value)) return value;
  try {
    return new Intl.DisplayNames([intlLocale(locale)], { type: 'language' }).of(value.toLowerCase()) ?? value;
  } catch {
    return value;
  }
};

type NamedMember = { id: string; firstName: string; lastName: string; relationship: string };

// "Amina Ibrahim (mother)" by id, for the records that name a family member only by id.
export const memberNames = (...groups: ReadonlyArray<readonly NamedMember[]>): Map<string, string> =>
  new Map(groups.flat().map((member) => [member.id, `${personName(member)} (${member.relationship})`]));
