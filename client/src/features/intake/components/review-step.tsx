import type { MinorSearchCandidate } from '@app/contracts';
import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DetailList, type DetailItem } from '@/components/ui/detail-list';
import { formatCalendarDate, formatCountry } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import type { IntakeForm } from '../utils/use-intake-error';
import type { IntakeDirectory } from './request-step';

type ReviewStepProps = {
  form: IntakeForm;
  directory: IntakeDirectory;
  existingMinor: MinorSearchCandidate | null;
  onEdit: (step: number) => void;
  stepTitles: readonly string[];
};

const Section = ({ title, items, onEdit, editLabel }: { title: string; items: DetailItem[]; onEdit: () => void; editLabel: string }) => (
  <Card withBorder padding="md">
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3} size="h5">
          {title}
        </Title>
        <Button size="xs" variant="subtle" onClick={onEdit} aria-label={`${editLabel}: ${title}`}>
          {editLabel}
        </Button>
      </Group>
      <DetailList items={items} />
    </Stack>
  </Card>
);

// Everything entered, in one place, before the case is created.
export const ReviewStep = ({ form, directory, existingMinor, onEdit, stepTitles }: ReviewStepProps) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const values = useWatch({ control: form.control });
  const none = t('common.notAvailable');
  const text = (value: string | undefined) => (value && value.trim() ? value.trim() : none);
  const date = (value: string | undefined) => (value ? formatCalendarDate(value, locale) : none);
  const yesNo = (value: boolean | undefined) => t(value ? 'intake.review.yes' : 'intake.review.no');
  const joined = (list: (string | undefined)[] | undefined) => (list && list.length ? list.filter(Boolean).join(', ') : none);
  const organisation = (id: string | undefined) => directory.organisations.find((org) => org.id === id)?.name ?? none;
  const person = (id: string | undefined, users: readonly { id: string; name: string }[] | null) => users?.find((user) => user.id === id)?.name ?? none;
  const m = values.minor ?? {};

  const identity: DetailItem[] = existingMinor
    ? [
        { label: t('intake.review.existingMinor'), value: `${existingMinor.firstName} ${existingMinor.lastName}` },
        { label: t('intake.fields.dateOfBirth'), value: date(existingMinor.dateOfBirth ?? undefined) },
        { label: t('intake.fields.nationality'), value: formatCountry(existingMinor.nationality, locale) },
      ]
    : [
        { label: t('intake.review.name'), value: `${text(m.firstName)} ${text(m.lastName)}` },
        { label: t('intake.fields.aliases'), value: joined(m.aliases) },
        { label: t('intake.fields.sex'), value: m.sex ? t(`sex.${m.sex}`) : none },
        { label: t('intake.fields.nationality'), value: m.nationality ? formatCountry(m.nationality, locale) : none },
        { label: t('intake.fields.languages'), value: joined(m.languages) },
        { label: t('intake.fields.dateOfBirth'), value: date(m.dateOfBirth) },
        { label: t('intake.fields.dobBasis'), value: m.dobBasis ? t(`intake.dobBasis.${m.dobBasis}`) : none },
        ...(m.dobBasis === 'AGE_ASSESSMENT'
          ? [{ label: t('intake.review.ageRange'), value: t('intake.review.ageRangeValue', { min: m.ageAssessmentMin, max: m.ageAssessmentMax }) }]
          : []),
        { label: t('intake.fields.dobIsDefaultJan1'), value: yesNo(m.dobIsDefaultJan1) },
        { label: t('intake.fields.presumedMinor'), value: yesNo(m.presumedMinor) },
      ];
  const placement: DetailItem[] = existingMinor
    ? [{ label: t('intake.sections.placement'), value: t('intake.existing.placementKept') }]
    : [
        { label: t('intake.fields.arrivalDate'), value: date(m.arrivalDate) },
        { label: t('intake.fields.arrivalMode'), value: m.arrivalMode ? t(`intake.arrivalMode.${m.arrivalMode}`) : none },
        { label: t('intake.fields.region'), value: text(m.region) },
        { label: t('intake.fields.municipality'), value: text(m.municipality) },
        { label: t('intake.fields.receptionFacility'), value: text(m.receptionFacility) },
        { label: t('intake.fields.receptionType'), value: m.receptionType ? t(`intake.receptionType.${m.receptionType}`) : none },
        { label: t('intake.fields.legalStatus'), value: text(m.legalStatus) },
        { label: t('intake.fields.asylumApplicant'), value: yesNo(m.asylumApplicant) },
        { label: t('intake.fields.vulnerabilities'), value: joined(m.vulnerabilities) },
        { label: t('intake.fields.traffickingIndicators'), value: text(m.traffickingIndicators) },
        { label: t('intake.fields.healthNotes'), value: text(m.healthNotes) },
      ];
  const request: DetailItem[] = [
    { label: t('intake.fields.channel'), value: values.channel ? t(`channels.${values.channel}`) : none },
    { label: t('intake.fields.requestingOrganisation'), value: organisation(values.requestingOrganisationId) },
    { label: t('intake.fields.requestDate'), value: date(values.requestDate) },
    { label: t('intake.fields.dgProtocolNo'), value: text(values.dgProtocolNo) },
    { label: t('intake.fields.priority'), value: values.priority ? t(`priority.${values.priority}`) : none },
    ...(directory.caseworkers
      ? [{ label: t('intake.fields.assignedCaseworker'), value: person(values.assignedCaseworkerId, directory.caseworkers) }]
      : []),
    { label: t('intake.fields.guardian'), value: person(values.guardianUserId, directory.guardians) },
    { label: t('intake.fields.socialServices'), value: organisation(values.socialServicesOrganisationId) },
    { label: t('intake.fields.internalNotes'), value: text(values.internalNotes) },
  ];

  return (
    <Stack>
      <Text>{t('intake.review.intro')}</Text>
      <Section title={stepTitles[0] ?? ''} items={identity} onEdit={() => onEdit(0)} editLabel={t('intake.review.edit')} />
      <Section title={stepTitles[1] ?? ''} items={placement} onEdit={() => onEdit(1)} editLabel={t('intake.review.edit')} />
      <Section title={stepTitles[2] ?? ''} items={request} onEdit={() => onEdit(2)} editLabel={t('intake.review.edit')} />
    </Stack>
  );
};
