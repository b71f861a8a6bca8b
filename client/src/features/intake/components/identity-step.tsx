import { MinorDobBasisSchema, SexSchema, type MinorSearchCandidate } from '@app/contracts';
import { Alert, Button, Checkbox, Group, NumberInput, Radio, Select, SimpleGrid, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { Controller, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { formatCalendarDate, formatCountry } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import { countryOptions } from '@/lib/countries';
import { localToday } from '../utils/intake-form';
import { useIntakeError, type IntakeForm } from '../utils/use-intake-error';
import { DuplicateWarning } from './duplicate-warning';

type IdentityStepProps = {
  form: IntakeForm;
  existingMinor: MinorSearchCandidate | null;
  onUseExisting: (candidate: MinorSearchCandidate) => void;
  onClearExisting: () => void;
};

// The person already registered, for whom a new case is being opened.
const ExistingMinor = ({ minor, onClear }: { minor: MinorSearchCandidate; onClear: () => void }) => {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Alert color="blue" title={t('intake.existing.title')} data-testid="existing-minor">
      <Stack gap="xs">
        <Text fw={600}>
          {minor.firstName} {minor.lastName}
        </Text>
        <Text size="sm">
          {minor.dateOfBirth ? t('intake.duplicates.born', { date: formatCalendarDate(minor.dateOfBirth, locale) }) : t('intake.duplicates.bornUnknown')}
          {' · '}
          {formatCountry(minor.nationality, locale)}
        </Text>
        <Text size="sm">{t('intake.existing.body')}</Text>
        <div>
          <Button size="xs" variant="default" onClick={onClear}>
            {t('intake.existing.undo')}
          </Button>
        </div>
      </Stack>
    </Alert>
  );
};

// Only these components watch the typed values, so a keystroke re-renders them and not the whole
// step (whose country list is long).
const DuplicateCheck = ({ form, onUseExisting }: { form: IntakeForm; onUseExisting: (candidate: MinorSearchCandidate) => void }) => {
  const [firstName, lastName, dateOfBirth, dobIsDefaultJan1] = useWatch({
    control: form.control,
    name: ['minor.firstName', 'minor.lastName', 'minor.dateOfBirth', 'minor.dobIsDefaultJan1'],
  });
  return (
    <DuplicateWarning
      firstName={firstName}
      lastName={lastName}
      dateOfBirth={dateOfBirth}
      dobIsDefaultJan1={dobIsDefaultJan1}
      onUseExisting={onUseExisting}
    />
  );
};

// The assessed age range (DPCM 234/2016 art. 5), asked only when the age comes from an assessment.
const AgeRange = ({ form }: { form: IntakeForm }) => {
  const { t } = useTranslation();
  const error = useIntakeError(form.formState.errors);
  const dobBasis = useWatch({ control: form.control, name: 'minor.dobBasis' });
  if (dobBasis !== 'AGE_ASSESSMENT') return null;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      {(['minor.ageAssessmentMin', 'minor.ageAssessmentMax'] as const).map((name) => (
        <Controller
          key={name}
          control={form.control}
          name={name}
          render={({ field }) => (
            <NumberInput
              label={t(name === 'minor.ageAssessmentMin' ? 'intake.fields.ageAssessmentMin' : 'intake.fields.ageAssessmentMax')}
              required
              min={0}
              max={30}
              allowDecimal={false}
              allowNegative={false}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              ref={field.ref}
              name={field.name}
              error={error(name)}
            />
          )}
        />
      ))}
    </SimpleGrid>
  );
};

