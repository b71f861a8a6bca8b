import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '@/components/ui/page-title';
import { paths } from '@/config/paths';

// Said plainly to a signed-in user whose role has no access to the incoming requests.
export const IncomingRequestsNotAllowed = () => {
  const { t } = useTranslation();
  return (
    <Stack align="flex-start" data-testid="incoming-not-allowed">
      <PageTitle documentTitle={t('intakeRequests.notAllowed.title')}>{t('intakeRequests.notAllowed.title')}</PageTitle>
      <Text>{t('intakeRequests.notAllowed.body')}</Text>
      <Anchor component={Link} to={paths.home()}>
        {t('errorPage.home')}
      </Anchor>
    </Stack>
  );
};
