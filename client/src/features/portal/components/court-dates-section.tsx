import type { PortalCourtProceeding } from '@app/contracts';
import { Badge, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@/components/ui/query-state';
import { appNow } from '@/lib/clock';
import { formatCalendarDate } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import { formatDateTime } from '../utils/portal-format';
import { PortalSection } from './portal-section';

// A hearing still to come (a past one without a record is "planned", not "held").
const isUpcoming = (isoDateTime: string): boolean => new Date(isoDateTime).getTime() >= appNow().getTime();

const Proceeding = ({ proceeding }: { proceeding: PortalCourtProceeding }) => {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Stack gap={6} component="li" data-testid="court-proceeding">
      <Title order={3} size="h5">
        {t(`portal.court.kinds.${proceeding.kind}`, { defaultValue: proceeding.kind })}
      </Title>
      <Text size="sm">
        {proceeding.court.name} · {t('portal.court.docket', { docket: proceeding.docketNumber })}
      </Text>
      {proceeding.hearings.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('portal.court.noHearings')}
        </Text>
      ) : (
        <List size="sm" spacing={2}>
          {proceeding.hearings.map((hearing) => (
            <List.Item key={hearing.id} data-testid="court-hearing">
              {hearing.heldAt
                ? t('portal.court.hearingHeld', { date: formatDateTime(hearing.heldAt, locale) })
                : isUpcoming(hearing.scheduledAt)
                  ? t('portal.court.hearingScheduled', { date: formatDateTime(hearing.scheduledAt, locale) })
                  : t('portal.court.hearingPast', { date: formatDateTime(hearing.scheduledAt, locale) })}
            </List.Item>
          ))}
        </List>
      )}
      <Group gap="xs">
        <Text size="sm" fw={600}>
          {t('portal.court.outcome')}:
        </Text>
        {proceeding.decision ? (
          <Badge variant="light" tt="none" data-testid="court-outcome">
            {t('portal.court.decided', {
              outcome: t(`portal.court.outcomes.${proceeding.decision.outcome}`, { defaultValue: proceeding.decision.outcome }),
              date: formatCalendarDate(proceeding.decision.decidedOn, locale),
            })}
          </Badge>
        ) : (
          <Text size="sm">{t('portal.court.pending')}</Text>
        )}
      </Group>
    </Stack>
  );
};

// Court dates and outcomes for guardians and social services (domain §2): the proceeding, its
// hearings and the decision, never the court's file itself.
export const CourtDatesSection = ({ proceedings }: { proceedings: readonly PortalCourtProceeding[] }) => {
  const { t } = useTranslation();
  return (
    <PortalSection id="court-dates-heading" title={t('portal.court.heading')} intro={t('portal.court.intro')} testId="court-dates-section">
      {proceedings.length === 0 ? (
        <EmptyState testId="court-empty">{t('portal.court.empty')}</EmptyState>
      ) : (
        <Stack component="ul" gap="lg" m={0} p={0} style={{ listStyle: 'none' }}>
          {proceedings.map((proceeding) => (
            <Proceeding key={proceeding.id} proceeding={proceeding} />
          ))}
        </Stack>
      )}
    </PortalSection>
  );
};
