import type { TracingRequestDetail } from '@app/contracts';
import { Alert, Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DetailList } from '@/components/ui/detail-list';
import { PageTitle } from '@/components/ui/page-title';
import { paths } from '@/config/paths';
import { formatCountry, formatInstantDate } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import { isOpenStatus, memberNames, personName } from '../utils/tracing-format';
import { AssessmentForm } from './assessment-form';
import { AssessmentView } from './assessment-view';
import { ContactAttemptForm } from './contact-attempt-form';
import { DoNotContactWarning } from './do-not-contact-warning';
import { DueDate } from './due-date';
import { FamilyConsentForm } from './family-consent-form';
import { ContactAttemptList, FamilyConsentList, OutcomeSummary } from './field-records';
import { OutcomeForm } from './outcome-form';
import { PacketView } from './packet-view';
import { TracingStatusBadge } from './tracing-status-badge';

// What the officer should do now, in one sentence.
const nextStepKey = (request: TracingRequestDetail): string => {
  if (isOpenStatus(request.status)) return request.contactAttempts.length === 0 ? 'tracing.request.next.firstAttempt' : 'tracing.request.next.outcome';
  if (request.status === 'COMPLETED') return request.assessment ? 'tracing.request.next.assessmentWritten' : 'tracing.request.next.assessment';
  return 'tracing.request.next.closed';
};

const ActionCard = ({ children }: { children: React.ReactNode }) => (
  <Card withBorder padding="md">
    {children}
  </Card>
);

type FieldRequestPageProps = {
  request: TracingRequestDetail;
  // Field officers record the field work; IOM Rome's staff read it here.
  canAct: boolean;
};

export const FieldRequestPage = ({ request, canAct }: FieldRequestPageProps) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const { packet } = request;
  const backLink = canAct ? (
    <Anchor component={Link} to={paths.tracingRequests()}>
      {t('tracing.request.back')}
    </Anchor>
  ) : (
    <Anchor component={Link} to={`${paths.caseDetail(request.caseId)}?tab=family`}>
      {t('tracing.request.backToCase')}
    </Anchor>
  );

  const summary = (
    <DetailList
      items={[
        { label: t('tracing.fields.status'), value: <TracingStatusBadge status={request.status} /> },
        { label: t('tracing.fields.mission'), value: request.mission.name },
        { label: t('tracing.fields.targetCountry'), value: formatCountry(request.targetCountry, locale) },
        { label: t('tracing.fields.sentAt'), value: formatInstantDate(request.sentAt, locale) },
        request.status === 'CANCELLED'
          ? { label: t('tracing.fields.cancelledAt'), value: request.cancelledAt ? formatInstantDate(request.cancelledAt, locale) : t('common.notAvailable') }
          : { label: t('tracing.fields.dueAt'), value: <DueDate dueAt={request.dueAt} overdue={request.overdue} /> },
      ]}
    />
  );

  // Cancelled (e.g. the minor withdrew consent): the server no longer shows the packet, and
  // nothing more may be done.
  if (request.status === 'CANCELLED' || !packet) {
    return (
      <Stack maw={1100}>
        {backLink}
        <PageTitle documentTitle={t('tracing.request.documentTitle')}>{t('tracing.request.cancelledTitle')}</PageTitle>
        <Alert color="red" title={t('tracing.request.cancelledAlertTitle')} data-testid="tracing-cancelled">
          <Stack gap={4}>
            <Text>{t('tracing.request.cancelledBody')}</Text>
            {request.cancelReason && <Text size="sm">{t('tracing.request.cancelReason', { reason: request.cancelReason })}</Text>}
          </Stack>
        </Alert>
        <Card withBorder padding="md">{summary}</Card>
      </Stack>
    );
  }

  const names = memberNames(packet.targetMembers, packet.otherMembers, packet.doNotContact);
  const open = isOpenStatus(request.status);
  const located = request.status === 'COMPLETED' && request.outcome === 'LOCATED';
  const interviewConsent = request.familyConsents.some((consent) => consent.scope === 'INTERVIEW' && !consent.withdrawnAt);

  return (
    <Stack maw={1100}>
      {backLink}
      <PageTitle documentTitle={t('tracing.request.documentTitle')}>{t('tracing.request.title', { name: personName(packet.minor) })}</PageTitle>
      <Card withBorder padding="md">
        <Stack gap="sm">
          {summary}
          <Text fw={600} data-testid="tracing-next-step">
            {t(nextStepKey(request))}
          </Text>
        </Stack>
      </Card>
      <DoNotContactWarning people={packet.doNotContact} />
      <PacketView packet={packet} />

      <Card withBorder padding="md" component="section" aria-labelledby="field-records-heading" data-testid="field-records">
        <Title order={2} size="h4" mb="sm" id="field-records-heading">
          {t('tracing.request.recordsHeading')}
        </Title>
        <Stack gap="lg">
          <ContactAttemptList attempts={request.contactAttempts} names={names} />
          <FamilyConsentList consents={request.familyConsents} names={names} />
          <OutcomeSummary request={request} />
        </Stack>
      </Card>

      {canAct && (open || located) && (
        <Stack gap="md" component="section" aria-labelledby="field-actions-heading">
          <Title order={2} size="h4" id="field-actions-heading">
            {t('tracing.request.actionsHeading')}
          </Title>
          {open && (
            <ActionCard>
              <ContactAttemptForm requestId={request.id} packet={packet} sentAt={request.sentAt} />
            </ActionCard>
          )}
          <ActionCard>
            <FamilyConsentForm requestId={request.id} packet={packet} defaultScope={located && interviewConsent ? 'SHARE_REPORT' : 'INTERVIEW'} />
          </ActionCard>
          {open && (
            <ActionCard>
              <OutcomeForm requestId={request.id} attemptCount={request.contactAttempts.length} />
            </ActionCard>
          )}
          {located && (
            <ActionCard>
              <Stack>
                {!interviewConsent && (
                  <Alert color="yellow" data-testid="assessment-needs-consent">
                    {t('tracing.assessment.needsConsent')}
                  </Alert>
                )}
                <AssessmentForm requestId={request.id} assessment={request.assessment} interviewMode={request.interviewMode} />
              </Stack>
            </ActionCard>
          )}
        </Stack>
      )}

      {canAct && !open && !located && (
        <Alert color="gray" data-testid="tracing-closed">
          {t('tracing.request.closedBody')}
        </Alert>
      )}

      {!canAct && request.assessment && (
        <Card withBorder padding="md" component="section" aria-labelledby="field-assessment-heading">
          <Title order={2} size="h4" mb="sm" id="field-assessment-heading">
            {t('tracing.assessment.viewHeading')}
          </Title>
          <AssessmentView assessment={request.assessment} />
        </Card>
      )}
    </Stack>
  );
};
