import { ChannelSchema, PrioritySchema, type DirectoryOrganisation, type DirectoryUser } from '@app/contracts';
import { Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { localToday, REQUESTER_TYPES, type IntakeFieldName } from '../utils/intake-form';
import { useIntakeError, type IntakeForm } from '../utils/use-intake-error';

export type IntakeDirectory = {
  organisations: readonly DirectoryOrganisation[];
  guardians: readonly DirectoryUser[];
  // Only a supervisor chooses the caseworker; a caseworker registers cases for themself.
  caseworkers: readonly DirectoryUser[] | null;
};

type Option = { value: string; label: string };
type Group = { group: string; items: Option[] };

type PickProps = {
  form: IntakeForm;
  name: Extract<IntakeFieldName, 'channel' | 'priority' | 'requestingOrganisationId' | 'assignedCaseworkerId' | 'guardianUserId' | 'socialServicesOrganisationId'>;
  label: string;
  description?: string;
  data: Option[] | Group[];
  required?: boolean;
  error: string | undefined;
};

const Pick = ({ form, name, label, description, data, required = false, error }: PickProps) => {
  const { t } = useTranslation();
  return (
    <Controller
      control={form.control}
      name={name}
      render={({ field }) => (
        <Select
          label={label}
          description={description}
          required={required}
          clearable={!required}
          searchable
          data={data}
          value={field.value || null}
          onChange={(value) => field.onChange(value ?? '')}
          onBlur={field.onBlur}
          ref={field.ref}
          name={field.name}
          nothingFoundMessage={t('intake.hints.noOption')}
          error={error}
        />
      )}
    />
  );
};

// The request: who asked, when, through which channel, and who works on the case.
export const RequestStep = ({ form, directory }: { form: IntakeForm; directory: IntakeDirectory }) => {
  const { t } = useTranslation();
  const error = useIntakeError(form.formState.errors);
  const requesters: Group[] = REQUESTER_TYPES.map((type) => ({
    group: t(`organisationTypes.${type}`),
    items: directory.organisations.filter((org) => org.type === type).map((org) => ({ value: org.id, label: org.name })),
  })).filter((group) => group.items.length > 0);
  const socialServices = directory.organisations
    .filter((org) => org.type === 'SOCIAL_SERVICES')
    .map((org) => ({ value: org.id, label: org.name }));
  const people = (users: readonly DirectoryUser[]) =>
    users.map((user) => ({ value: user.id, label: `${user.name} — ${user.organisationName}` }));

  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Pick
          form={form}
          name="channel"
          label={t('intake.fields.channel')}
          required
          data={ChannelSchema.options.map((channel) => ({ value: channel, label: t(`channels.${channel}`) }))}
          error={error('channel')}
        />
        <Pick
          form={form}
          name="requestingOrganisationId"
          label={t('intake.fields.requestingOrganisation')}
          description={t('intake.hints.requestingOrganisation')}
          required
          data={requesters}
          error={error('requestingOrganisationId')}
        />
        <TextInput type="date" label={t('intake.fields.requestDate')} required max={localToday()} error={error('requestDate')} {...form.register('requestDate')} />
        <TextInput
          label={t('intake.fields.dgProtocolNo')}
          description={t('intake.hints.dgProtocolNo')}
          autoComplete="off"
          error={error('dgProtocolNo')}
          {...form.register('dgProtocolNo')}
        />
        <Pick
          form={form}
          name="priority"
          label={t('intake.fields.priority')}
          required
          data={PrioritySchema.options.map((priority) => ({ value: priority, label: t(`priority.${priority}`) }))}
          error={error('priority')}
        />
        {directory.caseworkers && (
          <Pick
            form={form}
            name="assignedCaseworkerId"
            label={t('intake.fields.assignedCaseworker')}
            required
            data={people(directory.caseworkers)}
            error={error('assignedCaseworkerId')}
          />
        )}
        <Pick
          form={form}
          name="guardianUserId"
          label={t('intake.fields.guardian')}
          description={t('intake.hints.guardian')}
          data={people(directory.guardians)}
          error={error('guardianUserId')}
        />
        <Pick
          form={form}
          name="socialServicesOrganisationId"
          label={t('intake.fields.socialServices')}
          description={t('intake.hints.socialServices')}
          data={socialServices}
          error={error('socialServicesOrganisationId')}
        />
      </SimpleGrid>
      <Textarea
        label={t('intake.fields.internalNotes')}
        description={t('intake.hints.internalNotes')}
        autosize
        minRows={2}
        error={error('internalNotes')}
        {...form.register('internalNotes')}
      />
    </Stack>
  );
};
