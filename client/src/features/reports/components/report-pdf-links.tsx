import { Anchor, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { reportPdfUrl } from '../api/reports-api';

// Plain links: the browser sends the session cookie and saves the attachment (audited).
export const ReportPdfLinks = ({ reportId, versionNo }: { reportId: string; versionNo: number }) => {
  const { t } = useTranslation();
  return (
    <Group gap="md">
      <Anchor href={reportPdfUrl(reportId, versionNo)} download data-testid="report-pdf-link">
        {t('reports.pdf.download', { version: versionNo })}
      </Anchor>
      <Anchor href={reportPdfUrl(reportId, versionNo, true)} download size="sm" data-testid="report-pdf-original-link">
        {t('reports.pdf.withOriginal')}
      </Anchor>
    </Group>
  );
};
