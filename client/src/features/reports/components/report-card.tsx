import type { CaseDetail, Report, ReportVersion, Role } from '@app/contracts';
import { Accordion, Alert, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canReleaseReport, canWorkOnReports, isEditableStatus } from '../utils/report-access';
import { isTracingReportKind, reportWorkState } from '../utils/report-work-state';
import { DisclosureTable } from './disclosure-table';
import { ReleaseForm } from './release-form';
import { ReportComposer } from './report-composer';
import { ReportPdfLinks } from './report-pdf-links';
import { ReportReview } from './report-review';
import { ReportSectionsView } from './report-sections-view';
import { ReportStatusBadge } from './report-status-badge';
import { ReportVersionDetails } from './report-version-details';

type ReportCardProps = {
  caseId: string;
  caseDetail: CaseDetail;
  report: Report;
  role: Role;
};

// Where the draft came from, and what to check because of it.
const PrefillNotes = ({ version }: { version: ReportVersion }) => {
  const { t } = useTranslation();
  const source = version.prefilledFrom;
  if (!source) return null;
  return (
    <>
      {source.copiedFromVersionNo !== null && (
        <Text size="sm" c="dimmed">
          {t('reports.prefill.copiedFrom', { version: source.copiedFromVersionNo })}
        </Text>
      )}
      {source.copiedFromVersionNo === null && source.familyAssessmentVersion !== null && (
        <Text size="sm" c="dimmed">
          {t('reports.prefill.fromAssessment', { version: source.familyAssessmentVersion })}
        </Text>
      )}
      {source.translationCurrent === false && isEditableStatus(version.status) && (
        <Alert color="yellow" data-testid="report-translation-stale">
          {t('reports.prefill.translationStale')}
        </Alert>
      )}
    </>
  );
};

const FrozenNote = () => {
  const { t } = useTranslation();
  return (
    <Text size="sm" c="dimmed" data-testid="report-frozen">
      {t('reports.view.frozen')}
    </Text>
  );
};

// The version being worked on (or the last approved or released one), with what the user may
// do with it now: draft it, review it, approve it, release it, or download it.
const CurrentVersion = ({ caseId, caseDetail, report, version, role }: ReportCardProps & { version: ReportVersion }) => {
  const { t } = useTranslation();
  const [releasing, setReleasing] = useState(false);
  const staff = canWorkOnReports(role);
  const state = caseDetail.state;
  const work = reportWorkState(report.kind, state);

  let body: React.ReactNode;
  if (isEditableStatus(version.status)) {
    body =
      staff && work.drafting ? (
        <ReportComposer key={version.id} caseId={caseId} report={report} version={version} canSubmit />
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {t(isTracingReportKind(report.kind) ? 'reports.view.notDraftingState' : 'reports.view.notWorkState', { state: t(`states.${state}`) })}
          </Text>
          <ReportSectionsView kind={report.kind} version={version} />
        </>
      );
  } else if (version.status === 'IN_QA' || version.status === 'QA_PASSED') {
    body = (
      <>
        <Text size="sm" c="dimmed">
          {t('reports.view.underReview')}
        </Text>
        <ReportSectionsView kind={report.kind} version={version} />
        {staff && work.reviewing && <ReportReview caseId={caseId} report={report} version={version} role={role} />}
      </>
    );
  } else if (version.status === 'APPROVED') {
    body = (
      <>
        <FrozenNote />
        <ReportSectionsView kind={report.kind} version={version} />
        {staff && canReleaseReport(role) && work.releasing && (
          <Card withBorder padding="md" bg="var(--mantine-color-gray-light)">
            {releasing ? (
              <ReleaseForm caseId={caseId} caseDetail={caseDetail} report={report} version={version} onDone={() => setReleasing(false)} />
            ) : (
              <Stack gap="xs" align="flex-start">
                <Text size="sm">{t('reports.release.ready')}</Text>
                <Button onClick={() => setReleasing(true)} data-testid="report-release">
                  {t('reports.release.open')}
                </Button>
              </Stack>
            )}
          </Card>
        )}
      </>
    );
  } else {
    body = (
      <>
        <FrozenNote />
        {version.status === 'RELEASED' && <ReportPdfLinks reportId={report.id} versionNo={version.versionNo} />}
        <DisclosureTable disclosures={version.disclosures} versionNo={version.versionNo} caseId={report.caseId} />
        <ReportSectionsView kind={report.kind} version={version} />
      </>
    );
  }

  return (
    <Stack gap="md" data-testid="report-current-version">
      <Group gap="xs">
        <Text fw={600}>{t('reports.meta.version', { version: version.versionNo })}</Text>
        <ReportStatusBadge status={version.status} />
      </Group>
      <ReportVersionDetails version={version} />
      <PrefillNotes version={version} />
      {version.status === 'RETURNED' && version.qa?.comment && (
        <Alert color="orange" title={t('reports.view.returnedTitle', { name: version.qa.by.displayName })} data-testid="report-returned-comment">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {version.qa.comment}
          </Text>
        </Alert>
      )}
      {body}
    </Stack>
  );
};

// Earlier versions stay readable: text, who approved and released them, the register, the PDF.
const OlderVersions = ({ report, versions }: { report: Report; versions: readonly ReportVersion[] }) => {
  const { t } = useTranslation();
  if (versions.length === 0) return null;
  return (
    <div>
      <Title order={4} size="h6" mb="xs">
        {t('reports.view.olderVersions')}
      </Title>
      <Accordion variant="separated" chevronPosition="left">
        {versions.map((version) => (
          <Accordion.Item key={version.id} value={version.id} data-testid="report-older-version">
            <Accordion.Control>
              {t('reports.view.versionSummary', { version: version.versionNo, status: t(`reports.status.${version.status}`) })}
            </Accordion.Control>
            <Accordion.Panel>
              <Stack gap="md">
                <ReportVersionDetails version={version} />
                {version.status === 'RELEASED' && <ReportPdfLinks reportId={report.id} versionNo={version.versionNo} />}
                <DisclosureTable disclosures={version.disclosures} versionNo={version.versionNo} caseId={report.caseId} />
                <ReportSectionsView kind={report.kind} version={version} headingOrder={5} />
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </div>
  );
};

export const ReportCard = ({ caseId, caseDetail, report, role }: ReportCardProps) => {
  const { t } = useTranslation();
  const [current, ...older] = report.versions;
  const headingId = `report-${report.id}-heading`;
  return (
    <Card withBorder padding="lg" component="article" aria-labelledby={headingId} data-testid="report-card">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <Title order={3} size="h4" id={headingId}>
            {t(`reports.kinds.${report.kind}`)}
          </Title>
          <Badge color={report.released ? 'green' : 'gray'} variant="outline" tt="none" data-testid="report-release-status">
            {report.released && report.latestReleasedVersionNo !== null
              ? t('reports.releaseStatus.released', { version: report.latestReleasedVersionNo })
              : t('reports.releaseStatus.notReleased')}
          </Badge>
        </Group>
        {current ? <CurrentVersion caseId={caseId} caseDetail={caseDetail} report={report} version={current} role={role} /> : null}
        <OlderVersions report={report} versions={older} />
      </Stack>
    </Card>
  );
};
