import type { CaseState } from '@app/contracts';
import { Badge, Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

// The phases of the return (domain §4 #14–21), with the states each covers.
const PHASES: { key: string; states: readonly CaseState[] }[] = [
  { key: 'request', states: ['AVR_REQUESTED'] },
  { key: 'counselling', states: ['AVR_COUNSELLING'] },
  { key: 'court', states: ['COURT_PENDING', 'COURT_APPROVED', 'COURT_REJECTED'] },
  { key: 'preparation', states: ['AVR_PREPARATION'] },
  { key: 'travel', states: ['IN_TRANSIT', 'HANDED_OVER'] },
  { key: 'reintegration', states: ['REINTEGRATION'] },
  { key: 'monitoring', states: ['MONITORING'] },
  { key: 'closed', states: ['CLOSED_REINTEGRATED'] },
];

// Where the case is on the return path: done, current or to come, said in words (not colour only).
export const ReturnProgress = ({ state }: { state: CaseState }) => {
  const { t } = useTranslation();
  const current = PHASES.findIndex((phase) => phase.states.includes(state));
  if (current < 0) return null;
  return (
    <Paper withBorder p="sm" component="nav" aria-label={t('return.progress.label')} data-testid="return-progress">
      <Group component="ol" gap="xs" m={0} p={0} style={{ listStyle: 'none' }} wrap="wrap">
        {PHASES.map((phase, index) => {
          // A closed case has done every phase, the last included.
          const status = index < current || state === 'CLOSED_REINTEGRATED' ? 'done' : index === current ? 'current' : 'todo';
          return (
            <Group component="li" key={phase.key} gap={6} wrap="nowrap" aria-current={index === current ? 'step' : undefined} data-status={status}>
              <Badge variant={status === 'current' ? 'filled' : 'light'} color={status === 'todo' ? 'gray' : status === 'done' ? 'green' : 'blue'} tt="none" radius="sm">
                {index + 1}. {t(`return.progress.phases.${phase.key}`)}
              </Badge>
              <Text size="xs" c="dimmed">
                {t(`return.progress.status.${status}`)}
              </Text>
            </Group>
          );
        })}
      </Group>
    </Paper>
  );
};
