import {
  DOCUMENT_ACCEPT,
  DocumentOriginSchema,
  DocumentSensitivitySchema,
  DocumentTypeSchema,
  UploadDocumentFieldsSchema,
  type DocumentMeta,
  type DocumentOrigin,
  type DocumentSensitivity,
  type DocumentType,
  type UploadDocumentFields,
} from '@app/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Input, Progress, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/lib/api-client';
import { useErrorMessage } from '@/lib/error-message';
import { applyServerFieldErrors, hasFieldErrorsFor, useFieldErrorText, zodErrorMap } from '@/lib/form-errors';
import { reshapedResolver } from '@/lib/reshaped-resolver';
import { useUploadDocument } from '../api/documents-queries';
import { MAX_UPLOAD_BYTES, MAX_UPLOAD_MB } from '../utils/document-format';

type UploadFormValues = {
  type: DocumentType | '';
  title: string;
  language: string;
  sensitivity: DocumentSensitivity;
  origin: DocumentOrigin;
  translationOf: string;
};

const FIELDS = ['type', 'title', 'language', 'sensitivity', 'origin', 'translationOf'] as const;

const DEFAULTS: UploadFormValues = { type: '', title: '', language: '', sensitivity: 'STD', origin: 'RECEIVED', translationOf: '' };

// Empty choices are absent fields, as the server reads them.
const toFields = (values: UploadFormValues) => ({
  type: values.type || undefined,
  title: values.title,
  language: values.language,
  sensitivity: values.sensitivity,
  origin: values.origin,
  ...(values.translationOf ? { translationOf: values.translationOf } : {}),
});

const resolver = reshapedResolver(zodResolver(UploadDocumentFieldsSchema, zodErrorMap), toFields);

// A translation key for what is wrong with the chosen file, before or after the upload.
type FileProblem = 'required' | 'empty' | 'tooLarge' | 'unsupported' | 'extensionMismatch';

const checkFile = (file: File | null): FileProblem | null => {
  if (!file) return 'required';
  if (file.size === 0) return 'empty';
  // A friendly early check; the type is checked by the server, by content.
  if (file.size > MAX_UPLOAD_BYTES) return 'tooLarge';
  return null;
};

const isAbort = (error: unknown): boolean => error instanceof DOMException && error.name === 'AbortError';

