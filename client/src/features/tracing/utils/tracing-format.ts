import type { Locale, TracingStatus } from '@app/contracts';
import type { MantineColor } from '@mantine/core';
import { intlLocale } from '@/lib/format';

export { formatDateTime } from '@/lib/format';

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
