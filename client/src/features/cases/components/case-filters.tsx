import { Checkbox, Group, Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatCountry } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import { caseQueries, type CaseListFilters } from '../api/case-queries';
import { CaseStateFilter } from './case-state-filter';

type Option = { value: string; label: string };

// A value chosen earlier (a link, a reload) stays selectable even when the options have not
// loaded or no longer list it.
const withCurrent = (options: Option[], current: string | undefined, fallbackLabel: string): Option[] =>
  current && !options.some((option) => option.value === current) ? [...options, { value: current, label: fallbackLabel }] : options;

const byLabel = (a: Option, b: Option) => a.label.localeCompare(b.label);

type CaseFiltersProps = {
  value: CaseListFilters;
  onChange: (filters: CaseListFilters) => void;
  // Caseworker and overdue-deadline filters are for IOM staff, who work with tasks and assignments.
  staff: boolean;
};

export const CaseFilters = ({ value, onChange, staff }: CaseFiltersProps) => {
  const { t } = useTranslation();
  const locale = useLocale();
  // The options only help to choose: while they load (or if they fail) the filters still work.
  const { data: options } = useQuery(caseQueries.filterOptions());
  const set = (patch: Partial<CaseListFilters>) => onChange({ ...value, ...patch });

  const nationalities = withCurrent(
    (options?.nationalities ?? []).map((code) => ({ value: code, label: formatCountry(code, locale) })).sort(byLabel),
    value.nationality,
    value.nationality ? formatCountry(value.nationality, locale) : '',
  );
  const caseworkers = withCurrent(
    (options?.caseworkers ?? []).map((user) => ({ value: user.id, label: user.name })).sort(byLabel),
    value.caseworkerId,
    t('cases.filters.chosen'),
  );
  const authorities = withCurrent(
    (options?.requestingAuthorities ?? []).map((org) => ({ value: org.id, label: org.name })).sort(byLabel),
    value.requestingAuthorityId,
    t('cases.filters.chosen'),
  );

  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <CaseStateFilter value={value.state} onChange={(state) => set({ state })} />
      <Select
        label={t('cases.filters.nationality')}
        placeholder={t('cases.filters.allNationalities')}
        data={nationalities}
        value={value.nationality ?? null}
        onChange={(next) => set({ nationality: next ?? undefined })}
        clearable
        searchable
        nothingFoundMessage={t('cases.filters.noOption')}
        data-testid="case-filter-nationality"
        w={{ base: '100%', sm: 200 }}
      />
      {staff && (
        <Select
          label={t('cases.filters.caseworker')}
          placeholder={t('cases.filters.allCaseworkers')}
          data={caseworkers}
          value={value.caseworkerId ?? null}
          onChange={(next) => set({ caseworkerId: next ?? undefined })}
          clearable
          searchable
          nothingFoundMessage={t('cases.filters.noOption')}
          data-testid="case-filter-caseworker"
          w={{ base: '100%', sm: 220 }}
        />
      )}
      <Select
        label={t('cases.filters.requestingAuthority')}
        placeholder={t('cases.filters.allAuthorities')}
        data={authorities}
        value={value.requestingAuthorityId ?? null}
        onChange={(next) => set({ requestingAuthorityId: next ?? undefined })}
        clearable
        searchable
        nothingFoundMessage={t('cases.filters.noOption')}
        data-testid="case-filter-requesting-authority"
        w={{ base: '100%', sm: 280 }}
      />
      {staff && (
        <Checkbox
          label={t('cases.filters.overdue')}
          checked={value.overdue ?? false}
          onChange={(event) => set({ overdue: event.currentTarget.checked || undefined })}
          data-testid="case-filter-overdue"
          mb={8}
        />
      )}
    </Group>
  );
};
