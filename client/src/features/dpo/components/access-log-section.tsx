import { IdSchema } from '@app/contracts';
import { Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, SectionError, SectionSkeleton } from '@/components/ui/query-state';
import { isApiError } from '@/lib/api-client';
import { dpoQueries } from '../api/dpo-queries';
import { AuditEventsTable } from './audit-events-table';
import { LoadMore } from './load-more';

// Which case: chosen from the audit trail (its case column) or pasted as an identifier.
const CasePicker = ({ initial, onPick }: { initial: string; onPick: (caseId: string) => void }) => {
  const { t } = useTranslation();
  const [value, setValue] = useState(initial);
  const [invalid, setInvalid] = useState(false);
  return (
    <form
      noValidate
      aria-label={t('dpo.accessLog.pickLabel')}
      onSubmit={(event) => {
        event.preventDefault();
        const parsed = IdSchema.safeParse(value.trim());
        setInvalid(!parsed.success);
        if (parsed.success) onPick(parsed.data);
      }}
    >
      <Group align="flex-end" gap="sm">
        <TextInput
          label={t('dpo.accessLog.caseId')}
          description={t('dpo.accessLog.caseIdHint')}
          value={value}
          onChange={(event) => setValue(event.currentTarget.value)}
          error={invalid ? t('dpo.accessLog.caseIdInvalid') : undefined}
          autoComplete="off"
          w={{ base: '100%', sm: 420 }}
          data-testid="access-log-case-id"
        />
        <Button type="submit" variant="default">
          {t('dpo.accessLog.open')}
        </Button>
      </Group>
    </form>
  );
};

const CaseLog = ({ caseId }: { caseId: string }) => {
  const { t } = useTranslation();
  const query = useInfiniteQuery(dpoQueries.accessLog(caseId));
  if (query.isPending) return <SectionSkeleton rows={6} />;
  if (query.isError && !query.data) {
    if (isApiError(query.error) && query.error.status === 404) return <EmptyState testId="access-log-not-found">{t('dpo.accessLog.notFound')}</EmptyState>;
    return <SectionError error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
  }
  const events = query.data?.pages.flatMap((page) => page.items) ?? [];
  const caseNumber = query.data?.pages[0]?.caseNumber ?? caseId;
  return (
    <Stack gap="sm">
      <Title order={2} size="h4" data-testid="access-log-heading">
        {t('dpo.accessLog.heading', { caseNumber })}
      </Title>
      {events.length === 0 ? (
        <EmptyState testId="access-log-empty">{t('dpo.accessLog.empty')}</EmptyState>
      ) : (
        <AuditEventsTable events={events} caption={t('dpo.accessLog.caption', { caseNumber, count: events.length })} showCase={false} />
      )}
      <LoadMore hasMore={query.hasNextPage} loading={query.isFetchingNextPage} onMore={() => void query.fetchNextPage()} />
    </Stack>
  );
};

// Every audited access to one case: reads, changes, downloads and refused attempts.
export const AccessLogSection = ({ caseId, onPick }: { caseId: string | undefined; onPick: (caseId: string) => void }) => {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Text>{t('dpo.accessLog.intro')}</Text>
      <CasePicker key={caseId ?? ''} initial={caseId ?? ''} onPick={onPick} />
      {caseId ? <CaseLog caseId={caseId} /> : <EmptyState testId="access-log-pick">{t('dpo.accessLog.pick')}</EmptyState>}
    </Stack>
  );
};
