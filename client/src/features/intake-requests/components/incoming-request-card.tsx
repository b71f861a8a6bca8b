import { isClosedState, type IncomingRequest } from '@app/contracts';
import { Anchor, Badge, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DetailList } from '@/components/ui/detail-list';
import { paths } from '@/config/paths';
import { CaseStateBadge } from '@/features/cases';
import { formatCalendarDate, formatCountry, formatInstantDate } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import type { AssignTarget } from './assign-caseworker-modal';

type IncomingRequestCardProps = { request: IncomingRequest; onAssign: (target: AssignTarget) => void };

// One request as the office sent it: who asked and when, the minor, the office's questions, and
// whether a caseworker has the case yet.
export const IncomingRequestCard = ({ request, onAssign }: IncomingRequestCardProps) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const { minor } = request;
  const assigned = request.assignedCaseworker;
  const closed = isClosedState(request.state);
  const headingId = `incoming-request-${request.id}`;
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={headingId} data-testid="incoming-request">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Stack gap={2}>
            <Title order={2} size="h4" id={headingId}>
              {minor.firstName} {minor.lastName}
            </Title>
            <Anchor component={Link} to={paths.caseDetail(request.caseId)} size="sm">
              {t('intakeRequests.item.openCase', { caseNumber: request.caseNumber })}
            </Anchor>
          </Stack>
          <Group gap="xs">
            <CaseStateBadge state={request.state} />
            {assigned ? (
              <Badge color="green" variant="light" tt="none" data-testid="incoming-assigned">
                {t('intakeRequests.item.assignedTo', { name: assigned.name })}
              </Badge>
            ) : (
              <Badge color="orange" variant="filled" tt="none" data-testid="incoming-assigned">
                {t('intakeRequests.item.unassigned')}
              </Badge>
            )}
          </Group>
        </Group>
        <DetailList
          items={[
            { label: t('intakeRequests.item.office'), value: t('intakeRequests.item.officeBy', { office: request.organisation.name, name: request.submittedBy.displayName }) },
            { label: t('intakeRequests.item.receivedAt'), value: formatInstantDate(request.submittedAt, locale) },
            { label: t('intakeRequests.item.nationality'), value: formatCountry(minor.nationality, locale) },
            {
              label: t('intakeRequests.item.dateOfBirth'),
              value: minor.dateOfBirth ? formatCalendarDate(minor.dateOfBirth, locale) : t('intakeRequests.item.dateOfBirthUnknown'),
            },
            {
              label: t('intakeRequests.item.channel'),
              value: request.dgProtocolNo
                ? t('intakeRequests.item.channelWithProtocol', { channel: t(`channels.${request.channel}`), protocol: request.dgProtocolNo })
                : t(`channels.${request.channel}`),
            },
          ]}
        />
        <Stack gap={4}>
          <Text fw={600} size="sm">
            {t('intakeRequests.item.questions')}
          </Text>
          {request.questions.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('intakeRequests.item.noQuestions')}
            </Text>
          ) : (
            <List size="sm" type="ordered" data-testid="incoming-questions">
              {request.questions.map((question, index) => (
                <List.Item key={index}>{question}</List.Item>
              ))}
            </List>
          )}
        </Stack>
        {request.familyInformation && (
          <Stack gap={4}>
            <Text fw={600} size="sm">
              {t('intakeRequests.item.familyInformation')}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {request.familyInformation}
            </Text>
          </Stack>
        )}
        <Group>
          {closed ? (
            <Text size="sm" c="dimmed">
              {t('intakeRequests.item.closed')}
            </Text>
          ) : (
            <Button
              variant={assigned ? 'default' : 'filled'}
              onClick={() => onAssign({ caseId: request.caseId, caseNumber: request.caseNumber, current: assigned })}
              data-testid="incoming-assign"
              aria-label={t(assigned ? 'intakeRequests.item.reassignFor' : 'intakeRequests.item.assignFor', { caseNumber: request.caseNumber })}
            >
              {t(assigned ? 'intakeRequests.item.reassign' : 'intakeRequests.item.assign')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
};
