import { DOCUMENT_ACCEPT, type DocumentMeta, type DocumentType } from '@app/contracts';
import { Alert, Button, Checkbox, Group, Input, NativeSelect, Progress, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/lib/api-client';
import type { PortalUploadVariables } from '../api/portal-api';
import { usePortalMutation } from '../api/portal-queries';
import { usePortalErrorMessage } from '../utils/portal-form-errors';
import { MAX_UPLOAD_BYTES, MAX_UPLOAD_MB } from '../utils/portal-format';

type Problems = Partial<Record<'file' | 'type' | 'title' | 'language', string>>;

type PortalUploadFormProps = {
  caseId: string;
  // The types the user may upload (one: no choice shown).
  types: readonly DocumentType[];
  // The type chosen at first (the one most users of the role upload).
  defaultType?: DocumentType | undefined;
  heading: string;
  intro: string;
  submitLabel: string;
  send: (variables: PortalUploadVariables) => Promise<DocumentMeta>;
  testId: string;
};

const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

// One file with a type, a title and its language, with a progress bar; the server checks the type
// by content (415), the size (413) and which types the role may upload (400 on "type").
export const PortalUploadForm = ({ caseId, types, defaultType, heading, intro, submitLabel, send, testId }: PortalUploadFormProps) => {
  const { t } = useTranslation();
  const id = useId();
  const errorMessage = usePortalErrorMessage();
  const mutation = usePortalMutation(caseId, send);
  const [file, setFile] = useState<File | null>(null);
  const [fileKey, setFileKey] = useState(0);
  const initialType: DocumentType | '' = types.length === 1 ? types[0]! : (defaultType ?? '');
  const [type, setType] = useState<DocumentType | ''>(initialType);
  const [title, setTitle] = useState('');
  const [language, setLanguage] = useState(t('portal.documents.form.defaultLanguage'));
  const [special, setSpecial] = useState(false);
  const [problems, setProblems] = useState<Problems>({});
  const [progress, setProgress] = useState(0);
  const controller = useRef<AbortController | null>(null);

  const check = (): Problems => {
    const found: Problems = {};
    if (!file) found.file = t('portal.documents.form.fileRequired');
    else if (file.size === 0) found.file = t('portal.documents.form.fileEmpty');
    else if (file.size > MAX_UPLOAD_BYTES) found.file = t('portal.documents.form.fileTooLarge', { max: MAX_UPLOAD_MB });
    if (!type) found.type = t('validation.required');
    if (title.trim().length < 2) found.title = title.trim() ? t('validation.tooShort', { minimum: 2 }) : t('validation.required');
    if (language.trim().length < 2) found.language = language.trim() ? t('validation.tooShort', { minimum: 2 }) : t('validation.required');
    return found;
  };

  const onServerError = (error: unknown) => {
    if (isAbort(error)) {
      notifications.show({ color: 'gray', message: t('portal.documents.form.cancelled') });
      return;
    }
    if (!isApiError(error)) return;
    if (error.code === 'PAYLOAD_TOO_LARGE') setProblems({ file: t('portal.documents.form.fileTooLarge', { max: MAX_UPLOAD_MB }) });
    else if (error.code === 'UNSUPPORTED_MEDIA_TYPE') setProblems({ file: t('portal.documents.form.fileUnsupported') });
    else if (error.code === 'VALIDATION_FAILED') {
      const found: Problems = {};
      for (const field of error.details?.fields ?? []) {
        if (field.path === 'type') found.type = t(field.code === 'not_allowed' ? 'portal.errors.typeNotAllowed' : 'validation.invalid');
        if (field.path === 'title') found.title = t('validation.invalid');
        if (field.path === 'language') found.language = t('validation.invalid');
        if (field.path === 'file') found.file = t('portal.documents.form.fileRequired');
      }
      setProblems(found);
    }
  };

  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    mutation.reset();
    const found = check();
    setProblems(found);
    if (Object.keys(found).length > 0 || !file || !type) {
      const first = (['file', 'type', 'title', 'language'] as const).find((name) => found[name]);
      if (first) document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    const abort = new AbortController();
    controller.current = abort;
    setProgress(0);
    mutation.mutate(
      {
        file,
        fields: { type, title: title.trim(), language: language.trim(), sensitivity: special ? 'SPECIAL' : 'STD' },
        signal: abort.signal,
        onProgress: ({ loaded, total }) => setProgress(total > 0 ? Math.min(100, Math.round((loaded / total) * 100)) : 0),
      },
      {
        onSuccess: (document) => {
          notifications.show({ color: 'green', message: t('portal.documents.form.done', { title: document.title }) });
          setFile(null);
          setFileKey((key) => key + 1);
          setTitle('');
          setSpecial(false);
          setType(initialType);
        },
        onError: onServerError,
        onSettled: () => {
          controller.current = null;
        },
      },
    );
  };

  const generalError =
    mutation.isError && !isAbort(mutation.error) && !(isApiError(mutation.error) && ['PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'VALIDATION_FAILED'].includes(mutation.error.code));

  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${id}-heading`} data-testid={testId}>
      <Stack gap="sm">
        <div>
          <Title order={3} size="h5" id={`${id}-heading`}>
            {heading}
          </Title>
          <Text size="sm" c="dimmed">
            {intro}
          </Text>
        </div>
        <Input.Wrapper id={`${id}-file`} label={t('portal.documents.form.file')} description={t('portal.documents.form.fileHint', { max: MAX_UPLOAD_MB })} required error={problems.file}>
          <input
            key={fileKey}
            id={`${id}-file`}
            type="file"
            accept={DOCUMENT_ACCEPT}
            disabled={mutation.isPending}
            aria-invalid={problems.file ? true : undefined}
            aria-describedby={`${id}-file-description${problems.file ? ` ${id}-file-error` : ''}`}
            data-testid={`${testId}-file`}
            style={{ display: 'block', marginTop: 4 }}
            onChange={(event) => {
              const chosen = event.currentTarget.files?.[0] ?? null;
              setFile(chosen);
              setProblems((current) => ({ ...current, file: undefined }));
              if (chosen && !title) setTitle(chosen.name.replace(/\.[^.]+$/, '').slice(0, 200));
            }}
          />
        </Input.Wrapper>
        <SimpleGrid cols={{ base: 1, sm: types.length > 1 ? 3 : 2 }}>
          {types.length > 1 && (
            <NativeSelect
              id={`${id}-type`}
              label={t('portal.documents.form.type')}
              required
              value={type}
              data={[{ value: '', label: t('portal.documents.form.typePlaceholder') }, ...types.map((value) => ({ value, label: t(`documents.types.${value}`) }))]}
              onChange={(event) => setType((types.find((value) => value === event.currentTarget.value) ?? '') as DocumentType | '')}
              error={problems.type}
            />
          )}
          <TextInput id={`${id}-title`} label={t('portal.documents.form.title')} required maxLength={200} value={title} onChange={(event) => setTitle(event.currentTarget.value)} error={problems.title} autoComplete="off" />
          <TextInput id={`${id}-language`} label={t('portal.documents.form.language')} required maxLength={40} value={language} onChange={(event) => setLanguage(event.currentTarget.value)} error={problems.language} autoComplete="off" />
        </SimpleGrid>
        <Checkbox label={t('portal.documents.form.special')} description={t('portal.documents.form.specialHint')} checked={special} onChange={(event) => setSpecial(event.currentTarget.checked)} />
        {generalError && <Alert color="red">{errorMessage(mutation.error)}</Alert>}
        {mutation.isPending && (
          <Stack gap={4} data-testid={`${testId}-progress`}>
            <Progress.Root size="lg" radius="sm">
              <Progress.Section value={progress} aria-label={t('portal.documents.form.progressLabel')} />
            </Progress.Root>
            <Text size="sm" aria-live="polite">
              {progress >= 100 ? t('portal.documents.form.processing') : t('portal.documents.form.progress', { percent: progress })}
            </Text>
          </Stack>
        )}
        <Group gap="sm">
          <Button type="submit" loading={mutation.isPending} data-testid={`${testId}-submit`}>
            {submitLabel}
          </Button>
          {mutation.isPending && (
            <Button variant="default" onClick={() => controller.current?.abort()}>
              {t('portal.documents.form.cancel')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
};
