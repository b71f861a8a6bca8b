import type { ReportDisclosure } from '@app/contracts';
import { Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocale } from '@/lib/i18n';
import { disclosureReceiptQueries } from '../api/disclosure-receipts';
import { formatDateTime } from '../utils/format';

// The disclosure register rows of one version (domain §3.17, §8 rule 7): who received it, why,
// on which basis, when, and whether they acknowledged it. With the case (issue 5), the receipts
// say who first opened it and who acknowledged it.
export const DisclosureTable = ({ disclosures, versionNo, caseId }: { disclosures: readonly ReportDisclosure[]; versionNo: number; caseId?: string }) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const receiptsQuery = useQuery({ ...disclosureReceiptQueries.list(caseId ?? ''), enabled: Boolean(caseId) && disclosures.length > 0 });
  const receipts = new Map((receiptsQuery.data?.items ?? []).map((receipt) => [receipt.id, receipt]));
  if (disclosures.length === 0) return null;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped withTableBorder verticalSpacing="xs" data-testid="report-disclosures">
        <Table.Caption>{t('reports.disclosures.caption', { version: versionNo })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('reports.disclosures.recipient')}</Table.Th>
            <Table.Th scope="col">{t('reports.disclosures.purpose')}</Table.Th>
            <Table.Th scope="col">{t('reports.disclosures.legalBasis')}</Table.Th>
            <Table.Th scope="col">{t('reports.disclosures.releasedAt')}</Table.Th>
            {caseId && <Table.Th scope="col">{t('inbox.receipts.read')}</Table.Th>}
            <Table.Th scope="col">{t('reports.disclosures.acknowledged')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {disclosures.map((disclosure) => {
            const receipt = receipts.get(disclosure.id);
            return (
              <Table.Tr key={disclosure.id} data-testid="disclosure-row">
                <Table.Td>{disclosure.recipientName}</Table.Td>
                <Table.Td>{disclosure.purpose}</Table.Td>
                <Table.Td>{disclosure.legalBasis}</Table.Td>
                <Table.Td>
                  <time dateTime={disclosure.releasedAt}>{formatDateTime(disclosure.releasedAt, locale)}</time>
                  <Text size="xs" c="dimmed">
                    {t('reports.disclosures.by', { name: disclosure.releasedBy.displayName })}
                  </Text>
                </Table.Td>
                {caseId && (
                  <Table.Td data-testid="disclosure-read">
                    {receipt?.readAt ? (
                      <>
                        <time dateTime={receipt.readAt}>{formatDateTime(receipt.readAt, locale)}</time>
                        {receipt.readBy && (
                          <Text size="xs" c="dimmed">
                            {t('reports.disclosures.by', { name: receipt.readBy.displayName })}
                          </Text>
                        )}
                      </>
                    ) : (
                      t('inbox.receipts.notRead')
                    )}
                  </Table.Td>
                )}
                <Table.Td data-testid="disclosure-acknowledged">
                  {disclosure.acknowledgedAt ? (
                    <time dateTime={disclosure.acknowledgedAt}>{t('reports.disclosures.acknowledgedOn', { date: formatDateTime(disclosure.acknowledgedAt, locale) })}</time>
                  ) : (
                    t('reports.disclosures.notAcknowledged')
                  )}
                  {receipt?.acknowledgedBy && (
                    <Text size="xs" c="dimmed">
                      {t('reports.disclosures.by', { name: receipt.acknowledgedBy.displayName })}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
};
