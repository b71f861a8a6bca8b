import { Badge, Group, VisuallyHidden } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { inboxQueries } from '../api/inbox-queries';

// The counts travel with every inbox page: the badge reads the first page of the unfiltered list,
// the same cached query the inbox page shows, so the inbox itself costs no second request.
const useInboxCounts = () =>
  useInfiniteQuery({ ...inboxQueries.list({ status: 'all' }), select: (data) => data.pages[0]?.counts });

// The "Inbox" entry of the menu with what is still to read and to confirm. The number is for the
// eye; the link's accessible name says it in words ("Relazioni ricevute, 2 da leggere").
export const InboxNavLabel = ({ label }: { label: string }) => {
  const { t } = useTranslation();
  const { data: counts } = useInboxCounts();
  const parts = [
    ...(counts?.unread ? [t('inbox.countsUnread', { count: counts.unread })] : []),
    ...(counts?.unacknowledged ? [t('inbox.countsUnacknowledged', { count: counts.unacknowledged })] : []),
  ];
  if (!counts || parts.length === 0) return label;
  const spoken = parts.join(', ');
  return (
    <Group component="span" justify="space-between" wrap="nowrap" gap="xs">
      {/* One text for assistive technology, so the name reads as one phrase. */}
      <VisuallyHidden component="span">{`${label}, ${spoken}`}</VisuallyHidden>
      <span aria-hidden>{label}</span>
      <Badge component="span" size="sm" color="red" circle={Math.max(counts.unread, counts.unacknowledged) < 10} title={spoken} aria-hidden data-testid="inbox-nav-badge">
        {Math.max(counts.unread, counts.unacknowledged)}
      </Badge>
    </Group>
  );
};
