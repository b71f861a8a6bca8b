import { isClosedState, PHASE_BY_STATE, TRACING_SENDABLE_STATES, type CaseDetail } from '@app/contracts';
import { Card, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { EmptyState, SectionError, SectionSkeleton } from '@/components/ui/query-state';
import { tracingQueries } from '../api/tracing-queries';
import { memberNames } from '../utils/tracing-format';
import { AssessmentMeta } from './assessment-view';
import { CaseTracingRequest } from './case-tracing-request';
import { FamilyConsentList } from './field-records';
import { SendTracingForm } from './send-tracing-form';
import { TranslationForm } from './translation-form';

// States in which a packet may be sent (the server's rule, tracing.service.ts).

export type CaseTracingPanelProps = { caseId: string; caseDetail: CaseDetail };

// The send form needs the family from the case file; loaded only when a packet can be sent.
const SendSection = ({ caseId, caseDetail }: CaseTracingPanelProps) => {
  const { t } = useTranslation();
  const fileQuery = useQuery(tracingQueries.caseFile(caseId));
  return (
    <Card withBorder padding="lg">
      {fileQuery.isPending && <SectionSkeleton rowHeight={32} testId="tracing-loading" />}
      {fileQuery.isError && (
        <SectionError
          error={fileQuery.error}
          onRetry={() => void fileQuery.refetch()}
          retrying={fileQuery.isFetching}
          titleKey="tracing.load.failed"
          retryKey="tracing.load.retry"
          testId="tracing-load-error"
        />
      )}
      {fileQuery.isSuccess &&
        (fileQuery.data.familyMembers.length === 0 ? (
          <Stack gap="xs" data-testid="tracing-send-no-family">
            <Title order={3} size="h5">
              {t('tracing.sendForm.heading')}
            </Title>
            <Text>{t('tracing.sendForm.noFamily')}</Text>
          </Stack>
        ) : (
          <SendTracingForm caseId={caseId} caseDetail={caseDetail} familyMembers={fileQuery.data.familyMembers} />
        ))}
    </Card>
  );
};

// "Family & tracing" for IOM Rome: the case's tracing requests and what the missions recorded, the
// form to send a new packet, the family's consents, and the assessment with its Italian translation.
export const CaseTracingPanel = ({ caseId, caseDetail }: CaseTracingPanelProps) => {
  const { t } = useTranslation();
  const tracingQuery = useQuery(tracingQueries.caseTracing(caseId));
  const canSend = TRACING_SENDABLE_STATES.includes(caseDetail.state);
  const closed = isClosedState(caseDetail.state);
  const tracing = tracingQuery.data;
  // Names for the consents: every relative named in any packet of the case.
  const names = memberNames(
    ...(tracing?.requests ?? []).flatMap((request) =>
      request.packet ? [request.packet.targetMembers, request.packet.otherMembers, request.packet.doNotContact] : [],
    ),
  );

  return (
    <Stack gap="lg" data-testid="case-tracing-panel">
      <Card withBorder padding="lg" component="section" aria-labelledby="case-tracing-requests-heading">
        <Title order={2} size="h4" mb="sm" id="case-tracing-requests-heading">
          {t('tracing.panel.heading')}
        </Title>
        {tracingQuery.isPending && <SectionSkeleton rowHeight={32} testId="tracing-loading" />}
        {tracingQuery.isError && (
          <SectionError
            error={tracingQuery.error}
            onRetry={() => void tracingQuery.refetch()}
            retrying={tracingQuery.isFetching}
            titleKey="tracing.load.failed"
            retryKey="tracing.load.retry"
            testId="tracing-load-error"
          />
        )}
        {tracing && (
          <Stack gap="md">
            {tracing.requests.length === 0 ? (
              <EmptyState testId="case-tracing-empty">
                {canSend ? t('tracing.panel.emptyCanSend') : PHASE_BY_STATE[caseDetail.state] === 'intake' ? t('tracing.panel.emptyNotReady') : t('tracing.panel.empty')}
              </EmptyState>
            ) : (
              [...tracing.requests].reverse().map((request) => <CaseTracingRequest key={request.id} request={request} />)
            )}
          </Stack>
        )}
      </Card>

      {canSend && <SendSection caseId={caseId} caseDetail={caseDetail} />}

      {tracing && (
        <Card withBorder padding="lg" component="section" aria-labelledby="case-tracing-consents-heading">
          <Title order={2} size="h4" mb="sm" id="case-tracing-consents-heading">
            {t('tracing.panel.consentsHeading')}
          </Title>
          <FamilyConsentList consents={tracing.familyConsents} names={names} />
        </Card>
      )}

      {tracing?.assessment && (
        <Card withBorder padding="lg" component="section" aria-labelledby="case-tracing-assessment-heading" data-testid="case-assessment">
          <Title order={2} size="h4" mb="sm" id="case-tracing-assessment-heading">
            {t('tracing.assessment.viewHeading')}
          </Title>
          <Stack gap="lg">
            <AssessmentMeta assessment={tracing.assessment} />
            <TranslationForm key={tracing.assessment.id} caseId={caseId} assessment={tracing.assessment} canEdit={!closed} />
          </Stack>
        </Card>
      )}
    </Stack>
  );
};
