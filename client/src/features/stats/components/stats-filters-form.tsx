import { STATS_BREAKDOWNS, StatsBreakdownSchema, StatsPeriodSchema, type StatsBreakdown, type StatsPeriod } from '@app/contracts';
import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatsFilters } from '../api/stats-api';

type StatsFiltersFormProps = {
  value: StatsFilters;
  // The period the server used (its default when no dates were chosen), shown in the date fields.
  shownFrom: string | undefined;
  shownTo: string | undefined;
  busy: boolean;
  // Server-side problems with the dates (field → translation key).
  serverErrors: Partial<Record<'from' | 'to', string>>;
  onApply: (filters: StatsFilters) => void;
};

// Period and breakdown. Dates are applied together with a button (typing a date would otherwise
// reload the figures at every keystroke); the breakdown applies at once.
export const StatsFiltersForm = ({ value, shownFrom, shownTo, busy, serverErrors, onApply }: StatsFiltersFormProps) => {
  const { t } = useTranslation();
  const [from, setFrom] = useState(value.from ?? shownFrom ?? '');
  const [to, setTo] = useState(value.to ?? shownTo ?? '');
  const [inverted, setInverted] = useState(false);

  const apply = (next: Partial<StatsFilters> = {}) => {
    const backwards = Boolean(from && to && from > to);
    setInverted(backwards);
    if (backwards) return;
    onApply({ ...value, from: from || undefined, to: to || undefined, ...next });
  };

  const toError = inverted ? t('stats.filters.rangeInverted') : serverErrors.to ? t(serverErrors.to) : undefined;
  const fromError = serverErrors.from ? t(serverErrors.from) : undefined;

  return (
    <form
      noValidate
      aria-label={t('stats.filters.label')}
      data-testid="stats-filters"
      onSubmit={(event) => {
        event.preventDefault();
        apply();
      }}
    >
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput type="date" label={t('stats.filters.from')} value={from} max={to || undefined} onChange={(event) => setFrom(event.currentTarget.value)} error={fromError} data-testid="stats-from" />
        <TextInput type="date" label={t('stats.filters.to')} value={to} min={from || undefined} onChange={(event) => setTo(event.currentTarget.value)} error={toError} data-testid="stats-to" />
        <NativeSelect
          label={t('stats.filters.breakdown')}
          value={value.breakdown}
          data={STATS_BREAKDOWNS.map((breakdown) => ({ value: breakdown, label: t(`stats.breakdowns.${breakdown}`) }))}
          onChange={(event) => apply({ breakdown: StatsBreakdownSchema.safeParse(event.currentTarget.value).data ?? ('none' as StatsBreakdown) })}
          data-testid="stats-breakdown"
        />
        {value.breakdown === 'period' && (
          <NativeSelect
            label={t('stats.filters.period')}
            value={value.period}
            data={StatsPeriodSchema.options.map((period) => ({ value: period, label: t(`stats.periods.${period}`) }))}
            onChange={(event) => apply({ period: StatsPeriodSchema.safeParse(event.currentTarget.value).data ?? ('month' as StatsPeriod) })}
            data-testid="stats-period"
          />
        )}
        <Button type="submit" variant="default" loading={busy} data-testid="stats-apply">
          {t('stats.filters.apply')}
        </Button>
      </Group>
    </form>
  );
};
