import { RETURN_REPORT_STATES, type CaseState, type ReturnReportKind, type ReturnReportRef } from '@app/contracts';
import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { startReturnReport } from '../api/return-api';
import { useReturnMutation } from '../api/return-queries';
import { ReturnError } from './return-error';

const WORKING = new Set(['DRAFT', 'IN_QA', 'QA_PASSED', 'RETURNED']);

export const isWorkingReport = (ref: Pick<ReturnReportRef, 'latestStatus'>): boolean => WORKING.has(ref.latestStatus);

// Starts a part-2 report (or its next version) from the records and sends the user to the Reports
// tab, where it is written, checked, approved and released like every report.
export const useStartReturnReport = (caseId: string) =>
  useReturnMutation(caseId, (input: { kind: ReturnReportKind; monitoringVisitId?: string }) => startReturnReport(caseId, { ...input, fromRecords: false }));

type ReturnReportLinkProps = {
  caseId: string;
  state: CaseState;
  kind: ReturnReportKind;
  // The report of this kind (for a monitoring report: of this visit), if started.
  report: ReturnReportRef | undefined;
  monitoringVisitId?: string;
  canStart: boolean;
};

// Where a part-2 report stands, with the way to start it (or its next version) when the case allows.
export const ReturnReportLink = ({ caseId, state, kind, report, monitoringVisitId, canStart }: ReturnReportLinkProps) => {
  const { t } = useTranslation();
  const start = useStartReturnReport(caseId);
  const allowed = canStart && RETURN_REPORT_STATES[kind].includes(state) && !(report && isWorkingReport(report));
  const go = () =>
    start.mutate(monitoringVisitId ? { kind, monitoringVisitId } : { kind }, {
      onSuccess: () => notifications.show({ color: 'green', message: t('return.reports.started', { kind: t(`reports.kinds.${kind}`) }) }),
    });
  return (
    <Stack gap={4} data-testid={`return-report-${kind}`}>
      <Group gap="xs">
        <Text size="sm" fw={500}>
          {t(`reports.kinds.${kind}`)}
        </Text>
        {report ? (
          <Badge variant="light" color={report.released ? 'green' : report.approved ? 'teal' : 'gray'} tt="none">
            {t('return.reports.status', { version: report.latestVersionNo, status: t(`reports.status.${report.latestStatus}`, { defaultValue: report.latestStatus }) })}
          </Badge>
        ) : (
          <Badge variant="outline" color="gray" tt="none">
            {t('return.reports.notStarted')}
          </Badge>
        )}
      </Group>
      <Group gap="sm">
        {report && (
          <Anchor component={Link} to={paths.caseTab(caseId, 'reports')} size="sm">
            {t('return.reports.open')}
          </Anchor>
        )}
        {allowed && (
          <Button size="xs" variant="light" onClick={go} loading={start.isPending} data-testid={`start-report-${kind}`}>
            {t(report ? 'return.reports.newVersion' : 'return.reports.start')}
          </Button>
        )}
      </Group>
      {start.isSuccess && (
        <Anchor component={Link} to={paths.caseTab(caseId, 'reports')} size="sm" data-testid="return-report-started">
          {t('return.reports.continue')}
        </Anchor>
      )}
      {start.isError && <ReturnError caseId={caseId} error={start.error} />}
    </Stack>
  );
};
