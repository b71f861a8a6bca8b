import { Button, Checkbox, Group, Pill, Stack, Text, TextInput } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { EmptyState, SectionError, SectionSkeleton } from '@/components/ui/query-state';
import { dpoQueries } from '../api/dpo-queries';
import { auditFiltersFrom, auditQueryFrom, withAuditFilters, type AuditUrlFilters } from '../utils/audit-filters';
import { AUDIT_ACTION_PATTERN } from '../utils/dpo-format';
import { AuditEventsTable } from './audit-events-table';
import { LoadMore } from './load-more';

const AuditFiltersForm = ({ value, onApply }: { value: AuditUrlFilters; onApply: (next: AuditUrlFilters) => void }) => {
  const { t } = useTranslation();
  const [action, setAction] = useState(value.action ?? '');
  const [from, setFrom] = useState(value.from ?? '');
  const [to, setTo] = useState(value.to ?? '');
  const [denied, setDenied] = useState(value.denied);
  const [actionError, setActionError] = useState(false);

  return (
    <form
      noValidate
      aria-label={t('dpo.audit.filters.label')}
      data-testid="audit-filters"
      onSubmit={(event) => {
        event.preventDefault();
        const code = action.trim().toUpperCase();
        const bad = code !== '' && !AUDIT_ACTION_PATTERN.test(code);
        setActionError(bad);
        if (bad) return;
        const next: AuditUrlFilters = { ...value, denied };
        if (code) next.action = code;
        else delete next.action;
        if (from) next.from = from;
        else delete next.from;
        if (to) next.to = to;
        else delete next.to;
        onApply(next);
      }}
    >
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          label={t('dpo.audit.filters.action')}
          description={t('dpo.audit.filters.actionHint')}
          value={action}
          onChange={(event) => setAction(event.currentTarget.value)}
          error={actionError ? t('dpo.audit.filters.actionInvalid') : undefined}
          autoComplete="off"
          w={240}
        />
        <TextInput type="date" label={t('dpo.audit.filters.from')} value={from} onChange={(event) => setFrom(event.currentTarget.value)} />
        <TextInput type="date" label={t('dpo.audit.filters.to')} value={to} min={from || undefined} onChange={(event) => setTo(event.currentTarget.value)} />
        <Checkbox label={t('dpo.audit.filters.denied')} checked={denied} onChange={(event) => setDenied(event.currentTarget.checked)} mb={8} />
        <Button type="submit" variant="default">
          {t('dpo.audit.filters.apply')}
        </Button>
      </Group>
    </form>
  );
};

// The whole audit trail, newest first, filtered by action, person, case, days or refusals only.
export const AuditTrailSection = () => {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = auditFiltersFrom(searchParams);
  const query = useInfiniteQuery(dpoQueries.audit(auditQueryFrom(filters)));
  const events = query.data?.pages.flatMap((page) => page.items) ?? [];
  const apply = (next: AuditUrlFilters) => setSearchParams((current) => withAuditFilters(current, next), { replace: true });
  const drop = (key: 'actor' | 'case') => {
    const next = { ...filters };
    delete next[key];
    apply(next);
  };

  return (
    <Stack gap="md">
      <Text>{t('dpo.audit.intro')}</Text>
      <AuditFiltersForm key={searchParams.toString()} value={filters} onApply={apply} />
      {(filters.actor || filters.case) && (
        <Group gap="xs">
          {filters.actor && (
            <Pill size="md" withRemoveButton onRemove={() => drop('actor')} removeButtonProps={{ 'aria-hidden': false, tabIndex: 0, 'aria-label': t('dpo.audit.filters.remove', { filter: t('dpo.audit.filters.actorActive') }) }}>
              {t('dpo.audit.filters.actorActive')}
            </Pill>
          )}
          {filters.case && (
            <Pill size="md" withRemoveButton onRemove={() => drop('case')} removeButtonProps={{ 'aria-hidden': false, tabIndex: 0, 'aria-label': t('dpo.audit.filters.remove', { filter: t('dpo.audit.filters.caseActive') }) }}>
              {t('dpo.audit.filters.caseActive')}
            </Pill>
          )}
        </Group>
      )}
      {query.isPending && <SectionSkeleton rows={6} />}
      {query.isError && !query.data && <SectionError error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />}
      {query.isSuccess && events.length === 0 && <EmptyState testId="audit-empty">{t('dpo.audit.empty')}</EmptyState>}
      {events.length > 0 && (
        <AuditEventsTable events={events} caption={t('dpo.audit.caption', { count: events.length })} showCase onActor={(actor) => apply({ ...filters, actor })} />
      )}
      <LoadMore hasMore={query.hasNextPage} loading={query.isFetchingNextPage} onMore={() => void query.fetchNextPage()} />
    </Stack>
  );
};
