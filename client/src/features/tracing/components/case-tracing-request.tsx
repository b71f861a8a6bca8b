import type { TracingRequestDetail } from '@app/contracts';
import { Alert, Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DetailList } from '@/components/ui/detail-list';
import { paths } from '@/config/paths';
import { formatCountry, formatInstantDate } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import { memberNames, personName } from '../utils/tracing-format';
import { DueDate } from './due-date';
import { ContactAttemptList, OutcomeSummary } from './field-records';
import { TracingStatusBadge } from './tracing-status-badge';

// One request as IOM Rome follows it: where it went, when it is due, what the mission has done.
export const CaseTracingRequest = ({ request }: { request: TracingRequestDetail }) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const packet = request.packet;
  const names = packet ? memberNames(packet.targetMembers, packet.otherMembers, packet.doNotContact) : new Map<string, string>();
  const headingId = `case-tracing-request-${request.id}`;
  return (
    <Card component="article" withBorder padding="md" aria-labelledby={headingId} data-testid="case-tracing-request" data-status={request.status}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Title order={3} size="h5" id={headingId}>
            {t('tracing.panel.requestTitle', { mission: request.mission.name, date: formatInstantDate(request.sentAt, locale) })}
          </Title>
          <TracingStatusBadge status={request.status} />
        </Group>
        {request.status === 'CANCELLED' && (
          <Alert color="gray" data-testid="case-tracing-cancelled">
            {t('tracing.panel.cancelled', {
              date: request.cancelledAt ? formatInstantDate(request.cancelledAt, locale) : t('common.notAvailable'),
              reason: request.cancelReason ?? t('common.notAvailable'),
            })}
          </Alert>
        )}
        <DetailList
          items={[
            { label: t('tracing.fields.mission'), value: request.mission.name },
            { label: t('tracing.fields.targetCountry'), value: formatCountry(request.targetCountry, locale) },
            { label: t('tracing.fields.sentAt'), value: formatInstantDate(request.sentAt, locale) },
            { label: t('tracing.fields.dueAt'), value: <DueDate dueAt={request.dueAt} overdue={request.overdue} /> },
            {
              label: t('tracing.panel.targets'),
              value: packet && packet.targetMembers.length > 0 ? packet.targetMembers.map((member) => `${personName(member)} (${member.relationship})`).join(', ') : t('common.notAvailable'),
            },
            { label: t('tracing.panel.questions'), value: packet ? packet.questions.length : t('common.notAvailable') },
          ]}
        />
        <ContactAttemptList attempts={request.contactAttempts} names={names} headingOrder={4} />
        <OutcomeSummary request={request} headingOrder={4} />
        <Text size="sm">
          <Anchor component={Link} to={paths.tracingRequest(request.id)}>
            {t('tracing.panel.openRequest')}
          </Anchor>
        </Text>
      </Stack>
    </Card>
  );
};
