import type { CaseDetail, Report } from '@app/contracts';
import { Button, Card, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { EmptyState, SectionError, SectionSkeleton } from '@/components/ui/query-state';
import { useCurrentUser } from '@/lib/auth';
import { useStartReport } from '../api/report-mutations';
import { reportQueries } from '../api/reports-queries';
import { canWorkOnReports } from '../utils/report-access';
import { ReportActionError } from './report-action-error';
import { ReportCard } from './report-card';

export type ReportsPanelProps = {
  caseId: string;
  caseDetail: CaseDetail;
  // Other ways to start a report, shown under the panel's own (the return's part-2 reports): the
  // app composes them, so this feature does not depend on the return feature.
  starters?: (items: readonly Report[]) => React.ReactNode;
};

const Section = ({ children }: { children: React.ReactNode }) => {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="case-reports-heading" data-testid="reports-section">
      <Title order={2} size="h4" mb="sm" id="case-reports-heading">
        {t('reports.heading')}
      </Title>
      {children}
    </Card>
  );
};

// The case's reports to the authorities (domain §5): staff see every version with its status,
// the disclosure register and the actions their role allows. External users have no list to
// read yet (the API serves them the PDF of a release addressed to them only).
export const ReportsPanel = ({ caseId, caseDetail, starters }: ReportsPanelProps) => {
  const user = useCurrentUser();
  if (!canWorkOnReports(user.role)) return <ExternalReports />;
  return <StaffReports caseId={caseId} caseDetail={caseDetail} starters={starters} />;
};

const ExternalReports = () => {
  const { t } = useTranslation();
  return (
    <Section>
      <EmptyState testId="reports-empty">{t('reports.empty.external')}</EmptyState>
    </Section>
  );
};

const StaffReports = ({ caseId, caseDetail, starters }: ReportsPanelProps) => {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const reportsQuery = useQuery({ ...reportQueries.list(caseId), refetchOnWindowFocus: false });
  const start = useStartReport(caseId);

  if (!reportsQuery.isSuccess) {
    return (
      <Section>
        {reportsQuery.isError ? (
          <SectionError error={reportsQuery.error} onRetry={() => void reportsQuery.refetch()} retrying={reportsQuery.isFetching} />
        ) : (
          <SectionSkeleton />
        )}
      </Section>
    );
  }

  const { items, startable } = reportsQuery.data;
  const existing = startable ? items.find((report) => report.kind === startable) : undefined;
  const startReport = () =>
    start.mutate(undefined, { onSuccess: () => notifications.show({ color: 'green', message: t('reports.start.started') }) });

  return (
    <Stack gap="lg">
      <Section>
        <Stack gap="sm">
          {items.length === 0 && (
            <EmptyState testId="reports-empty">
              {t(caseDetail.state === 'REPORT_DRAFTING' ? (startable ? 'reports.empty.startable' : 'reports.empty.drafting') : 'reports.empty.notYet')}
            </EmptyState>
          )}
          {startable && (
            <Stack gap={6} align="flex-start">
              <Text size="sm" c="dimmed">
                {t(existing ? 'reports.start.newVersionHint' : 'reports.start.hint')}
              </Text>
              <Button onClick={startReport} loading={start.isPending} data-testid="report-start">
                {t(existing ? 'reports.start.newVersion' : 'reports.start.button', { kind: t(`reports.kinds.${startable}`) })}
              </Button>
            </Stack>
          )}
          {start.isError && <ReportActionError caseId={caseId} error={start.error} />}
          {starters?.(items)}
        </Stack>
      </Section>
      {items.map((report) => (
        <ReportCard key={report.id} caseId={caseId} caseDetail={caseDetail} report={report} role={user.role} />
      ))}
    </Stack>
  );
};
