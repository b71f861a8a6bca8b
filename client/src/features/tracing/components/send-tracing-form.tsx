import {
  addDays,
  CreateTracingRequestSchema,
  TRACING_DEFAULT_SLA_DAYS,
  TRACING_MAX_SLA_DAYS,
  type CaseDetail,
  type CreateTracingRequestInput,
  type FamilyMember,
} from '@app/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import { ActionIcon, Button, Checkbox, Group, Input, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Controller, useFieldArray, useForm, useWatch, type FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { appToday } from '@/lib/clock';
import { applyServerFieldErrors, hasFieldErrorsFor, useFieldErrorText, zodErrorMap } from '@/lib/form-errors';
import { formatCalendarDate, formatCountry } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import { reshapedResolver } from '@/lib/reshaped-resolver';
import { useCreateTracingRequest } from '../api/tracing-mutations';
import { firstError } from '../utils/assessment';
import { endOfDayToIso } from '../utils/form-values';
import { TRACING_FIELD_ERRORS } from '../utils/server-errors';
import { personName } from '../utils/tracing-format';
import { MutationError } from './mutation-error';

type SendValues = {
  targetCountry: string;
  targetMemberIds: string[];
  questions: { text: string }[];
  safetyNotes: string;
  dueDate: string;
};

const FIELD_NAMES = ['targetCountry', 'targetMemberIds', 'questions', 'safetyNotes', 'dueAt'] as const;

const toInput = (values: SendValues) => ({
  targetCountry: values.targetCountry.trim() === '' ? undefined : values.targetCountry,
  targetMemberIds: values.targetMemberIds,
  questions: values.questions.map((question) => question.text),
  ...(values.safetyNotes.trim() ? { safetyNotes: values.safetyNotes } : {}),
  ...(values.dueDate ? { dueAt: endOfDayToIso(values.dueDate) } : {}),
});

const resolver = reshapedResolver(zodResolver(CreateTracingRequestSchema, zodErrorMap), toInput);

// The server's paths, in the form's names: a question is a row, the due date a day, and a mission
// problem belongs to the country that chose it.
const renamePath = (path: string): string => {
  const question = /^questions\.(\d+)$/.exec(path);
  if (question) return `questions.${question[1]}.text`;
  if (path === 'dueAt') return 'dueDate';
  if (path === 'missionId') return 'targetCountry';
  return path;
};

const defaultsFor = (caseDetail: CaseDetail): SendValues => ({
  // The family is usually sought in the minor's country of origin.
  targetCountry: /^[A-Za-z]{2}$/.test(caseDetail.minor.nationality) ? caseDetail.minor.nationality.toUpperCase() : '',
  targetMemberIds: [],
  questions: [],
  safetyNotes: '',
  dueDate: '',
});

const memberDescription = (member: FamilyMember, locale: ReturnType<typeof useLocale>): string =>
  [member.relationship, [member.locality, member.country ? formatCountry(member.country, locale) : null].filter(Boolean).join(', ')]
    .filter(Boolean)
    .join(' — ');

type SendTracingFormProps = { caseId: string; caseDetail: CaseDetail; familyMembers: readonly FamilyMember[] };

