import type { CurrentUser, Role } from '@app/contracts';
import { Card, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DetailList } from '@/components/ui/detail-list';
import { PageTitle } from '@/components/ui/page-title';

const AREA_KEYS: Partial<Record<Role, string>> = {
  field_officer: 'home.area.field_officer',
  ministry: 'home.area.ministry',
  dpo: 'home.area.dpo',
};

// Home for roles whose own area is not built yet: it says plainly what will be here, and
// makes no claim about data it has not loaded.
export const RoleHome = ({ user }: { user: CurrentUser }) => {
  const { t } = useTranslation();
  return (
    <Stack>
      <PageTitle documentTitle={t('nav.home')}>{t('home.title', { name: user.displayName })}</PageTitle>
      <Card withBorder padding="lg" maw={720}>
        <Stack>
          <DetailList
            items={[
              { label: t('home.role'), value: t(`roles.${user.role}`) },
              { label: t('home.organisation'), value: user.organisation.name },
            ]}
          />
          <Text>{t(AREA_KEYS[user.role] ?? 'home.area.other')}</Text>
          <Text c="dimmed">{t('home.notYetAvailable')}</Text>
        </Stack>
      </Card>
    </Stack>
  );
};
