import type { InboxItem } from '@app/contracts';
import { Alert, Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { useErrorMessage } from '@/lib/error-message';
import { useLocale } from '@/lib/i18n';
import { useAcknowledgeInboxItem, useRefreshAfterDownload } from '../api/inbox-queries';
import { formatDateTime } from '../utils/inbox-format';
import { InboxItemStatus } from './inbox-item-status';

type InboxItemCardProps = {
  item: InboxItem;
  // Links to the case for users who can open it (not the ministry); hidden on the case's own page.
  caseLink: boolean;
  // Heading level inside the page (2 on the inbox, 3 inside a case tab).
  headingOrder?: 2 | 3;
};

// One report released to the user: what it is, about whom, why it was sent to them, whether they
// have opened and acknowledged it; the watermarked PDF and the acknowledgement.
export const InboxItemCard = ({ item, caseLink, headingOrder = 2 }: InboxItemCardProps) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const errorMessage = useErrorMessage();
  const acknowledge = useAcknowledgeInboxItem();
  const refreshAfterDownload = useRefreshAfterDownload();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = `inbox-item-${item.id}`;
  const kind = t(`reports.kinds.${item.report.kind}`);

  const confirm = () =>
    acknowledge.mutate(item.id, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('inbox.acknowledge.done', { kind }) });
        // The button is gone: keep keyboard users on this report.
        headingRef.current?.focus();
      },
    });

  return (
    <Card withBorder padding="md" component="article" aria-labelledby={headingId} data-testid="inbox-item" data-unacknowledged={item.acknowledgedAt ? undefined : 'true'}>
      <Stack gap="xs">
        <Title order={headingOrder} size="h5" id={headingId} ref={headingRef} tabIndex={-1}>
          {t('inbox.item.title', { kind, version: item.report.versionNo })}
        </Title>
        <Text size="sm">
          {caseLink ? (
            <Anchor component={Link} to={paths.caseDetail(item.case.id)}>
              {t('inbox.item.case', { caseNumber: item.case.caseNumber, name: item.case.minorName })}
            </Anchor>
          ) : (
            t('inbox.item.case', { caseNumber: item.case.caseNumber, name: item.case.minorName })
          )}
        </Text>
        <Text size="sm" c="dimmed">
          {t('inbox.item.releasedAt', { date: formatDateTime(item.releasedAt, locale) })}
          {' · '}
          {item.personal ? t('inbox.item.toYou') : t('inbox.item.toOffice', { name: item.recipientName })}
        </Text>
        <Text size="sm">
          <Text span fw={600}>
            {t('inbox.item.purpose')}:
          </Text>{' '}
          {item.purpose}
        </Text>
        <Text size="sm" c="dimmed">
          {t('inbox.item.legalBasis')}: {item.legalBasis}
        </Text>
        <InboxItemStatus item={item} />
        {acknowledge.isError && (
          <Alert color="red" role="alert">
            {errorMessage(acknowledge.error)}
          </Alert>
        )}
        <Group gap="sm" mt={4}>
          <Button
            component="a"
            href={item.pdfUrl}
            download
            variant="default"
            data-testid="inbox-pdf"
            aria-describedby={`${headingId}-pdf-hint`}
            onClick={() => refreshAfterDownload(item.case.id)}
          >
            {t('inbox.item.openPdf')}
          </Button>
          {!item.acknowledgedAt && (
            <Button onClick={confirm} loading={acknowledge.isPending} data-testid="inbox-acknowledge" aria-describedby={`${headingId}-ack-hint`}>
              {t('inbox.acknowledge.button')}
            </Button>
          )}
        </Group>
        <Text size="xs" c="dimmed" id={`${headingId}-pdf-hint`}>
          {t('inbox.item.watermarkHint')}
        </Text>
        {!item.acknowledgedAt && (
          <Text size="xs" c="dimmed" id={`${headingId}-ack-hint`}>
            {t('inbox.acknowledge.hint')}
          </Text>
        )}
      </Stack>
    </Card>
  );
};
