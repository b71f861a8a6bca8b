import {
  ASSESSMENT_SECTION_KEYS,
  InterviewModeSchema,
  PutFamilyAssessmentSchema,
  type AssessmentSectionKey,
  type FamilyAssessment,
  type PutFamilyAssessmentInput,
} from '@app/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Box, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DetailList } from '@/components/ui/detail-list';
import { appToday } from '@/lib/clock';
import { useErrorMessage } from '@/lib/error-message';
import { applyServerFieldErrors, hasFieldErrorsFor, useFieldErrorText, zodErrorMap } from '@/lib/form-errors';
import { formatCalendarDate } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import { reshapedResolver } from '@/lib/reshaped-resolver';
import { usePutAssessment } from '../api/tracing-mutations';
import { tracingQueries } from '../api/tracing-queries';
import { emptySections, firstError, writtenSections, type SectionTexts } from '../utils/assessment';
import { linesOf } from '../utils/form-values';
import { isStale, TRACING_FIELD_ERRORS } from '../utils/server-errors';
import { formatDateTime } from '../utils/tracing-format';
import { MutationError } from './mutation-error';

type InterviewMode = FamilyAssessment['interviewMode'];

type AssessmentValues = {
  interviewDate: string;
  interviewMode: string;
  personsPresent: string;
  languageOriginal: string;
  sections: SectionTexts;
};

const FIELDS = ['interviewDate', 'interviewMode', 'personsPresent', 'languageOriginal', ...ASSESSMENT_SECTION_KEYS.map((key) => `sections.${key}` as const)] as const;
const SECTION_LIMITS = Object.fromEntries(ASSESSMENT_SECTION_KEYS.map((key) => [`sections.${key}`, { min: 1, max: 20000 }]));

const toInput = (values: AssessmentValues) => ({
  interviewDate: values.interviewDate,
  interviewMode: values.interviewMode || undefined,
  personsPresent: linesOf(values.personsPresent),
  languageOriginal: values.languageOriginal,
  sections: writtenSections(values.sections),
});

const resolver = reshapedResolver(zodResolver(PutFamilyAssessmentSchema, zodErrorMap), toInput);

const valuesFrom = (assessment: FamilyAssessment | null, interviewMode: InterviewMode | null): AssessmentValues => ({
  interviewDate: assessment?.interviewDate ?? appToday(),
  interviewMode: assessment?.interviewMode ?? interviewMode ?? '',
  personsPresent: assessment?.personsPresent.join('\n') ?? '',
  languageOriginal: assessment?.languageOriginal ?? '',
  sections: emptySections(assessment?.sections),
});

// The version saved by someone else, shown beside the officer's own text after a conflict.
const ServerCopyMeta = ({ copy }: { copy: FamilyAssessment }) => {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <DetailList
      items={[
        { label: t('tracing.assessment.interviewDate'), value: formatCalendarDate(copy.interviewDate, locale) },
        { label: t('tracing.fields.interviewMode'), value: t(`tracing.interviewMode.${copy.interviewMode}`) },
        { label: t('tracing.assessment.personsPresent'), value: copy.personsPresent.join(', ') },
        { label: t('tracing.assessment.languageOriginal'), value: copy.languageOriginal },
      ]}
    />
  );
};

type AssessmentFormProps = {
  requestId: string;
  assessment: FamilyAssessment | null;
  interviewMode: InterviewMode | null;
};

