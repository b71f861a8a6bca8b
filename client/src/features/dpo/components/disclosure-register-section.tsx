import { Anchor, Stack, Table, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState, SectionError, SectionSkeleton } from '@/components/ui/query-state';
import { paths } from '@/config/paths';
import { useLocale } from '@/lib/i18n';
import { dpoQueries } from '../api/dpo-queries';
import { formatTimestamp } from '../utils/dpo-format';

// Every release outside IOM Italy (domain §3.17, §8 rule 7): to whom, why, on which basis, which
// version (its hash), who approved and released it, and the recipient's read and acknowledgement.
export const DisclosureRegisterSection = () => {
  const { t } = useTranslation();
  const locale = useLocale();
  const query = useInfiniteQuery(dpoQueries.disclosures());
  const entries = query.data?.pages.flatMap((page) => page.items) ?? [];
  const when = (iso: string | null) => (iso ? <time dateTime={iso}>{formatTimestamp(iso, locale)}</time> : t('dpo.register.notYet'));

  return (
    <Stack gap="md">
      <Text>{t('dpo.register.intro')}</Text>
      {query.isPending && <SectionSkeleton rows={6} />}
      {query.isError && !query.data && <SectionError error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />}
      {query.isSuccess && entries.length === 0 && <EmptyState testId="register-empty">{t('dpo.register.empty')}</EmptyState>}
      {entries.length > 0 && (
        <Table.ScrollContainer minWidth={1100}>
          <Table striped withTableBorder verticalSpacing="xs" data-testid="register-table">
            <Table.Caption>{t('dpo.register.caption', { count: entries.length })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('dpo.register.columns.releasedAt')}</Table.Th>
                <Table.Th scope="col">{t('dpo.register.columns.case')}</Table.Th>
                <Table.Th scope="col">{t('dpo.register.columns.report')}</Table.Th>
                <Table.Th scope="col">{t('dpo.register.columns.recipient')}</Table.Th>
                <Table.Th scope="col">{t('dpo.register.columns.purpose')}</Table.Th>
                <Table.Th scope="col">{t('dpo.register.columns.basis')}</Table.Th>
                <Table.Th scope="col">{t('dpo.register.columns.people')}</Table.Th>
                <Table.Th scope="col">{t('dpo.register.columns.read')}</Table.Th>
                <Table.Th scope="col">{t('dpo.register.columns.acknowledged')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((entry) => (
                <Table.Tr key={entry.id} data-testid="register-row">
                  <Table.Td>{when(entry.releasedAt)}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={paths.dpoTab('access-log', entry.caseId)} size="sm" title={t('dpo.audit.openAccessLog')}>
                      {entry.caseNumber}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{t('dpo.register.report', { kind: t(`reports.kinds.${entry.report.kind}`), version: entry.report.versionNo })}</Text>
                    <Text size="xs" c="dimmed" title={entry.contentSha256}>
                      sha-256 {entry.contentSha256.slice(0, 12)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{entry.recipientName}</Table.Td>
                  <Table.Td>{entry.purpose}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{entry.legalBasis}</Text>
                    <Text size="xs" c="dimmed">
                      {entry.familyConsentId ? t('dpo.register.withConsent') : t('dpo.register.withoutConsent')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{t('dpo.register.approvedBy', { name: entry.approvedBy.displayName })}</Text>
                    <Text size="sm">{t('dpo.register.releasedBy', { name: entry.releasedBy.displayName })}</Text>
                  </Table.Td>
                  <Table.Td>{when(entry.readAt)}</Table.Td>
                  <Table.Td>
                    {when(entry.acknowledgedAt)}
                    {entry.acknowledgedBy && (
                      <Text size="xs" c="dimmed">
                        {entry.acknowledgedBy.displayName}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {query.hasNextPage && (
        <Anchor component="button" type="button" onClick={() => void query.fetchNextPage()} ta="center">
          {t('dpo.loadMore')}
        </Anchor>
      )}
    </Stack>
  );
};