export const IdentityStep = ({ form, existingMinor, onUseExisting, onClearExisting }: IdentityStepProps) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const error = useIntakeError(form.formState.errors);
  if (existingMinor) return <ExistingMinor minor={existingMinor} onClear={onClearExisting} />;

  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('intake.fields.firstName')}
          required
          autoComplete="off"
          error={error('minor.firstName')}
          {...form.register('minor.firstName')}
        />
        <TextInput
          label={t('intake.fields.lastName')}
          required
          autoComplete="off"
          error={error('minor.lastName')}
          {...form.register('minor.lastName')}
        />
      </SimpleGrid>
      <Controller
        control={form.control}
        name="minor.aliases"
        render={({ field }) => (
          <TagsInput
            label={t('intake.fields.aliases')}
            description={t('intake.hints.aliases')}
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            ref={field.ref}
            name={field.name}
            clearable
            acceptValueOnBlur
            error={error('minor.aliases')}
          />
        )}
      />
      <TextInput
        type="date"
        label={t('intake.fields.dateOfBirth')}
        description={t('intake.hints.dateOfBirth')}
        max={localToday()}
        error={error('minor.dateOfBirth')}
        {...form.register('minor.dateOfBirth')}
      />
      <DuplicateCheck form={form} onUseExisting={onUseExisting} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Controller
          control={form.control}
          name="minor.sex"
          render={({ field }) => (
            <Radio.Group
              label={t('intake.fields.sex')}
              required
              value={field.value}
              onChange={field.onChange}
              name={field.name}
              error={error('minor.sex')}
            >
              <Group mt="xs">
                {SexSchema.options.map((sex, index) => (
                  <Radio key={sex} value={sex} label={t(`sex.${sex}`)} ref={index === 0 ? field.ref : undefined} onBlur={field.onBlur} />
                ))}
              </Group>
            </Radio.Group>
          )}
        />
        <Controller
          control={form.control}
          name="minor.nationality"
          render={({ field }) => (
            <Select
              label={t('intake.fields.nationality')}
              required
              searchable
              data={countryOptions(locale)}
              value={field.value || null}
              onChange={(value) => field.onChange(value ?? '')}
              onBlur={field.onBlur}
              ref={field.ref}
              name={field.name}
              nothingFoundMessage={t('intake.hints.noCountry')}
              error={error('minor.nationality')}
            />
          )}
        />
      </SimpleGrid>
      <Controller
        control={form.control}
        name="minor.languages"
        render={({ field }) => (
          <TagsInput
            label={t('intake.fields.languages')}
            description={t('intake.hints.languages')}
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            ref={field.ref}
            name={field.name}
            clearable
            acceptValueOnBlur
            error={error('minor.languages')}
          />
        )}
      />
      <Controller
        control={form.control}
        name="minor.dobBasis"
        render={({ field }) => (
          <Radio.Group
            label={t('intake.fields.dobBasis')}
            value={field.value}
            onChange={(value) => field.onChange(MinorDobBasisSchema.safeParse(value).data ?? 'DECLARED')}
            name={field.name}
            error={error('minor.dobBasis')}
          >
            <Group mt="xs">
              {MinorDobBasisSchema.options.map((basis, index) => (
                <Radio key={basis} value={basis} label={t(`intake.dobBasis.${basis}`)} ref={index === 0 ? field.ref : undefined} onBlur={field.onBlur} />
              ))}
            </Group>
          </Radio.Group>
        )}
      />
      <AgeRange form={form} />
      <Controller
        control={form.control}
        name="minor.dobIsDefaultJan1"
        render={({ field }) => (
          <Checkbox
            label={t('intake.fields.dobIsDefaultJan1')}
            description={t('intake.hints.dobIsDefaultJan1')}
            checked={field.value}
            onChange={(event) => field.onChange(event.currentTarget.checked)}
            onBlur={field.onBlur}
            ref={field.ref}
            name={field.name}
            error={error('minor.dobIsDefaultJan1')}
          />
        )}
      />
      <Controller
        control={form.control}
        name="minor.presumedMinor"
        render={({ field }) => (
          <Checkbox
            label={t('intake.fields.presumedMinor')}
            description={t('intake.hints.presumedMinor')}
            checked={field.value}
            onChange={(event) => field.onChange(event.currentTarget.checked)}
            onBlur={field.onBlur}
            ref={field.ref}
            name={field.name}
            error={error('minor.presumedMinor')}
          />
        )}
      />
    </Stack>
  );
};
