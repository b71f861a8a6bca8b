import { RETURN_REPORT_STATES, type CaseDetail, type Report, type ReturnReportKind } from '@app/contracts';
import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { ReturnError } from './return-error';
import { useStartReturnReport } from './return-report-link';

// Started from here; a monitoring report belongs to a recorded visit and starts from the monitoring
// calendar (tab "Return and reintegration").
const KINDS: readonly ReturnReportKind[] = ['REINTEGRATION_PLAN', 'AVR_OPERATIONAL_NOTE', 'HANDOVER_PROTOCOL'];
const WORKING = new Set(['DRAFT', 'IN_QA', 'QA_PASSED', 'RETURNED']);

// The part-2 reports (issue 4) the case's step allows: each starts pre-filled from the return
// records, or as a new version of an approved or released one, then goes through the same
// composer, review, approval and release as every report. Shown in the reports tab (the app
// mounts it in ReportsPanel's `starters`).
export const ReturnReportStarters = ({ caseDetail, items }: { caseDetail: CaseDetail; items: readonly Report[] }) => {
  const { t } = useTranslation();
  const start = useStartReturnReport(caseDetail.id);
  const startable = KINDS.filter((kind) => {
    if (!RETURN_REPORT_STATES[kind].includes(caseDetail.state)) return false;
    const existing = items.find((report) => report.kind === kind);
    return !existing?.versions.some((version) => WORKING.has(version.status));
  });
  const monitoring = RETURN_REPORT_STATES.MONITORING_REPORT.includes(caseDetail.state);
  if (startable.length === 0 && !monitoring) return null;
  return (
    <Stack gap="xs" data-testid="return-report-starters">
      <Title order={3} size="h5">
        {t('reports.returnKinds.heading')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('reports.returnKinds.hint')}
      </Text>
      <Group gap="sm">
        {startable.map((kind) => {
          const existing = items.some((report) => report.kind === kind);
          return (
            <Button
              key={kind}
              variant="light"
              loading={start.isPending && start.variables.kind === kind}
              disabled={start.isPending}
              onClick={() => start.mutate({ kind }, { onSuccess: () => notifications.show({ color: 'green', message: t('reports.start.started') }) })}
              data-testid={`report-start-${kind}`}
            >
              {t(existing ? 'reports.start.newVersion' : 'reports.start.button', { kind: t(`reports.kinds.${kind}`) })}
            </Button>
          );
        })}
      </Group>
      {monitoring && (
        <Text size="sm">
          {t('reports.returnKinds.monitoring')}{' '}
          <Anchor component={Link} to={paths.caseTab(caseDetail.id, 'return')} size="sm">
            {t('reports.returnKinds.toCalendar')}
          </Anchor>
        </Text>
      )}
      {start.isError && <ReturnError caseId={caseDetail.id} error={start.error} />}
    </Stack>
  );
};
