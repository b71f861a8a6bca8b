import { Center, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { LanguageSwitch } from '@/components/ui/language-switch';
import { PageTitle } from '@/components/ui/page-title';
import { paths } from '@/config/paths';
import { LoginForm } from '@/features/auth';

export const LoginRoute = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Center component="main" mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={420}>
        <Stack>
          <Group justify="space-between" wrap="wrap">
            <Text fw={700}>{t('app.name')}</Text>
            <LanguageSwitch />
          </Group>
          <div>
            <PageTitle documentTitle={t('auth.title')}>{t('auth.title')}</PageTitle>
            <Text size="sm">{t('auth.intro')}</Text>
          </div>
          <LoginForm onSuccess={() => void navigate(paths.home(), { replace: true })} />
        </Stack>
      </Paper>
    </Center>
  );
};
