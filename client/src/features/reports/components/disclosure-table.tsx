import type { ReportDisclosure } from '@app/contracts';
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocale } from '@/lib/i18n';
import { formatDateTime } from '../utils/format';

// The disclosure register rows of one version (domain §3.17, §8 rule 7): who received it, why,
// on which basis, when, and whether they acknowledged it.
export const DisclosureTable = ({ disclosures, versionNo }: { disclosures: readonly ReportDisclosure[]; versionNo: number }) => {
  const { t } = useTranslation();
  const locale = useLocale();
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
            <Table.Th scope="col">{t('reports.disclosures.acknowledged')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {disclosures.map((disclosure) => (
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
              <Table.Td>
                {disclosure.acknowledgedAt ? (
                  <time dateTime={disclosure.acknowledgedAt}>{t('reports.disclosures.acknowledgedOn', { date: formatDateTime(disclosure.acknowledgedAt, locale) })}</time>
                ) : (
                  t('reports.disclosures.notAcknowledged')
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
};
