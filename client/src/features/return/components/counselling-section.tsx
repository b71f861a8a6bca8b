import { CreateCounsellingSessionSchema, type CreateCounsellingSessionInput } from '@app/contracts';
import { Badge, Blockquote, Button, Checkbox, Group, Paper, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@/components/ui/query-state';
import { useCurrentUser } from '@/lib/auth';
import { applyServerFieldErrors, hasFieldErrorsFor, useFieldErrorText } from '@/lib/form-errors';
import { formatCalendarDate } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import { addCounsellingSession } from '../api/return-api';
import { useReturnMutation } from '../api/return-queries';
import { COUNSELLING_STATES, isIn } from '../utils/return-access';
import { RETURN_FIELD_ERRORS } from '../utils/return-errors';
import { todayIso } from '../utils/return-format';
import { returnResolver } from '../utils/return-zod';
import { ReturnError } from './return-error';
import { ReturnSection, SubHeading, type SectionProps } from './return-section';

type Values = {
  heldOn: string;
  counsellor: string;
  language: string;
  mediatorPresent: boolean;
  mediatorName: string;
  minorWords: string;
  topics: string[];
  notes: string;
};
const FIELDS = ['heldOn', 'counsellor', 'language', 'mediatorPresent', 'mediatorName', 'minorWords', 'topics', 'notes'] as const;
const LIMITS = { counsellor: { min: 2, max: 200 }, language: { min: 2, max: 40 }, mediatorName: { min: 2, max: 200 }, minorWords: { min: 3, max: 4000 }, notes: { max: 4000 } };

const toInput = (values: Values) => ({
  heldOn: values.heldOn,
  counsellor: values.counsellor,
  language: values.language,
  mediatorPresent: values.mediatorPresent,
  minorWords: values.minorWords,
  topics: values.topics,
  ...(values.mediatorPresent ? { mediatorName: values.mediatorName } : {}),
  ...(values.notes.trim() ? { notes: values.notes } : {}),
});
const resolver = returnResolver(CreateCounsellingSessionSchema, toInput);

const SessionForm = ({ caseId, onDone }: { caseId: string; onDone: () => void }) => {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const fieldError = useFieldErrorText(RETURN_FIELD_ERRORS);
  const defaults = useMemo<Values>(
    () => ({ heldOn: todayIso(), counsellor: user.displayName, language: '', mediatorPresent: false, mediatorName: '', minorWords: '', topics: [], notes: '' }),
    [user.displayName],
  );
  const form = useForm<Values, unknown, CreateCounsellingSessionInput>({ resolver, defaultValues: defaults });
  const { errors } = form.formState;
  const mediatorPresent = useWatch({ control: form.control, name: 'mediatorPresent' });
  const mutation = useReturnMutation(caseId, (input: CreateCounsellingSessionInput) => addCounsellingSession(caseId, input));
  const submit = form.handleSubmit((input) =>
    mutation.mutate(input, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('return.counselling.recorded') });
        form.reset(defaults);
        onDone();
      },
      onError: (error) => applyServerFieldErrors(error, form.setError, FIELDS, { vocabulary: RETURN_FIELD_ERRORS, limits: LIMITS }),
    }),
  );
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="counselling-form-heading" data-testid="counselling-form">
      <Stack gap="sm">
        <SubHeading id="counselling-form-heading">{t('return.counselling.formHeading')}</SubHeading>
        {mutation.isError && !hasFieldErrorsFor(mutation.error, FIELDS, RETURN_FIELD_ERRORS) && <ReturnError caseId={caseId} error={mutation.error} />}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput type="date" label={t('return.counselling.heldOn')} required max={todayIso()} error={fieldError(errors.heldOn)} {...form.register('heldOn')} />
          <TextInput label={t('return.counselling.counsellor')} required error={fieldError(errors.counsellor)} {...form.register('counsellor')} />
          <TextInput label={t('return.common.language')} description={t('return.common.languageHint')} required error={fieldError(errors.language)} {...form.register('language')} />
        </SimpleGrid>
        <Checkbox label={t('return.common.mediatorPresent')} {...form.register('mediatorPresent')} />
        {mediatorPresent && <TextInput label={t('return.common.mediatorName')} required error={fieldError(errors.mediatorName)} {...form.register('mediatorName')} />}
        <Textarea
          label={t('return.counselling.minorWords')}
          description={t('return.counselling.minorWordsHint')}
          required
          autosize
          minRows={3}
          error={fieldError(errors.minorWords)}
          data-testid="counselling-words"
          {...form.register('minorWords')}
        />
        <Controller
          control={form.control}
          name="topics"
          render={({ field }) => (
            <TagsInput
              label={t('return.counselling.topics')}
              description={t('return.counselling.topicsHint')}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              ref={field.ref}
              name={field.name}
              maxTags={20}
              error={fieldError(errors.topics as Parameters<typeof fieldError>[0])}
            />
          )}
        />
        <Textarea label={t('return.counselling.notes')} autosize minRows={2} error={fieldError(errors.notes)} {...form.register('notes')} />
        <div>
          <Button type="submit" loading={mutation.isPending}>
            {t('return.counselling.submit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
};

// Counselling with the minor before the court (domain §3.11, [S18]): each session in the minor's
// own words, with the language and the mediator.
export const CounsellingSection = ({ caseId, caseDetail, file, collapsed = false }: SectionProps) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const canRecord = isIn(COUNSELLING_STATES, caseDetail.state);
  const [adding, setAdding] = useState(false);
  const sessions = file.counsellingSessions;
  const showForm = canRecord && (adding || sessions.length === 0);
  return (
    <ReturnSection collapsed={collapsed}
      id="counselling"
      title={t('return.sections.counselling')}
      intro={t('return.counselling.intro')}
      aside={
        canRecord && !showForm ? (
          <Button variant="light" onClick={() => setAdding(true)} data-testid="counselling-add">
            {t('return.counselling.add')}
          </Button>
        ) : undefined
      }
    >
      {sessions.length === 0 ? (
        <EmptyState testId="counselling-empty">{t(canRecord ? 'return.counselling.empty' : 'return.counselling.emptyClosed')}</EmptyState>
      ) : (
        <Stack gap="sm" component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
          {sessions.map((session) => (
            <Paper withBorder p="sm" component="li" key={session.id} data-testid="counselling-session">
              <Stack gap={4}>
                <Text fw={500}>
                  {formatCalendarDate(session.heldOn, locale)} · {session.counsellor}
                </Text>
                <Blockquote p="sm" cite={t('return.request.citeMinor', { language: session.language })}>
                  {session.minorWords}
                </Blockquote>
                {session.mediatorPresent && session.mediatorName && <Text size="sm">{t('return.common.mediator', { name: session.mediatorName })}</Text>}
                {session.topics.length > 0 && (
                  <Group gap={4}>
                    {session.topics.map((topic) => (
                      <Badge key={topic} variant="light" color="gray" tt="none">
                        {topic}
                      </Badge>
                    ))}
                  </Group>
                )}
                {session.notes && (
                  <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                    {session.notes}
                  </Text>
                )}
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}
      {showForm && <SessionForm caseId={caseId} onDone={() => setAdding(false)} />}
    </ReturnSection>
  );
};
