import type { DocumentMeta, DocumentSensitivity } from '@app/contracts';
import { Anchor, Badge, Code, Table, Text, VisuallyHidden, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocale } from '@/lib/i18n';
import { documentContentUrl } from '../api/documents-api';
import { formatDateTime, formatFileSize, shortHash } from '../utils/document-format';

const SENSITIVITY_COLOR: Record<DocumentSensitivity, MantineColor> = { STD: 'gray', SPECIAL: 'orange', HIGH_RISK: 'red' };

// The case's documents, newest first: what each is, how sensitive, who uploaded it, its
// fingerprint, and a download link (an attachment, never opened in the page).
export const DocumentList = ({ documents }: { documents: readonly DocumentMeta[] }) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const titleOf = (id: string) => documents.find((document) => document.id === id)?.title;
  return (
    <Table.ScrollContainer minWidth={880}>
      <Table striped highlightOnHover withTableBorder verticalSpacing="xs" data-testid="document-list">
        <Table.Caption>{t('documents.list.caption', { count: documents.length })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('documents.list.type')}</Table.Th>
            <Table.Th scope="col">{t('documents.list.title')}</Table.Th>
            <Table.Th scope="col">{t('documents.list.language')}</Table.Th>
            <Table.Th scope="col">{t('documents.list.sensitivity')}</Table.Th>
            <Table.Th scope="col">{t('documents.list.size')}</Table.Th>
            <Table.Th scope="col">{t('documents.list.uploaded')}</Table.Th>
            <Table.Th scope="col">{t('documents.list.sha')}</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>{t('documents.list.download')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {documents.map((document) => {
            const original = document.translationOf ? titleOf(document.translationOf) : undefined;
            return (
              <Table.Tr key={document.id} data-testid="document-row">
                <Table.Td>{t(`documents.types.${document.type}`)}</Table.Td>
                <Table.Td>
                  <Text fw={500} size="sm">
                    {document.title}
                  </Text>
                  <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {document.fileName} · {t(`documents.origins.${document.origin}`)}
                  </Text>
                  {document.translationOf && (
                    <Text size="xs" c="dimmed">
                      {original ? t('documents.list.translationOf', { title: original }) : t('documents.list.translation')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{document.language}</Table.Td>
                <Table.Td>
                  <Badge color={SENSITIVITY_COLOR[document.sensitivity]} variant="light" tt="none">
                    {t(`documents.sensitivities.${document.sensitivity}`)}
                  </Badge>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatFileSize(document.sizeBytes, locale)}</Table.Td>
                <Table.Td>
                  <Text size="sm">{document.uploadedBy.displayName}</Text>
                  <Text size="xs" c="dimmed" component="time" dateTime={document.uploadedAt}>
                    {formatDateTime(document.uploadedAt, locale)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Code title={document.sha256}>{shortHash(document.sha256)}</Code>
                </Table.Td>
                <Table.Td>
                  <Anchor
                    href={documentContentUrl(document.id)}
                    download={document.fileName}
                    aria-label={t('documents.list.downloadLabel', { title: document.title })}
                    data-testid="document-download"
                  >
                    {t('documents.list.download')}
                  </Anchor>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
};