// Sends a redacted tracing packet to the IOM mission of the target country. Only the chosen
// relatives' contact details leave Italy; "do not contact" relatives go only as a warning.
export const SendTracingForm = ({ caseId, caseDetail, familyMembers }: SendTracingFormProps) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const fieldError = useFieldErrorText(TRACING_FIELD_ERRORS);
  const mutation = useCreateTracingRequest(caseId);
  const form = useForm<SendValues, unknown, CreateTracingRequestInput>({ resolver, defaultValues: defaultsFor(caseDetail) });
  const { errors } = form.formState;
  const questions = useFieldArray({ control: form.control, name: 'questions' });
  const country = useWatch({ control: form.control, name: 'targetCountry' });
  const countryName = /^[A-Za-z]{2}$/.test(country.trim()) ? formatCountry(country.trim().toUpperCase(), locale) : null;
  // Calendar days in Italy; the server's limits count from its own clock (appToday follows it).
  const today = appToday();
  const defaultDue = formatCalendarDate(addDays(today, TRACING_DEFAULT_SLA_DAYS), locale);
  const questionNames = questions.fields.map((_, index) => `questions.${index}.text` as const);

  const submit = form.handleSubmit((input) => {
    mutation.mutate(input, {
      onSuccess: (request) => {
        notifications.show({ color: 'green', message: t('tracing.sendForm.sent', { mission: request.mission.name }) });
        form.reset(defaultsFor(caseDetail));
      },
      onError: (error) => {
        applyServerFieldErrors(error, form.setError, ['targetCountry', 'targetMemberIds', ...questionNames, 'questions', 'safetyNotes', 'dueDate'], {
          vocabulary: TRACING_FIELD_ERRORS,
          limits: { safetyNotes: { min: 3, max: 4000 }, ...Object.fromEntries(questionNames.map((name) => [name, { min: 3, max: 1000 }])) },
          rename: renamePath,
        });
      },
    });
  });

  const addQuestion = () => questions.append({ text: '' }, { shouldFocus: true });
  const showAlert = mutation.isError && !hasFieldErrorsFor(mutation.error, [...FIELD_NAMES, 'missionId'], TRACING_FIELD_ERRORS);

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="tracing-send-heading" data-testid="tracing-send-form">
      <Stack>
        <Title order={3} size="h5" id="tracing-send-heading">
          {t('tracing.sendForm.heading')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('tracing.sendForm.intro')}
        </Text>
        {showAlert && <MutationError error={mutation.error} conflictKey="tracing.errors.caseNotReady" />}

        <TextInput
          label={t('tracing.sendForm.targetCountry')}
          description={countryName ? t('tracing.sendForm.targetCountryIs', { country: countryName }) : t('tracing.sendForm.targetCountryHint')}
          required
          maxLength={2}
          autoComplete="off"
          w={{ base: '100%', sm: 320 }}
          styles={{ input: { textTransform: 'uppercase' } }}
          error={fieldError(errors.targetCountry)}
          {...form.register('targetCountry')}
        />

        <Controller
          control={form.control}
          name="targetMemberIds"
          render={({ field }) => (
            <Checkbox.Group
              label={t('tracing.sendForm.targetMembers')}
              description={t('tracing.sendForm.targetMembersHint')}
              required
              value={field.value}
              onChange={field.onChange}
              error={fieldError(firstError(errors.targetMemberIds))}
            >
              <Stack gap="xs" mt="xs">
                {familyMembers.map((member, index) => (
                  <Checkbox
                    key={member.id}
                    value={member.id}
                    ref={index === 0 ? field.ref : undefined}
                    disabled={member.doNotContact}
                    data-testid="tracing-send-member"
                    label={
                      member.doNotContact ? (
                        <>
                          {personName(member)}{' '}
                          <Text component="span" fw={700} c="red.8">
                            {t('tracing.sendForm.doNotContact')}
                          </Text>
                        </>
                      ) : (
                        personName(member)
                      )
                    }
                    description={
                      member.doNotContact
                        ? t('tracing.sendForm.doNotContactReason', { reason: member.doNotContactReason ?? t('common.notAvailable') })
                        : memberDescription(member, locale)
                    }
                  />
                ))}
              </Stack>
            </Checkbox.Group>
          )}
        />

        <Input.Wrapper label={t('tracing.sendForm.questions')} description={t('tracing.sendForm.questionsHint')} error={fieldError(firstError(errors.questions?.root))}>
          <Stack gap="xs" mt="xs" data-testid="tracing-send-questions">
            {questions.fields.map((row, index) => (
              <Group key={row.id} align="flex-start" wrap="nowrap" gap="xs">
                <Textarea
                  style={{ flex: 1 }}
                  label={t('tracing.sendForm.questionN', { n: index + 1 })}
                  required
                  autosize
                  minRows={1}
                  error={fieldError(firstError(errors.questions?.[index]))}
                  {...form.register(`questions.${index}.text`)}
                />
                <ActionIcon
                  variant="default"
                  size="lg"
                  mt={26}
                  onClick={() => questions.remove(index)}
                  aria-label={t('tracing.sendForm.removeQuestion', { n: index + 1 })}
                >
                  <span aria-hidden>×</span>
                </ActionIcon>
              </Group>
            ))}
            <div>
              <Button variant="default" size="xs" onClick={addQuestion} disabled={questions.fields.length >= 30}>
                {t('tracing.sendForm.addQuestion')}
              </Button>
            </div>
          </Stack>
        </Input.Wrapper>

        <Textarea
          label={t('tracing.sendForm.safetyNotes')}
          description={t('tracing.sendForm.safetyNotesHint')}
          autosize
          minRows={2}
          error={fieldError(errors.safetyNotes)}
          {...form.register('safetyNotes')}
        />

        <TextInput
          type="date"
          label={t('tracing.sendForm.dueDate')}
          description={t('tracing.sendForm.dueDateHint', { date: defaultDue, max: TRACING_MAX_SLA_DAYS })}
          min={addDays(today, 1)}
          max={addDays(today, TRACING_MAX_SLA_DAYS - 1)}
          w={{ base: '100%', sm: 320 }}
          error={fieldError(errors.dueDate ?? (errors as Partial<Record<string, FieldError>>).dueAt)}
          {...form.register('dueDate')}
        />

        <div>
          <Button type="submit" loading={mutation.isPending}>
            {t('tracing.sendForm.submit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
};
