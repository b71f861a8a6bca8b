import { PHASE_BY_STATE, type CasePhase, type CaseState } from '@app/contracts';
import { Badge, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';

// Colour only groups phases visually; the state is always spelled out in words.
const PHASE_COLOR: Record<CasePhase, MantineColor> = {
  intake: 'gray',
  tracing: 'blue',
  report: 'indigo',
  solution: 'grape',
  return: 'orange',
  reintegration: 'teal',
  closed: 'dark',
  hold: 'yellow',
};

export const CaseStateBadge = ({ state }: { state: CaseState }) => {
  const { t } = useTranslation();
  return (
    <Badge
      variant="light"
      color={PHASE_COLOR[PHASE_BY_STATE[state]]}
      tt="none"
      radius="sm"
      h="auto"
      py={3}
      styles={{ label: { whiteSpace: 'normal', overflow: 'visible' } }}
    >
      {t(`states.${state}`)}
    </Badge>
  );
};