// Upload of one document with its metadata, showing the progress; the server decides whether
// the file is acceptable (415 for a type it does not take, 413 above the size limit) and the
// answers are explained in plain words.
export const DocumentUploadForm = ({ caseId, documents }: { caseId: string; documents: readonly DocumentMeta[] }) => {
  const { t } = useTranslation();
  const fieldError = useFieldErrorText();
  const errorMessage = useErrorMessage();
  const upload = useUploadDocument(caseId);
  const form = useForm<UploadFormValues, unknown, UploadDocumentFields>({ resolver, defaultValues: DEFAULTS });
  const { errors } = form.formState;
  const [file, setFile] = useState<File | null>(null);
  const [fileProblem, setFileProblem] = useState<FileProblem | null>(null);
  // The file input cannot be cleared by value: a new key gives a fresh one.
  const [fileInputKey, setFileInputKey] = useState(0);
  const [progress, setProgress] = useState(0);
  const controller = useRef<AbortController | null>(null);

  const onError = (error: unknown) => {
    if (isAbort(error)) {
      notifications.show({ color: 'gray', message: t('documents.upload.cancelled') });
      return;
    }
    if (!isApiError(error)) return;
    if (error.code === 'PAYLOAD_TOO_LARGE') setFileProblem('tooLarge');
    else if (error.code === 'UNSUPPORTED_MEDIA_TYPE') {
      setFileProblem(error.details?.fields?.some((field) => field.code === 'extension_mismatch') ? 'extensionMismatch' : 'unsupported');
    } else if (error.code === 'VALIDATION_FAILED') {
      const fileField = error.details?.fields?.find((field) => field.path === 'file');
      if (fileField) setFileProblem(fileField.code === 'too_small' ? 'empty' : 'required');
      applyServerFieldErrors(error, form.setError, FIELDS, { limits: { title: { min: 2, max: 200 }, language: { min: 2, max: 40 } } });
    }
  };

  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    const problem = checkFile(file);
    setFileProblem(problem);
    upload.reset();
    void form.handleSubmit((fields) => {
      if (problem || !file) return;
      const abort = new AbortController();
      controller.current = abort;
      setProgress(0);
      upload.mutate(
        {
          file,
          fields,
          signal: abort.signal,
          onProgress: ({ loaded, total }) => setProgress(total > 0 ? Math.min(100, Math.round((loaded / total) * 100)) : 0),
        },
        {
          onSuccess: (document) => {
            notifications.show({ color: 'green', message: t('documents.upload.done', { title: document.title }) });
            form.reset(DEFAULTS);
            setFile(null);
            setFileInputKey((key) => key + 1);
          },
          onError,
          onSettled: () => {
            controller.current = null;
          },
        },
      );
    })(event);
  };

  const fileMessage = fileProblem ? t(`documents.upload.fileProblems.${fileProblem}`, { max: MAX_UPLOAD_MB }) : undefined;
  // Errors that belong to no field (the case is closed, the network is down…).
  const generalError =
    upload.isError && !isAbort(upload.error) && !(isApiError(upload.error) && ['PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE'].includes(upload.error.code)) && !hasFieldErrorsFor(upload.error, [...FIELDS, 'file'])
      ? upload.error
      : null;

  return (
    <form onSubmit={submit} noValidate aria-labelledby="document-upload-heading" data-testid="document-upload-form">
      <Stack gap="md">
        <div>
          <Title order={3} size="h5" id="document-upload-heading">
            {t('documents.upload.heading')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('documents.upload.intro')}
          </Text>
        </div>
        <Input.Wrapper
          id="document-upload-file"
          label={t('documents.upload.file')}
          description={t('documents.upload.fileHint', { max: MAX_UPLOAD_MB })}
          required
          error={fileMessage}
        >
          <input
            key={fileInputKey}
            id="document-upload-file"
            type="file"
            accept={DOCUMENT_ACCEPT}
            disabled={upload.isPending}
            aria-invalid={fileMessage ? true : undefined}
            aria-describedby={`document-upload-file-description${fileMessage ? ' document-upload-file-error' : ''}`}
            data-testid="document-file"
            style={{ display: 'block', marginTop: 4 }}
            onChange={(event) => {
              const chosen = event.currentTarget.files?.[0] ?? null;
              setFile(chosen);
              setFileProblem(chosen && chosen.size > MAX_UPLOAD_BYTES ? 'tooLarge' : null);
              if (chosen && !form.getValues('title')) form.setValue('title', chosen.name.replace(/\.[^.]+$/, '').slice(0, 200));
            }}
          />
        </Input.Wrapper>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Controller
            control={form.control}
            name="type"
            render={({ field }) => (
              <Select
                label={t('documents.upload.type')}
                required
                searchable
                data={DocumentTypeSchema.options.map((value) => ({ value, label: t(`documents.types.${value}`) }))}
                value={field.value || null}
                onChange={(value) => field.onChange(DocumentTypeSchema.safeParse(value).data ?? '')}
                onBlur={field.onBlur}
                ref={field.ref}
                name={field.name}
                error={fieldError(errors.type)}
              />
            )}
          />
          <TextInput label={t('documents.upload.title')} required maxLength={200} autoComplete="off" error={fieldError(errors.title)} {...form.register('title')} />
          <TextInput
            label={t('documents.upload.language')}
            description={t('documents.upload.languageHint')}
            required
            maxLength={40}
            autoComplete="off"
            error={fieldError(errors.language)}
            {...form.register('language')}
          />
          <Controller
            control={form.control}
            name="sensitivity"
            render={({ field }) => (
              <Select
                label={t('documents.upload.sensitivity')}
                description={t(`documents.sensitivityHints.${field.value}`)}
                required
                allowDeselect={false}
                data={DocumentSensitivitySchema.options.map((value) => ({ value, label: t(`documents.sensitivities.${value}`) }))}
                value={field.value}
                onChange={(value) => field.onChange(DocumentSensitivitySchema.safeParse(value).data ?? field.value)}
                onBlur={field.onBlur}
                ref={field.ref}
                name={field.name}
                error={fieldError(errors.sensitivity)}
              />
            )}
          />
          <Controller
            control={form.control}
            name="origin"
            render={({ field }) => (
              <Select
                label={t('documents.upload.origin')}
                required
                allowDeselect={false}
                data={DocumentOriginSchema.options.map((value) => ({ value, label: t(`documents.origins.${value}`) }))}
                value={field.value}
                onChange={(value) => field.onChange(DocumentOriginSchema.safeParse(value).data ?? field.value)}
                onBlur={field.onBlur}
                ref={field.ref}
                name={field.name}
                error={fieldError(errors.origin)}
              />
            )}
          />
          {documents.length > 0 && (
            <Controller
              control={form.control}
              name="translationOf"
              render={({ field }) => (
                <Select
                  label={t('documents.upload.translationOf')}
                  description={t('documents.upload.translationOfHint')}
                  clearable
                  data={documents.map((document) => ({ value: document.id, label: document.title }))}
                  value={field.value || null}
                  onChange={(value) => field.onChange(value ?? '')}
                  onBlur={field.onBlur}
                  ref={field.ref}
                  name={field.name}
                  error={fieldError(errors.translationOf)}
                />
              )}
            />
          )}
        </SimpleGrid>
        {generalError !== null && <Alert color="red">{isApiError(generalError) && generalError.code === 'CONFLICT' ? t('documents.upload.closed') : errorMessage(generalError)}</Alert>}
        {upload.isPending && (
          <Stack gap={4} data-testid="document-upload-progress">
            <Progress.Root size="lg" radius="sm">
              <Progress.Section value={progress} aria-label={t('documents.upload.progressLabel')} />
            </Progress.Root>
            <Text size="sm" aria-live="polite">
              {progress >= 100 ? t('documents.upload.processing') : t('documents.upload.progress', { percent: progress })}
            </Text>
          </Stack>
        )}
        <Group gap="sm">
          <Button type="submit" loading={upload.isPending}>
            {t('documents.upload.submit')}
          </Button>
          {upload.isPending && (
            <Button variant="default" onClick={() => controller.current?.abort()} data-testid="document-upload-cancel">
              {t('documents.upload.cancel')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
};
