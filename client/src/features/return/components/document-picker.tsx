import type { DocumentMeta, DocumentType } from '@app/contracts';
import { Anchor, Button, Select, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { documentContentUrl, documentQueries } from '@/features/documents';
import type { UploadTarget } from '../api/return-api';
import { InlineUpload } from './inline-upload';

type DocumentPickerProps = {
  caseId: string;
  label: string;
  description?: string;
  // Which of the case's documents fit (e.g. COURT_DECREE), and the type a new upload gets.
  types: readonly DocumentType[];
  uploadType: DocumentType;
  target?: UploadTarget;
  uploadLabel: string;
  defaultTitle: string;
  value: string;
  onChange: (documentId: string) => void;
  required?: boolean;
  error?: string | undefined;
  // IOM staff choose among the case's documents; others (the court) upload theirs here.
  canList: boolean;
  testId?: string;
};

// Names a document a step needs: one already among the case's documents, or a new upload.
export const DocumentPicker = ({
  caseId,
  label,
  description,
  types,
  uploadType,
  target = 'document',
  uploadLabel,
  defaultTitle,
  value,
  onChange,
  required = false,
  error,
  canList,
  testId,
}: DocumentPickerProps) => {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const documentsQuery = useQuery({ ...documentQueries.list(caseId), enabled: canList });
  const [uploaded, setUploaded] = useState<DocumentMeta[]>([]);
  const [uploading, setUploading] = useState(false);
  const known = [...(documentsQuery.data?.items ?? []), ...uploaded.filter((doc) => !documentsQuery.data?.items.some((item) => item.id === doc.id))];
  const fitting = known.filter((doc) => types.includes(doc.type));
  const chosen = known.find((doc) => doc.id === value);

  const onUploaded = (document: DocumentMeta) => {
    setUploaded((current) => [...current, document]);
    setUploading(false);
    onChange(document.id);
    void queryClient.invalidateQueries({ queryKey: documentQueries.list(caseId).queryKey });
  };

  return (
    <Stack gap={6} data-testid={testId}>
      {canList || fitting.length > 0 ? (
        <Select
          label={label}
          description={description}
          required={required}
          placeholder={documentsQuery.isPending && canList ? t('return.documents.loading') : fitting.length === 0 ? t('return.documents.none') : t('return.documents.choose')}
          data={fitting.map((doc) => ({ value: doc.id, label: `${doc.title} (${t(`documents.types.${doc.type}`)})` }))}
          value={value || null}
          onChange={(next) => onChange(next ?? '')}
          clearable={!required}
          error={error}
          nothingFoundMessage={t('return.documents.none')}
        />
      ) : (
        <Text size="sm" fw={500}>
          {label}
          {required && ' *'}
        </Text>
      )}
      {!canList && fitting.length === 0 && error && (
        <Text size="sm" c="red.8" role="alert">
          {error}
        </Text>
      )}
      {chosen && (
        <Text size="xs" c="dimmed">
          <Anchor href={documentContentUrl(chosen.id)} size="xs">
            {t('return.documents.open', { title: chosen.title })}
          </Anchor>
        </Text>
      )}
      {uploading ? (
        <InlineUpload caseId={caseId} target={target} type={uploadType} label={uploadLabel} defaultTitle={defaultTitle} onUploaded={onUploaded} />
      ) : (
        <div>
          <Button size="xs" variant="subtle" onClick={() => setUploading(true)} data-testid={testId ? `${testId}-upload` : undefined}>
            {uploadLabel}
          </Button>
        </div>
      )}
    </Stack>
  );
};
