import type { ReportVersion } from '@app/contracts';
import { Code } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DetailList, type DetailItem } from '@/components/ui/detail-list';
import { useLocale } from '@/lib/i18n';
import { formatDateTime, shortHash } from '../utils/format';

// Who did what to a version, and when; the content hash once it is fixed.
export const ReportVersionDetails = ({ version }: { version: ReportVersion }) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const byOn = (name: string, at: string) => t('reports.meta.byOn', { name, date: formatDateTime(at, locale) });
  const items: DetailItem[] = [
    { label: t('reports.meta.draftedBy'), value: byOn(version.draftedBy.displayName, version.createdAt) },
    { label: t('reports.meta.updatedAt'), value: formatDateTime(version.updatedAt, locale) },
  ];
  if (version.submittedBy && version.submittedAt) items.push({ label: t('reports.meta.submitted'), value: byOn(version.submittedBy.displayName, version.submittedAt) });
  if (version.qa) {
    items.push({
      label: t('reports.meta.review'),
      value: t(version.qa.result === 'PASS' ? 'reports.meta.reviewPassed' : 'reports.meta.reviewReturned', { name: version.qa.by.displayName, date: formatDateTime(version.qa.at, locale) }),
    });
  }
  if (version.approvedBy && version.approvedAt) items.push({ label: t('reports.meta.approved'), value: byOn(version.approvedBy.displayName, version.approvedAt) });
  if (version.releasedBy && version.releasedAt) items.push({ label: t('reports.meta.released'), value: byOn(version.releasedBy.displayName, version.releasedAt) });
  if (version.contentSha256) {
    items.push({
      label: t('reports.meta.sha'),
      value: (
        <Code title={version.contentSha256} data-testid="report-sha">
          {shortHash(version.contentSha256)}
        </Code>
      ),
    });
  }
  return <DetailList items={items} />;
};
