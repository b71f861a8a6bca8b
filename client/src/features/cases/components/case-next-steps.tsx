import type { AvailableTransition, Role } from '@app/contracts';
import { Badge, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const useRoleList = () => {
  const { t } = useTranslation();
  return (roles: readonly Role[]) => roles.map((role) => t(`roles.${role}`)).join(', ');
};

const NextStep = ({ transition }: { transition: AvailableTransition }) => {
  const { t } = useTranslation();
  const roleList = useRoleList();
  const ready = transition.allowedForYou && transition.unmet.length === 0;
  return (
    <Stack gap={4} component="li">
      <Group gap="sm">
        <Text fw={600}>{t('cases.detail.moveTo', { state: t(`states.${transition.to}`) })}</Text>
        {ready && (
          <Badge color="green" variant="light" tt="none">
            {t('cases.detail.readyForYou')}
          </Badge>
        )}
      </Group>
      {!transition.allowedForYou && (
        <Text size="sm">{t('cases.detail.whoCan', { roles: roleList(transition.firedBy) })}</Text>
      )}
      {transition.unmet.length > 0 && (
        <div>
          <Text size="sm">{t('cases.detail.missing')}:</Text>
          <List size="sm" withPadding>
            {transition.unmet.map((guard) => (
              <List.Item key={guard.code}>
                {t(`guards.${guard.code}`)}
                {guard.suppliedBy.length > 0 && ` — ${t('cases.detail.suppliedBy', { roles: roleList(guard.suppliedBy) })}`}
              </List.Item>
            ))}
          </List>
        </div>
      )}
    </Stack>
  );
};

// What can happen next and, for each step, exactly what is missing and who can supply it.
export const CaseNextSteps = ({ transitions }: { transitions: readonly AvailableTransition[] }) => {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="case-next-steps-heading">
      <Title order={2} size="h4" mb="sm" id="case-next-steps-heading">
        {t('cases.detail.nextSteps')}
      </Title>
      {transitions.length === 0 ? (
        <Text>{t('cases.detail.noNextSteps')}</Text>
      ) : (
        <Stack component="ul" gap="md" m={0} p={0} style={{ listStyle: 'none' }}>
          {transitions.map((transition) => (
            <NextStep key={`${transition.id}-${transition.to}`} transition={transition} />
          ))}
        </Stack>
      )}
      {transitions.some((transition) => transition.allowedForYou) && (
        <Text size="sm" c="dimmed" mt="md">
          {t('cases.detail.actionsComing')}
        </Text>
      )}
    </Card>
  );
};
