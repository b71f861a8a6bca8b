import { CASE_STATES, CaseStateSchema, PHASE_BY_STATE, type CasePhase, type CaseState } from '@app/contracts';
import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const PHASE_ORDER: readonly CasePhase[] = ['intake', 'tracing', 'report', 'solution', 'return', 'reintegration', 'hold', 'closed'];

type CaseStateFilterProps = {
  value: CaseState | undefined;
  onChange: (state: CaseState | undefined) => void;
};

export const CaseStateFilter = ({ value, onChange }: CaseStateFilterProps) => {
  const { t } = useTranslation();
  const data = PHASE_ORDER.map((phase) => ({
    group: t(`phases.${phase}`),
    items: CASE_STATES.filter((state) => PHASE_BY_STATE[state] === phase).map((state) => ({
      value: state,
      label: t(`states.${state}`),
    })),
  }));
  return (
    <Select
      label={t('cases.filterState')}
      placeholder={t('cases.allStates')}
      data={data}
      value={value ?? null}
      onChange={(next) => onChange(CaseStateSchema.safeParse(next).data)}
      clearable
      searchable
      nothingFoundMessage={t('cases.filters.noOption')}
      data-testid="case-filter-state"
      w={{ base: '100%', sm: 360 }}
    />
  );
};
