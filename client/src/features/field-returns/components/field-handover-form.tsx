import { RecordHandoverSchema, type FieldReturnDetail, type ReceiverKind, type RecordHandoverInput } from '@app/contracts';
import { Alert, Button, List, Radio, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm, type FieldErrors } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { InlineUpload, ReceiverKindSelect, RETURN_FIELD_ERRORS, ReturnError, returnResolver, SignatoriesInput } from '@/features/return';
import { appNow } from '@/lib/clock';
import { applyServerFieldErrors, hasFieldErrorsFor, useFieldErrorText } from '@/lib/form-errors';
import { localDateTimeToIso, toLocalDateTimeInput } from '@/lib/form-values';
import { formatDateTime } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import type { FieldReturnActions } from '../api/field-returns-queries';

type HandoverValues = {
  arrivedAt: string;
  place: string;
  receivedByKind: ReceiverKind | '';
  receivedByName: string;
  signedBy: string[];
  protocolDocumentId: string;
  notes: string;
};
// In the order the form shows them (the summary of what is missing follows it).
const HANDOVER_FIELDS = ['arrivedAt', 'place', 'receivedByKind', 'receivedByName', 'signedBy', 'protocolDocumentId', 'notes'] as const;
type HandoverField = (typeof HANDOVER_FIELDS)[number];

// The monitoring schedule is the default one (+1, +3, +6 months): a longer one for a vulnerable
// child is IOM Rome's to add.
const handoverResolver = returnResolver(RecordHandoverSchema, (values: HandoverValues) => ({
  arrivedAt: localDateTimeToIso(values.arrivedAt),
  place: values.place,
  receivedByName: values.receivedByName,
  receivedByKind: values.receivedByKind || undefined,
  protocolDocumentId: values.protocolDocumentId || undefined,
  signedBy: values.signedBy,
  ...(values.notes.trim() ? { notes: values.notes } : {}),
}));

type Props = { detail: FieldReturnDetail; actions: FieldReturnActions };

// The mission confirms the arrival: when and where, who received the child, who signed the
// protocol, and the signed protocol itself (uploaded here first). Saving moves the case to
// "handed over" and schedules the monitoring visits.
export const FieldHandoverForm = ({ detail, actions }: Props) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const fieldError = useFieldErrorText(RETURN_FIELD_ERRORS);
  const [missing, setMissing] = useState<HandoverField[]>([]);
  const protocols = detail.documents.filter((document) => document.type === 'HANDOVER_PROTOCOL');
  const form = useForm<HandoverValues, unknown, RecordHandoverInput>({
    resolver: handoverResolver,
    defaultValues: {
      arrivedAt: toLocalDateTimeInput(appNow()),
      place: '',
      receivedByKind: '',
      receivedByName: detail.receivingCaregiver?.name ?? '',
      signedBy: [],
      protocolDocumentId: protocols[0]?.id ?? '',
      notes: '',
    },
  });
  const { errors } = form.formState;
  const mutation = useMutation({ mutationFn: actions.recordHandover });
  const labels: Record<HandoverField, string> = {
    arrivedAt: t('return.handover.arrivedAt'),
    place: t('return.handover.place'),
    receivedByKind: t('return.handover.receivedByKind'),
    receivedByName: t('return.handover.receivedByName'),
    signedBy: t('fieldReturns.handover.signatoriesMissing'),
    protocolDocumentId: t('fieldReturns.handover.protocolMissing'),
    notes: t('return.handover.notes'),
  };
  const submit = form.handleSubmit(
    (input) => {
      setMissing([]);
      mutation.mutate(input, {
        onSuccess: () => notifications.show({ color: 'green', message: t('return.handover.recorded') }),
        onError: (error) => {
          applyServerFieldErrors(error, form.setError, HANDOVER_FIELDS, {
            vocabulary: RETURN_FIELD_ERRORS,
            limits: { place: { min: 2, max: 200 }, receivedByName: { min: 2, max: 200 }, notes: { max: 4000 } },
          });
          setMissing(HANDOVER_FIELDS.filter((name) => hasFieldErrorsFor(error, [name], RETURN_FIELD_ERRORS)));
        },
      });
    },
    (found: FieldErrors<HandoverValues>) => setMissing(HANDOVER_FIELDS.filter((name) => found[name])),
  );

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="field-handover-heading" data-testid="field-handover-form">
      <Stack gap="sm">
        <Text fw={600} id="field-handover-heading">
          {t('return.handover.formHeading')}
        </Text>
        <Text size="sm" c="dimmed">
          {t('fieldReturns.handover.intro')}
        </Text>
        {missing.length > 0 && (
          <Alert color="red" title={t('fieldReturns.handover.missingTitle')} role="alert" data-testid="handover-missing">
            <List size="sm">
              {missing.map((name) => (
                <List.Item key={name}>{labels[name]}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        {mutation.isError && !hasFieldErrorsFor(mutation.error, HANDOVER_FIELDS, RETURN_FIELD_ERRORS) && <ReturnError caseId={detail.caseId} error={mutation.error} />}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput type="datetime-local" label={labels.arrivedAt} required max={toLocalDateTimeInput(appNow())} error={fieldError(errors.arrivedAt)} {...form.register('arrivedAt')} />
          <TextInput label={labels.place} description={t('return.handover.placeHint')} required error={fieldError(errors.place)} {...form.register('place')} />
          <Controller
            control={form.control}
            name="receivedByKind"
            render={({ field }) => (
              <ReceiverKindSelect {...field} error={fieldError(errors.receivedByKind)} />
            )}
          />
          <TextInput label={labels.receivedByName} required error={fieldError(errors.receivedByName)} {...form.register('receivedByName')} />
        </SimpleGrid>
        <Controller
          control={form.control}
          name="signedBy"
          render={({ field }) => (
            <SignatoriesInput {...field} error={fieldError(errors.signedBy as Parameters<typeof fieldError>[0])} />
          )}
        />
        <Controller
          control={form.control}
          name="protocolDocumentId"
          render={({ field }) => (
            <Radio.Group
              label={t('return.handover.protocol')}
              description={protocols.length === 0 ? t('fieldReturns.handover.noProtocol') : t('return.handover.protocolHint')}
              required
              value={field.value}
              onChange={field.onChange}
              name={field.name}
              error={fieldError(errors.protocolDocumentId)}
            >
              <Stack gap={4} mt="xs">
                {protocols.map((document) => (
                  <Radio key={document.id} value={document.id} label={`${document.title} (${formatDateTime(document.uploadedAt, locale)})`} />
                ))}
              </Stack>
            </Radio.Group>
          )}
        />
        <InlineUpload
          caseId={detail.caseId}
          target="document"
          type="HANDOVER_PROTOCOL"
          label={t('return.handover.uploadProtocol')}
          defaultTitle={t('return.handover.protocolTitle')}
          upload={actions.upload}
          onUploaded={(document) => {
            form.setValue('protocolDocumentId', document.id);
            form.clearErrors('protocolDocumentId');
            setMissing((names) => names.filter((name) => name !== 'protocolDocumentId'));
          }}
        />
        <Textarea label={labels.notes} autosize minRows={2} error={fieldError(errors.notes)} {...form.register('notes')} />
        <div>
          <Button type="submit" loading={mutation.isPending} data-testid="field-handover-submit">
            {t('return.handover.submit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
};
