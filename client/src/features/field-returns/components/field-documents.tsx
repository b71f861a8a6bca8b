import type { FieldReturnDetail } from '@app/contracts';
import { Anchor, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifications } from '@mantine/notifications';
import { EmptyState } from '@/components/ui/query-state';
import { InlineUpload } from '@/features/return';
import { formatDateTime, formatFileSize } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import { fieldDocumentUrl } from '../api/field-returns-api';
import type { FieldReturnActions } from '../api/field-returns-queries';

// What the mission attaches besides the hand-over protocol (which the hand-over form uploads).
const EXTRA_TYPES = ['MONITORING_REPORT', 'CONSENT'] as const;

// The mission's documents of this return, each a download link (the download is audited), and
// the upload of a monitoring report or a consent form while the mission may still record.
export const FieldDocuments = ({ detail, actions }: { detail: FieldReturnDetail; actions: FieldReturnActions }) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const [type, setType] = useState<(typeof EXTRA_TYPES)[number]>('MONITORING_REPORT');
  return (
    <Stack gap="md">
      {detail.documents.length === 0 ? (
        <EmptyState testId="field-documents-empty">{t('fieldReturns.documents.empty')}</EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table striped verticalSpacing="xs" data-testid="field-documents">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('fieldReturns.documents.columns.title')}</Table.Th>
                <Table.Th scope="col">{t('fieldReturns.documents.columns.type')}</Table.Th>
                <Table.Th scope="col">{t('fieldReturns.documents.columns.uploaded')}</Table.Th>
                <Table.Th scope="col">{t('fieldReturns.documents.columns.file')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {detail.documents.map((document) => (
                <Table.Tr key={document.id} data-testid="field-document">
                  <Table.Td>{document.title}</Table.Td>
                  <Table.Td>{t(`documents.types.${document.type}`)}</Table.Td>
                  <Table.Td>
                    <time dateTime={document.uploadedAt}>{formatDateTime(document.uploadedAt, locale)}</time>
                  </Table.Td>
                  <Table.Td>
                    <Anchor href={fieldDocumentUrl(detail.caseId, document.id)} download aria-label={t('fieldReturns.documents.downloadLabel', { title: document.title })}>
                      {t('fieldReturns.documents.download')}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {formatFileSize(document.sizeBytes, locale)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {detail.writable && (
        <Stack gap="xs">
          <Group gap="sm">
            <Text size="sm" fw={500} id="field-upload-type">
              {t('fieldReturns.documents.uploadType')}
            </Text>
            <SegmentedControl
              aria-labelledby="field-upload-type"
              value={type}
              onChange={(value) => setType(value === 'CONSENT' ? 'CONSENT' : 'MONITORING_REPORT')}
              data={EXTRA_TYPES.map((value) => ({ value, label: t(`documents.types.${value}`) }))}
            />
          </Group>
          <InlineUpload
            key={type}
            caseId={detail.caseId}
            target="document"
            type={type}
            label={t('fieldReturns.documents.upload', { type: t(`documents.types.${type}`) })}
            defaultTitle={t(`documents.types.${type}`)}
            upload={actions.upload}
            onUploaded={() => notifications.show({ color: 'green', message: t('fieldReturns.documents.uploaded') })}
          />
        </Stack>
      )}
    </Stack>
  );
};
