import { InboxStatusFilterSchema, type InboxStatusFilter } from '@app/contracts';
import { Group, SegmentedControl, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageTitle } from '@/components/ui/page-title';
import { inboxQueries } from '../api/inbox-queries';
import { InboxList } from './inbox-list';

const STATUS_PARAM = 'status';

export const inboxStatusFrom = (params: URLSearchParams): InboxStatusFilter => InboxStatusFilterSchema.safeParse(params.get(STATUS_PARAM)).data ?? 'all';

// The counts over the whole inbox (every page carries them, whatever the filter): the same cached
// list the page shows, no second request.
const InboxCounts = ({ status }: { status: InboxStatusFilter }) => {
  const { t } = useTranslation();
  const { data } = useInfiniteQuery({ ...inboxQueries.list({ status }), select: (pages) => pages.pages[0]?.counts });
  if (!data) return null;
  return (
    <Text data-testid="inbox-counts" aria-live="polite">
      {t('inbox.counts', { count: data.total })}
      {' · '}
      {t('inbox.countsUnread', { count: data.unread })}
      {' · '}
      {t('inbox.countsUnacknowledged', { count: data.unacknowledged })}
    </Text>
  );
};

// The user's inbox: every report released to them (or to their office), with what they still have
// to read and acknowledge. The filter lives in the URL, so it survives reloads.
export const InboxPage = ({ caseLinks }: { caseLinks: boolean }) => {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const status = inboxStatusFrom(searchParams);

  const select = (value: string) => {
    const next = InboxStatusFilterSchema.safeParse(value).data ?? 'all';
    setSearchParams(next === 'all' ? new URLSearchParams() : new URLSearchParams({ [STATUS_PARAM]: next }), { replace: true });
  };

  return (
    <Stack maw={960}>
      <PageTitle documentTitle={t('inbox.title')}>{t('inbox.title')}</PageTitle>
      <Text>{t('inbox.intro')}</Text>
      <InboxCounts status={status} />
      <Group gap="sm" align="center">
        <Text id="inbox-filter-label" size="sm" fw={600}>
          {t('inbox.filter.label')}
        </Text>
        <SegmentedControl
          aria-labelledby="inbox-filter-label"
          value={status}
          onChange={select}
          data={InboxStatusFilterSchema.options.map((value) => ({ value, label: t(`inbox.filter.${value}`) }))}
          data-testid="inbox-filter"
        />
      </Group>
      <VisuallyHidden aria-live="polite">{t(`inbox.filter.showing.${status}`)}</VisuallyHidden>
      <InboxList filters={{ status }} caseLink={caseLinks} emptyText={t(`inbox.empty.${status}`)} />
    </Stack>
  );
};
