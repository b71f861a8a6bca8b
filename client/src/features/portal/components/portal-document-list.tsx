import type { DocumentMeta } from '@app/contracts';
import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { apiUrl } from '@/lib/api-client';
import { useLocale } from '@/lib/i18n';
import { formatDateTime, formatFileSize } from '../utils/portal-format';

// A plain link: the browser downloads the attachment with the session cookie (audited).
export const documentUrl = (documentId: string): string => apiUrl(`/documents/${encodeURIComponent(documentId)}/content`);

export const PortalDocumentList = ({ documents, caption }: { documents: readonly DocumentMeta[]; caption: string }) => {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped withTableBorder verticalSpacing="xs" data-testid="portal-documents">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('portal.documents.columns.title')}</Table.Th>
            <Table.Th scope="col">{t('portal.documents.columns.type')}</Table.Th>
            <Table.Th scope="col">{t('portal.documents.columns.uploaded')}</Table.Th>
            <Table.Th scope="col">{t('portal.documents.columns.file')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {documents.map((document) => (
            <Table.Tr key={document.id} data-testid="portal-document">
              <Table.Td>
                <Text size="sm" fw={500}>
                  {document.title}
                </Text>
                <Text size="xs" c="dimmed">
                  {document.language}
                  {document.sensitivity !== 'STD' && ` · ${t('portal.documents.sensitive')}`}
                </Text>
              </Table.Td>
              <Table.Td>{t(`documents.types.${document.type}`)}</Table.Td>
              <Table.Td>
                <time dateTime={document.uploadedAt}>{formatDateTime(document.uploadedAt, locale)}</time>
                <Text size="xs" c="dimmed">
                  {document.uploadedBy.displayName}
                </Text>
              </Table.Td>
              <Table.Td>
                <Anchor href={documentUrl(document.id)} download aria-label={t('portal.documents.downloadLabel', { title: document.title })}>
                  {t('portal.documents.download')}
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
  );
};