// The family assessment in the language of the interview, one box per section. The first save
// creates it; each later save names the version it replaces (If-Match), so that two people
// writing at once never silently overwrite each other (412: both texts are shown, nothing is lost).
export const AssessmentForm = ({ requestId, assessment, interviewMode }: AssessmentFormProps) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const fieldError = useFieldErrorText(TRACING_FIELD_ERRORS);
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const mutation = usePutAssessment(requestId);
  // The version this text is based on; null until the assessment exists.
  const [baseVersion, setBaseVersion] = useState<number | null>(assessment?.version ?? null);
  const [conflict, setConflict] = useState(false);
  const [serverCopy, setServerCopy] = useState<FamilyAssessment | null>(null);
  const [reloading, setReloading] = useState(false);
  const [reloadError, setReloadError] = useState<unknown>(null);
  const conflictRef = useRef<HTMLDivElement>(null);
  // The conflict is announced and focused, so the user knows at once that nothing was saved.
  useEffect(() => {
    if (conflict) conflictRef.current?.focus();
  }, [conflict]);
  const form = useForm<AssessmentValues, unknown, PutFamilyAssessmentInput>({ resolver, defaultValues: valuesFrom(assessment, interviewMode) });
  const { errors } = form.formState;

  const submit = form.handleSubmit((input) => {
    mutation.mutate(
      { input, version: baseVersion },
      {
        onSuccess: (saved) => {
          setBaseVersion(saved.version);
          setConflict(false);
          setServerCopy(null);
          notifications.show({ color: 'green', message: t('tracing.assessment.saved') });
        },
        onError: (error) => {
          if (isStale(error)) {
            setConflict(true);
            setServerCopy(null);
            return;
          }
          applyServerFieldErrors(error, form.setError, FIELDS, { vocabulary: TRACING_FIELD_ERRORS, limits: { languageOriginal: { min: 2, max: 40 }, ...SECTION_LIMITS } });
        },
      },
    );
  });

  // Loads what was saved meanwhile without touching the form: the officer's text stays where it is.
  const loadServerCopy = async () => {
    setReloading(true);
    setReloadError(null);
    try {
      const fresh = await queryClient.fetchQuery({ ...tracingQueries.detail(requestId), staleTime: 0 });
      setServerCopy(fresh.assessment);
      setBaseVersion(fresh.assessment?.version ?? null);
      mutation.reset();
    } catch (error) {
      setReloadError(error);
    } finally {
      setReloading(false);
    }
  };

  const copyServerText = (key: AssessmentSectionKey) => {
    form.setValue(`sections.${key}`, serverCopy?.sections[key] ?? '', { shouldDirty: true });
  };

  const sectionsError = errors.sections?.root ?? (errors.sections && 'message' in errors.sections ? (errors.sections as { message?: string }) : undefined);
  const showAlert = mutation.isError && !isStale(mutation.error) && !hasFieldErrorsFor(mutation.error, FIELDS, TRACING_FIELD_ERRORS);

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="assessment-form-heading" data-testid="assessment-form">
      <Stack>
        <Title order={3} size="h5" id="assessment-form-heading">
          {assessment || baseVersion !== null ? t('tracing.assessment.editHeading') : t('tracing.assessment.heading')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('tracing.assessment.intro')}
        </Text>
        {conflict && (
          <Alert
            ref={conflictRef}
            tabIndex={-1}
            color="yellow"
            title={t('tracing.assessment.conflictTitle')}
            data-testid="assessment-conflict"
          >
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{serverCopy ? t('tracing.assessment.conflictLoaded') : t('tracing.assessment.conflictBody')}</Text>
              {serverCopy && (
                <Text size="sm" c="dimmed">
                  {t('tracing.assessment.savedBy', {
                    name: serverCopy.writtenBy ?? t('common.notAvailable'),
                    date: formatDateTime(serverCopy.updatedAt, locale),
                  })}
                </Text>
              )}
              {serverCopy && <ServerCopyMeta copy={serverCopy} />}
              {reloadError !== null && <Text size="sm" c="red.8">{errorMessage(reloadError)}</Text>}
              {!serverCopy && (
                <Button variant="default" size="xs" onClick={() => void loadServerCopy()} loading={reloading}>
                  {t('tracing.assessment.loadServerCopy')}
                </Button>
              )}
            </Stack>
          </Alert>
        )}
        {showAlert && <MutationError error={mutation.error} conflictKey="tracing.errors.assessmentClosed" />}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            type="date"
            label={t('tracing.assessment.interviewDate')}
            required
            max={appToday()}
            error={fieldError(errors.interviewDate)}
            {...form.register('interviewDate')}
          />
          <NativeSelect
            label={t('tracing.fields.interviewMode')}
            required
            data={[
              { value: '', label: t('tracing.assessment.chooseMode') },
              ...InterviewModeSchema.options.map((mode) => ({ value: mode, label: t(`tracing.interviewMode.${mode}`) })),
            ]}
            error={fieldError(errors.interviewMode)}
            {...form.register('interviewMode')}
          />
          <Textarea
            label={t('tracing.assessment.personsPresent')}
            description={t('tracing.assessment.personsPresentHint')}
            required
            autosize
            minRows={2}
            error={fieldError(firstError(errors.personsPresent))}
            {...form.register('personsPresent')}
          />
          <TextInput
            label={t('tracing.assessment.languageOriginal')}
            description={t('tracing.assessment.languageOriginalHint')}
            required
            autoComplete="off"
            error={fieldError(errors.languageOriginal)}
            {...form.register('languageOriginal')}
          />
        </SimpleGrid>
        <Title order={4} size="h6">
          {t('tracing.assessment.sectionsHeading')}
        </Title>
        {sectionsError?.message && (
          <Alert color="red" data-testid="assessment-sections-error">
            {t('tracing.assessment.atLeastOneSection')}
          </Alert>
        )}
        {ASSESSMENT_SECTION_KEYS.map((key) => (
          <Box key={key} data-testid={`assessment-section-${key}`}>
            <Textarea
              label={t(`tracing.sections.${key}`)}
              description={t(`tracing.sectionHints.${key}`)}
              autosize
              minRows={3}
              dir="auto"
              error={fieldError(errors.sections?.[key])}
              {...form.register(`sections.${key}`)}
            />
            {serverCopy && (
              <Paper withBorder p="xs" mt={4} bg="yellow.0" data-testid={`assessment-server-${key}`}>
                <Text size="xs" fw={600}>
                  {t('tracing.assessment.serverVersion')}
                </Text>
                <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
                  {serverCopy.sections[key] ?? t('tracing.assessment.serverEmpty')}
                </Text>
                <Group mt={4}>
                  <Button
                    size="compact-xs"
                    variant="default"
                    onClick={() => copyServerText(key)}
                    aria-label={t('tracing.assessment.useServerTextFor', { section: t(`tracing.sections.${key}`) })}
                  >
                    {t('tracing.assessment.useServerText')}
                  </Button>
                </Group>
              </Paper>
            )}
          </Box>
        ))}
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            {conflict && serverCopy ? t('tracing.assessment.submitOver') : t('tracing.assessment.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};
