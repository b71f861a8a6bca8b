import { ReintegrationDimensionSchema, type ReintegrationPlan } from '@app/contracts';
import { Badge, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@/components/ui/query-state';

// The plan's objectives by dimension and level.

export const ObjectiveList = ({ plan }: { plan: Pick<ReintegrationPlan, 'objectives'> }) => {
  const { t } = useTranslation();
  if (plan.objectives.length === 0) return <EmptyState testId="objectives-empty">{t('return.plan.noObjectives')}</EmptyState>;
  return (
    <Stack gap="sm" data-testid="objectives">
      {ReintegrationDimensionSchema.options.map((dimension) => {
        const objectives = plan.objectives.filter((objective) => objective.dimension === dimension);
        if (objectives.length === 0) return null;
        return (
          <div key={dimension}>
            <Text fw={600} size="sm">
              {t(`return.plan.dimensions.${dimension}`)}
            </Text>
            <Stack component="ul" gap={4} m={0} pl="md">
              {objectives.map((objective) => (
                <Text component="li" size="sm" key={objective.id} data-testid="objective">
                  {objective.description}{' '}
                  <Badge variant="outline" color="gray" tt="none" size="sm">
                    {t(`return.plan.levels.${objective.level}`)}
                  </Badge>
                </Text>
              ))}
            </Stack>
          </div>
        );
      })}
    </Stack>
  );
};
