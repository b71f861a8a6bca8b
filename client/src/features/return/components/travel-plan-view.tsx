import type { TravelPlan } from '@app/contracts';
import { Alert, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatCalendarDate } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import { formatDateTime } from '../utils/return-format';

// The travel plan as recorded.

export const PlanView = ({ plan }: { plan: TravelPlan }) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const yes = (value: boolean) => t(value ? 'return.common.yes' : 'return.common.no');
  const rows: [string, string][] = [
    [t('return.travel.caregiver'), `${plan.receivingCaregiver.name} (${plan.receivingCaregiver.relationship})`],
    [t('return.travel.airportCollection'), yes(plan.airportCollection)],
    [t('return.travel.mission'), plan.receivingMission.name],
    [t('return.travel.documentType'), `${t(`return.travel.documentTypes.${plan.travelDocumentType}`)} · ${t(plan.travelDocumentReady ? 'return.travel.ready' : 'return.travel.notReady')}`],
    [t('return.travel.consularContact'), yes(plan.consularContact)],
    [
      t('return.travel.fitToTravel'),
      plan.fitToTravel && plan.fitnessAssessedOn ? t('return.travel.fitLine', { by: plan.fitnessAssessedBy ?? '', date: formatCalendarDate(plan.fitnessAssessedOn, locale) }) : yes(false),
    ],
    [
      t('return.travel.escort'),
      plan.escortRequired
        ? plan.escortName
          ? `${plan.escortName} (${plan.escortRole ?? ''})`
          : t('return.travel.escortToName')
        : plan.escortWaiver
          ? t('return.travel.waiverLine', { by: plan.escortWaiver.by.displayName, date: formatDateTime(plan.escortWaiver.at, locale), reason: plan.escortWaiver.reason })
          : t('return.travel.noEscort'),
    ],
    [t('return.travel.itinerary'), plan.itinerary],
    [t('return.travel.plannedDeparture'), formatDateTime(plan.plannedDeparture, locale)],
  ];
  return (
    <Stack gap={6} data-testid="travel-plan">
      {rows.map(([label, value]) => (
        <Group key={label} gap="xs" align="flex-start" wrap="nowrap">
          <Text size="sm" fw={600} w={220} style={{ flexShrink: 0 }}>
            {label}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {value}
          </Text>
        </Group>
      ))}
      {!plan.departureBeforeEighteen && (
        <Alert color="red" p="xs" data-testid="travel-too-late">
          {t('return.travel.departureTooLateLong')}
        </Alert>
      )}
    </Stack>
  );
};
