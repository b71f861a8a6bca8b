import { Button, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReturnMutation } from '../api/return-queries';
import { ReturnError } from './return-error';

// A small form: one text and a button (cancelling a visit, resolving a concern).

type OneTextFormProps<T> = {
  caseId: string;
  label: string;
  name: string;
  submitLabel: string;
  testId: string;
  run: (text: string) => Promise<T>;
  done: string;
  onDone: () => void;
  extra?: { label: string; name: string };
  schemaCheck: (text: string, extra: string) => { ok: boolean; field?: 'text' | 'extra' };
};

export const OneTextForm = <T,>({ caseId, label, submitLabel, testId, run, done, onDone, extra, schemaCheck }: OneTextFormProps<T>) => {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [extraText, setExtraText] = useState('');
  const [invalid, setInvalid] = useState<'text' | 'extra' | null>(null);
  const mutation = useReturnMutation(caseId, () => run(text));
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const check = schemaCheck(text, extraText);
    if (!check.ok) {
      setInvalid(check.field ?? 'text');
      return;
    }
    setInvalid(null);
    mutation.mutate(undefined, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: done });
        onDone();
      },
    });
  };
  return (
    <form onSubmit={submit} noValidate data-testid={testId}>
      <Stack gap="xs">
        {mutation.isError && <ReturnError caseId={caseId} error={mutation.error} />}
        {extra && (
          <TextInput label={extra.label} required value={extraText} onChange={(event) => setExtraText(event.currentTarget.value)} error={invalid === 'extra' ? t('validation.tooShort', { minimum: 2 }) : undefined} />
        )}
        <Textarea label={label} required autosize minRows={2} value={text} onChange={(event) => setText(event.currentTarget.value)} error={invalid === 'text' ? t('validation.tooShort', { minimum: 3 }) : undefined} />
        <Group gap="xs">
          <Button type="submit" size="xs" loading={mutation.isPending}>
            {submitLabel}
          </Button>
          <Button size="xs" variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};
