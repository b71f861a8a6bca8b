import { Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { InboxList } from './inbox-list';

// The reports about one case released to the user (the case file's "Reports" tab for guardians,
// social services and courts): read the watermarked PDF, acknowledge receipt.
export const CaseInbox = ({ caseId }: { caseId: string }) => {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="case-inbox-heading" data-testid="case-inbox">
      <Stack gap="sm">
        <Title order={2} size="h4" id="case-inbox-heading">
          {t('inbox.case.heading')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('inbox.case.intro')}
        </Text>
        <InboxList filters={{ status: 'all', caseId }} caseLink={false} headingOrder={3} emptyText={t('inbox.case.empty')} />
      </Stack>
    </Card>
  );
};
