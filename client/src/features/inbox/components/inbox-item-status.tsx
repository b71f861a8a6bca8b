import type { InboxItem } from '@app/contracts';
import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocale } from '@/lib/i18n';
import { formatDateTime } from '../utils/inbox-format';

// Read and acknowledged, each in words (never by colour alone), with who and when.
export const InboxItemStatus = ({ item }: { item: InboxItem }) => {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Group gap="xs" wrap="wrap">
      <Badge variant="light" color={item.readAt ? 'gray' : 'blue'} tt="none" data-testid="inbox-read-status">
        {item.readAt
          ? t('inbox.status.readOn', { date: formatDateTime(item.readAt, locale), name: item.readBy?.displayName ?? '' })
          : t('inbox.status.unread')}
      </Badge>
      <Badge variant={item.acknowledgedAt ? 'light' : 'outline'} color={item.acknowledgedAt ? 'green' : 'orange'} tt="none" data-testid="inbox-ack-status">
        {item.acknowledgedAt
          ? t('inbox.status.acknowledgedOn', { date: formatDateTime(item.acknowledgedAt, locale), name: item.acknowledgedBy?.displayName ?? '' })
          : t('inbox.status.unacknowledged')}
      </Badge>
    </Group>
  );
};
