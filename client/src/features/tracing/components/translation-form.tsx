import { PutAssessmentTranslationSchema, type AssessmentSectionKey, type FamilyAssessment, type PutAssessmentTranslationInput } from '@app/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Box, Button, Group, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '@/lib/error-message';
import { applyServerFieldErrors, hasFieldErrorsFor, useFieldErrorText, zodErrorMap } from '@/lib/form-errors';
import { useLocale } from '@/lib/i18n';
import { reshapedResolver } from '@/lib/reshaped-resolver';
import { usePutTranslation } from '../api/tracing-mutations';
import { tracingQueries } from '../api/tracing-queries';
import { emptySections, sectionsOf, type SectionTexts } from '../utils/assessment';
import { isStale, TRACING_FIELD_ERRORS } from '../utils/server-errors';
import { formatDateTime } from '../utils/tracing-format';
import { MutationError } from './mutation-error';

type TranslationValues = { sections: SectionTexts };

type TranslationFormProps = {
  caseId: string;
  assessment: FamilyAssessment;
  // False once the case is closed: the translation is then shown, not edited.
  canEdit: boolean;
};

// The original (as the mission wrote it) and the Italian translation side by side, section by
// section. The translation covers exactly the sections of the original.
export const TranslationForm = ({ caseId, assessment, canEdit }: TranslationFormProps) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const fieldError = useFieldErrorText(TRACING_FIELD_ERRORS);
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const mutation = usePutTranslation(caseId);
  const translation = assessment.translation ?? null;
  const keys = sectionsOf(assessment.sections);
  const [baseVersion, setBaseVersion] = useState(assessment.version);
  const [conflict, setConflict] = useState(false);
  const [serverCopy, setServerCopy] = useState<FamilyAssessment | null>(null);
  const [reloading, setReloading] = useState(false);
  const [reloadError, setReloadError] = useState<unknown>(null);
  const conflictRef = useRef<HTMLDivElement>(null);
  // The conflict is announced and focused, so the user knows at once that nothing was saved.
  useEffect(() => {
    if (conflict) conflictRef.current?.focus();
  }, [conflict]);

  // Validated as sent: every section of the original, and only those.
  const toInput = (values: TranslationValues) => ({
    sections: Object.fromEntries(keys.map((key) => [key, values.sections[key] ?? ''])),
  });
  const form = useForm<TranslationValues, unknown, PutAssessmentTranslationInput>({
    resolver: reshapedResolver(zodResolver(PutAssessmentTranslationSchema, zodErrorMap), toInput),
    defaultValues: { sections: emptySections(translation?.sections) },
  });
  const { errors } = form.formState;
  const fieldNames = keys.map((key) => `sections.${key}` as const);

  const submit = form.handleSubmit((input) => {
    mutation.mutate(
      { input, version: baseVersion },
      {
        onSuccess: (saved) => {
          setBaseVersion(saved.version);
          setConflict(false);
          setServerCopy(null);
          notifications.show({ color: 'green', message: t('tracing.translation.saved') });
        },
        onError: (error) => {
          if (isStale(error)) {
            setConflict(true);
            setServerCopy(null);
            return;
          }
          applyServerFieldErrors(error, form.setError, fieldNames, {
            vocabulary: TRACING_FIELD_ERRORS,
            limits: Object.fromEntries(fieldNames.map((name) => [name, { min: 1, max: 20000 }])),
          });
        },
      },
    );
  });

  // Reloads the case's tracing (the original on the left follows it); the typed translation stays.
  const reload = async () => {
    setReloading(true);
    setReloadError(null);
    try {
      const fresh = await queryClient.fetchQuery({ ...tracingQueries.caseTracing(caseId), staleTime: 0 });
      if (fresh.assessment) {
        setServerCopy(fresh.assessment);
        setBaseVersion(fresh.assessment.version);
      }
      mutation.reset();
    } catch (error) {
      setReloadError(error);
    } finally {
      setReloading(false);
    }
  };

  const copyServerText = (key: AssessmentSectionKey) => {
    form.setValue(`sections.${key}`, serverCopy?.translation?.sections[key] ?? '', { shouldDirty: true });
  };

  const showAlert = mutation.isError && !isStale(mutation.error) && !hasFieldErrorsFor(mutation.error, fieldNames, TRACING_FIELD_ERRORS);

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="translation-form-heading" data-testid="translation-form">
      <Stack>
        <Title order={3} size="h5" id="translation-form-heading">
          {t('tracing.translation.heading')}
        </Title>
        {translation === null ? (
          <Text size="sm" c="dimmed" data-testid="translation-missing">
            {t('tracing.translation.notYet')}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t('tracing.translation.savedBy', {
              name: translation.translatedBy ?? t('common.notAvailable'),
              date: translation.translatedAt ? formatDateTime(translation.translatedAt, locale) : t('common.notAvailable'),
            })}
          </Text>
        )}
        {translation && !translation.current && (
          <Alert color="yellow" title={t('tracing.translation.outdatedTitle')} data-testid="translation-outdated">
            {t('tracing.translation.outdatedBody')}
          </Alert>
        )}
        {conflict && (
          <Alert ref={conflictRef} tabIndex={-1} color="yellow" title={t('tracing.translation.conflictTitle')} data-testid="translation-conflict">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{serverCopy ? t('tracing.translation.conflictLoaded') : t('tracing.translation.conflictBody')}</Text>
              {reloadError !== null && <Text size="sm" c="red.8">{errorMessage(reloadError)}</Text>}
              {!serverCopy && (
                <Button variant="default" size="xs" onClick={() => void reload()} loading={reloading}>
                  {t('tracing.translation.reload')}
                </Button>
              )}
            </Stack>
          </Alert>
        )}
        {showAlert && <MutationError error={mutation.error} conflictKey="tracing.errors.caseClosed" />}
        {keys.map((key) => {
          const section = t(`tracing.sections.${key}`);
          const serverText = serverCopy?.translation?.sections[key];
          return (
            <Box key={key} component="section" aria-labelledby={`translation-${key}-heading`} data-testid={`translation-section-${key}`}>
              <Title order={4} size="h6" mb={4} id={`translation-${key}-heading`}>
                {section}
              </Title>
              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
                <Paper withBorder p="sm" bg="gray.0" data-testid="translation-original">
                  <Text size="xs" c="dimmed" mb={4}>
                    {t('tracing.translation.original', { language: assessment.languageOriginal })}
                  </Text>
                  <Text dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
                    {assessment.sections[key]}
                  </Text>
                </Paper>
                {canEdit ? (
                  <Box>
                    <Textarea
                      label={t('tracing.translation.italianOf', { section })}
                      autosize
                      minRows={3}
                      lang="it"
                      required
                      data-testid="translation-italian"
                      error={fieldError(errors.sections?.[key])}
                      {...form.register(`sections.${key}`)}
                    />
                    {serverCopy && (
                      <Paper withBorder p="xs" mt={4} bg="yellow.0" data-testid={`translation-server-${key}`}>
                        <Text size="xs" fw={600}>
                          {t('tracing.translation.serverVersion')}
                        </Text>
                        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                          {serverText ?? t('tracing.translation.serverEmpty')}
                        </Text>
                        {serverText !== undefined && (
                          <Group mt={4}>
                            <Button size="compact-xs" variant="default" onClick={() => copyServerText(key)} aria-label={t('tracing.translation.useServerTextFor', { section })}>
                              {t('tracing.translation.useServerText')}
                            </Button>
                          </Group>
                        )}
                      </Paper>
                    )}
                  </Box>
                ) : (
                  <Paper withBorder p="sm" data-testid="translation-italian-readonly">
                    <Text size="xs" c="dimmed" mb={4}>
                      {t('tracing.translation.italian')}
                    </Text>
                    <Text lang="it" style={{ whiteSpace: 'pre-wrap' }}>
                      {translation?.sections[key] ?? t('tracing.translation.notYetSection')}
                    </Text>
                  </Paper>
                )}
              </SimpleGrid>
            </Box>
          );
        })}
        {canEdit && (
          <Group>
            <Button type="submit" loading={mutation.isPending}>
              {t('tracing.translation.submit')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
};
