import { ArrivalModeSchema, ReceptionTypeSchema } from '@app/contracts';
import { Autocomplete, Checkbox, Fieldset, Select, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ITALIAN_REGIONS } from '@/lib/countries';
import { localToday } from '../utils/intake-form';
import { useIntakeError, type IntakeForm } from '../utils/use-intake-error';

// Arrival and placement in Italy, legal status and vulnerabilities. Where the minor lives, the
// protection status and health are protected data: the fieldsets say so.
export const PlacementStep = ({ form, existingMinor }: { form: IntakeForm; existingMinor: boolean }) => {
  const { t } = useTranslation();
  const error = useIntakeError(form.formState.errors);

  if (existingMinor) return <Text>{t('intake.existing.placementKept')}</Text>;

  return (
    <Stack>
      <Fieldset legend={t('intake.sections.arrival')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            type="date"
            label={t('intake.fields.arrivalDate')}
            max={localToday()}
            error={error('minor.arrivalDate')}
            {...form.register('minor.arrivalDate')}
          />
          <Controller
            control={form.control}
            name="minor.arrivalMode"
            render={({ field }) => (
              <Select
                label={t('intake.fields.arrivalMode')}
                clearable
                data={ArrivalModeSchema.options.map((mode) => ({ value: mode, label: t(`intake.arrivalMode.${mode}`) }))}
                value={field.value || null}
                onChange={(value) => field.onChange(value ?? '')}
                onBlur={field.onBlur}
                ref={field.ref}
                name={field.name}
                error={error('minor.arrivalMode')}
              />
            )}
          />
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend={t('intake.sections.placement')}>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('intake.hints.protectedLocation')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Controller
              control={form.control}
              name="minor.region"
              render={({ field }) => (
                <Autocomplete
                  label={t('intake.fields.region')}
                  data={ITALIAN_REGIONS}
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  ref={field.ref}
                  name={field.name}
                  autoComplete="off"
                  error={error('minor.region')}
                />
              )}
            />
            <TextInput label={t('intake.fields.municipality')} autoComplete="off" error={error('minor.municipality')} {...form.register('minor.municipality')} />
            <TextInput
              label={t('intake.fields.receptionFacility')}
              autoComplete="off"
              error={error('minor.receptionFacility')}
              {...form.register('minor.receptionFacility')}
            />
            <Controller
              control={form.control}
              name="minor.receptionType"
              render={({ field }) => (
                <Select
                  label={t('intake.fields.receptionType')}
                  clearable
                  data={ReceptionTypeSchema.options.map((type) => ({ value: type, label: t(`intake.receptionType.${type}`) }))}
                  value={field.value || null}
                  onChange={(value) => field.onChange(value ?? '')}
                  onBlur={field.onBlur}
                  ref={field.ref}
                  name={field.name}
                  error={error('minor.receptionType')}
                />
              )}
            />
          </SimpleGrid>
        </Stack>
      </Fieldset>
      <Fieldset legend={t('intake.sections.protection')}>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('intake.hints.protectedStatus')}
          </Text>
          <TextInput
            label={t('intake.fields.legalStatus')}
            description={t('intake.hints.legalStatus')}
            autoComplete="off"
            error={error('minor.legalStatus')}
            {...form.register('minor.legalStatus')}
          />
          <Controller
            control={form.control}
            name="minor.asylumApplicant"
            render={({ field }) => (
              <Checkbox
                label={t('intake.fields.asylumApplicant')}
                checked={field.value}
                onChange={(event) => field.onChange(event.currentTarget.checked)}
                onBlur={field.onBlur}
                ref={field.ref}
                name={field.name}
                error={error('minor.asylumApplicant')}
              />
            )}
          />
          <Controller
            control={form.control}
            name="minor.vulnerabilities"
            render={({ field }) => (
              <TagsInput
                label={t('intake.fields.vulnerabilities')}
                description={t('intake.hints.vulnerabilities')}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                ref={field.ref}
                name={field.name}
                clearable
                acceptValueOnBlur
                error={error('minor.vulnerabilities')}
              />
            )}
          />
          <Textarea
            label={t('intake.fields.traffickingIndicators')}
            autosize
            minRows={2}
            error={error('minor.traffickingIndicators')}
            {...form.register('minor.traffickingIndicators')}
          />
          <Textarea
            label={t('intake.fields.healthNotes')}
            autosize
            minRows={2}
            error={error('minor.healthNotes')}
            {...form.register('minor.healthNotes')}
          />
        </Stack>
      </Fieldset>
    </Stack>
  );
};
