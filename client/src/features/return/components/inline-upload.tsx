import { DOCUMENT_ACCEPT, type DocumentMeta } from '@app/contracts';
import { Alert, Button, Group, Input, Progress, Stack, Text, TextInput } from '@mantine/core';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/lib/api-client';
import { useErrorMessage } from '@/lib/error-message';
import type { UploadProgress } from '@/lib/upload';
import { uploadReturnDocument, type UploadFields, type UploadTarget } from '../api/return-api';

const MAX_UPLOAD_MB = 20;

type InlineUploadProps = {
  caseId: string;
  // 'decree': the court's route (type COURT_DECREE); 'document': the case's documents.
  target: UploadTarget;
  type: string;
  // What the upload is for, e.g. "Carica il decreto".
  label: string;
  defaultTitle: string;
  onUploaded: (document: DocumentMeta) => void;
  // Where the file is sent; by default the route `target` names (the mission passes its own).
  upload?: (file: File, fields: UploadFields, options: { signal: AbortSignal; onProgress: (progress: UploadProgress) => void }) => Promise<DocumentMeta>;
};

// A file attached where a step needs it (the decree, the signed protocol, the social services'
// report, the travel document), with a progress bar; it lands among the case's documents too.
export const InlineUpload = ({ caseId, target, type, label, defaultTitle, onUploaded, upload: send }: InlineUploadProps) => {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState(defaultTitle);
  const [language, setLanguage] = useState('Italiano');
  const [progress, setProgress] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [inputKey, setInputKey] = useState(0);
  const controller = useRef<AbortController | null>(null);

  const upload = () => {
    setError(null);
    if (!file) return setProblem('required');
    if (file.size === 0) return setProblem('empty');
    if (file.size > MAX_UPLOAD_MB * 1024 * 1024) return setProblem('tooLarge');
    if (title.trim().length < 2 || language.trim().length < 2) return setProblem('fields');
    setProblem(null);
    const abort = new AbortController();
    controller.current = abort;
    setProgress(0);
    const options = {
      signal: abort.signal,
      onProgress: ({ loaded, total }: UploadProgress) => setProgress(total > 0 ? Math.min(100, Math.round((loaded / total) * 100)) : 0),
    };
    const fields = { type, title: title.trim(), language: language.trim() };
    (send ? send(file, fields, options) : uploadReturnDocument(caseId, target, file, fields, options))
      .then((document) => {
        setFile(null);
        setInputKey((key) => key + 1);
        onUploaded(document);
      })
      .catch((cause: unknown) => {
        if (cause instanceof DOMException && cause.name === 'AbortError') return;
        if (isApiError(cause) && cause.code === 'PAYLOAD_TOO_LARGE') setProblem('tooLarge');
        else if (isApiError(cause) && cause.code === 'UNSUPPORTED_MEDIA_TYPE') setProblem('unsupported');
        else setError(cause);
      })
      .finally(() => {
        controller.current = null;
        setProgress(null);
      });
  };

  const pending = progress !== null;
  return (
    <Stack gap="xs" p="sm" style={{ border: '1px dashed var(--mantine-color-default-border)', borderRadius: 'var(--mantine-radius-sm)' }} data-testid={`inline-upload-${type}`}>
      <Input.Wrapper id={inputId} label={label} description={t('return.upload.hint', { max: MAX_UPLOAD_MB })} error={problem ? t(`return.upload.problems.${problem}`, { max: MAX_UPLOAD_MB }) : undefined}>
        <input
          key={inputKey}
          id={inputId}
          type="file"
          accept={DOCUMENT_ACCEPT}
          disabled={pending}
          aria-invalid={problem ? true : undefined}
          style={{ display: 'block', marginTop: 4 }}
          data-testid={`inline-upload-file-${type}`}
          onChange={(event) => {
            setFile(event.currentTarget.files?.[0] ?? null);
            setProblem(null);
          }}
        />
      </Input.Wrapper>
      <Group grow align="flex-start">
        <TextInput label={t('return.upload.title')} value={title} onChange={(event) => setTitle(event.currentTarget.value)} maxLength={200} />
        <TextInput label={t('return.upload.language')} value={language} onChange={(event) => setLanguage(event.currentTarget.value)} maxLength={40} />
      </Group>
      {error !== null && <Alert color="red">{errorMessage(error)}</Alert>}
      {pending && (
        <Stack gap={4}>
          <Progress.Root size="lg" radius="sm">
            <Progress.Section value={progress} aria-label={t('return.upload.progressLabel')} />
          </Progress.Root>
          <Text size="sm" aria-live="polite">
            {t('return.upload.progress', { percent: progress })}
          </Text>
        </Stack>
      )}
      <Group gap="sm">
        <Button size="xs" variant="default" onClick={upload} loading={pending} data-testid={`inline-upload-submit-${type}`}>
          {t('return.upload.submit')}
        </Button>
        {pending && (
          <Button size="xs" variant="subtle" onClick={() => controller.current?.abort()}>
            {t('common.cancel')}
          </Button>
        )}
      </Group>
    </Stack>
  );
};
