import { addYears, RecordProsieguoSchema, type RecordProsieguoInput } from '@app/contracts';
import { Button, Group, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '@/lib/auth';
import { applyServerFieldErrors, hasFieldErrorsFor, useFieldErrorText } from '@/lib/form-errors';
import { recordProsieguo } from '../api/return-api';
import { useReturnMutation } from '../api/return-queries';
import { RETURN_FIELD_ERRORS } from '../utils/return-errors';
import { addDays, todayIso } from '../utils/return-format';
import { returnResolver } from '../utils/return-zod';
import { CourtSelect } from './court-select';
import { DocumentPicker } from './document-picker';
import { ReturnError } from './return-error';
import { SubHeading } from './return-section';

// Prosieguo amministrativo (art. 13): continued support after 18, up to 21.

type ProsieguoValues = { courtOrganisationId: string; docketNumber: string; decidedOn: string; prosieguoUntil: string; decreeDocumentId: string; reasonsSummary: string };
const PROSIEGUO_FIELDS = ['courtOrganisationId', 'docketNumber', 'decidedOn', 'prosieguoUntil', 'decreeDocumentId', 'reasonsSummary'] as const;
const prosieguoResolver = returnResolver(RecordProsieguoSchema, (values: ProsieguoValues) => ({
  docketNumber: values.docketNumber,
  decidedOn: values.decidedOn,
  prosieguoUntil: values.prosieguoUntil,
  decreeDocumentId: values.decreeDocumentId || undefined,
  ...(values.courtOrganisationId ? { courtOrganisationId: values.courtOrganisationId } : {}),
  ...(values.reasonsSummary.trim() ? { reasonsSummary: values.reasonsSummary } : {}),
}));

export const ProsieguoForm = ({ caseId, eighteenthBirthday, onDone }: { caseId: string; eighteenthBirthday: string | null; onDone: () => void }) => {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const staff = user.role !== 'court';
  const fieldError = useFieldErrorText(RETURN_FIELD_ERRORS);
  const form = useForm<ProsieguoValues, unknown, RecordProsieguoInput>({
    resolver: prosieguoResolver,
    defaultValues: { courtOrganisationId: '', docketNumber: '', decidedOn: todayIso(), prosieguoUntil: '', decreeDocumentId: '', reasonsSummary: '' },
  });
  const { errors } = form.formState;
  const mutation = useReturnMutation(caseId, (input: RecordProsieguoInput) => recordProsieguo(caseId, input));
  const submit = form.handleSubmit((input) => {
    if (staff && !input.courtOrganisationId) {
      form.setError('courtOrganisationId', { type: 'required', message: 'validation.required' }, { shouldFocus: true });
      return;
    }
    mutation.mutate(input, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('return.court.prosieguoRecorded') });
        onDone();
      },
      onError: (error) => applyServerFieldErrors(error, form.setError, PROSIEGUO_FIELDS, {
        vocabulary: RETURN_FIELD_ERRORS,
        limits: { docketNumber: { min: 1, max: 60 }, reasonsSummary: { max: 4000 } },
      }),
    });
  });
  // After the 18th birthday, no later than the 21st (the server checks it too).
  const min = eighteenthBirthday ? addDays(eighteenthBirthday, 1) : undefined;
  const max = eighteenthBirthday ? addYears(eighteenthBirthday, 3) : undefined;
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="prosieguo-form-heading" data-testid="prosieguo-form">
      <Stack gap="sm">
        <SubHeading id="prosieguo-form-heading">{t('return.court.prosieguoHeading')}</SubHeading>
        <Text size="sm" c="dimmed">
          {t('return.court.prosieguoIntro')}
        </Text>
        {mutation.isError && !hasFieldErrorsFor(mutation.error, PROSIEGUO_FIELDS, RETURN_FIELD_ERRORS) && <ReturnError caseId={caseId} error={mutation.error} />}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {staff && (
            <CourtSelect control={form.control} name="courtOrganisationId" error={fieldError(errors.courtOrganisationId)} />
          )}
          <TextInput label={t('return.court.docketNumber')} required error={fieldError(errors.docketNumber)} {...form.register('docketNumber')} />
          <TextInput type="date" label={t('return.court.decidedOn')} required max={todayIso()} error={fieldError(errors.decidedOn)} {...form.register('decidedOn')} />
          <TextInput
            type="date"
            label={t('return.court.prosieguoUntil')}
            description={t('return.court.prosieguoUntilHint')}
            required
            min={min}
            max={max}
            error={fieldError(errors.prosieguoUntil)}
            {...form.register('prosieguoUntil')}
          />
        </SimpleGrid>
        <Controller
          control={form.control}
          name="decreeDocumentId"
          render={({ field }) => (
            <DocumentPicker
              caseId={caseId}
              label={t('return.court.decree')}
              types={['COURT_DECREE']}
              uploadType="COURT_DECREE"
              target="decree"
              uploadLabel={t('return.court.uploadDecree')}
              defaultTitle={t('return.court.prosieguoDecreeTitle')}
              value={field.value}
              onChange={field.onChange}
              required
              error={fieldError(errors.decreeDocumentId)}
              canList={staff}
              testId="prosieguo-decree"
            />
          )}
        />
        <Textarea label={t('return.court.reasonsSummary')} autosize minRows={2} error={fieldError(errors.reasonsSummary)} {...form.register('reasonsSummary')} />
        <Group gap="sm">
          <Button type="submit" loading={mutation.isPending}>
            {t('return.court.prosieguoSubmit')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};
