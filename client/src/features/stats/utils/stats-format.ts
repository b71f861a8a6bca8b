import { STATS_MEASURES, type Locale, type StatsBreakdown, type StatsCell, type StatsMeasureKind } from '@app/contracts';
import type { TFunction } from 'i18next';
import { formatCalendarDate, formatCountry, intlLocale } from '@/lib/format';

const KIND_BY_KEY = new Map<string, StatsMeasureKind>(STATS_MEASURES.map((measure) => [measure.key, measure.kind]));
export const measureKind = (key: string): StatsMeasureKind => KIND_BY_KEY.get(key) ?? 'count';

// The number of a cell that is shown (suppressed cells are handled by the caller).
export const formatStatsValue = (value: number, kind: StatsMeasureKind, locale: Locale, t: TFunction): string => {
  const number = new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: kind === 'count' ? 0 : 1 }).format(value);
  if (kind === 'share') return t('stats.value.share', { value: number });
  if (kind === 'days') return t('stats.value.days', { value: number, count: value });
  return number;
};

export type CellText = { text: string; suppressed: boolean; empty: boolean };

export const cellText = (cell: StatsCell, kind: StatsMeasureKind, locale: Locale, t: TFunction): CellText => {
  if (cell.suppressed) return { text: t('stats.suppressed.marker'), suppressed: true, empty: false };
  if (cell.value === null) return { text: t('stats.value.none'), suppressed: false, empty: true };
  return { text: formatStatsValue(cell.value, kind, locale, t), suppressed: false, empty: false };
};

const MONTH = /^(\d{4})-(\d{2})$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;

// A group's name in words: a country, a region as recorded, a sex, an age group, a period.
export const groupLabel = (breakdown: StatsBreakdown, group: string, locale: Locale, t: TFunction): string => {
  if (group === 'unknown') return t('stats.groups.unknown');
  switch (breakdown) {
    case 'nationality':
      return formatCountry(group, locale);
    case 'sex':
      return t(`sex.${group}`, { defaultValue: group });
    case 'ageGroup':
      return t(`stats.ageGroups.${group}`, { defaultValue: group });
    case 'period': {
      const month = MONTH.exec(group);
      if (month) {
        return new Intl.DateTimeFormat(intlLocale(locale), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1)));
      }
      const quarter = QUARTER.exec(group);
      if (quarter) return t('stats.groups.quarter', { quarter: quarter[2], year: quarter[1] });
      return group;
    }
    default:
      return group;
  }
};

export const formatRange = (from: string, to: string, locale: Locale, t: TFunction): string =>
  t('stats.range', { from: formatCalendarDate(from, locale), to: formatCalendarDate(to, locale) });
