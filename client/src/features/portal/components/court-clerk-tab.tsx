import type { CaseDetail, CourtProceeding, DocumentMeta, InboxItem, PortalCase } from '@app/contracts';
import { Anchor, List, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { lazyNamed } from '@/components/ui/lazy-named';
import { EmptyState, SectionError, SectionSkeleton } from '@/components/ui/query-state';
import { loadCourtClerkPanel } from '@/features/return';
import { formatCalendarDate } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import { uploadDecree } from '../api/portal-api';
import { portalQueries } from '../api/portal-queries';
import { WithPortalCase } from './portal-case-query';
import { documentUrl, PortalDocumentList } from './portal-document-list';
import { PortalSection } from './portal-section';
import { PortalUploadForm } from './portal-upload-form';

// The clerk's hearing and decision forms (shared with the staff's return file) are their own
// download; the tab's Suspense boundary covers them.
const CourtClerkPanel = lazyNamed(loadCourtClerkPanel);

const DocumentLink = ({ document }: { document: DocumentMeta }) => (
  <Anchor href={documentUrl(document.id)} download>
    {document.title}
  </Anchor>
);

const ReportLink = ({ item }: { item: InboxItem }) => {
  const { t } = useTranslation();
  return (
    <Anchor href={item.pdfUrl} download>
      {t('inbox.item.title', { kind: t(`reports.kinds.${item.report.kind}`), version: item.report.versionNo })}
    </Anchor>
  );
};

// What was filed with the petition (the family-assessment report, the social services' report, the
// reintegration proposal, other documents): each opens when it has reached the court through the system.
const FiledDocuments = ({ proceeding, portalCase }: { proceeding: CourtProceeding; portalCase: PortalCase }) => {
  const { t } = useTranslation();
  const filed = proceeding.documentsBeforeCourt;
  const documentById = (id: string | null) => (id ? portalCase.documents.find((document) => document.id === id) : undefined);
  const familyReport = portalCase.reports.find((item) => item.report.id === filed.familyAssessmentReportId);
  const plan = portalCase.reports.find((item) => item.report.kind === 'REINTEGRATION_PLAN');
  const socialReport = documentById(filed.socialServicesReportDocumentId);
  const others = filed.otherDocumentIds.map((id) => ({ id, document: documentById(id) }));
  return (
    <List spacing={4} size="sm" data-testid="court-filed-documents">
      {filed.familyAssessmentReportId && (
        <List.Item>
          {t('portal.courtFile.familyReport')}: {familyReport ? <ReportLink item={familyReport} /> : t('portal.courtFile.notSentToYou')}
        </List.Item>
      )}
      {filed.socialServicesReportDocumentId && (
        <List.Item>
          {t('portal.courtFile.socialReport')}: {socialReport ? <DocumentLink document={socialReport} /> : t('portal.courtFile.notAvailable')}
        </List.Item>
      )}
      {filed.reintegrationProposal && (
        <List.Item>
          {t('portal.courtFile.reintegrationProposal')}: {plan ? <ReportLink item={plan} /> : t('portal.courtFile.notSentToYou')}
        </List.Item>
      )}
      {others.map(({ id, document }) => (
        <List.Item key={id}>
          {t('portal.courtFile.otherDocument')}: {document ? <DocumentLink document={document} /> : t('portal.courtFile.notAvailable')}
        </List.Item>
      ))}
    </List>
  );
};

// What is filed in one proceeding, ready to open and print.
const FiledDocumentsCard = ({ proceeding, portalCase }: { proceeding: CourtProceeding; portalCase: PortalCase }) => {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <PortalSection
      id={`filed-${proceeding.id}`}
      title={t('portal.courtFile.filedTitle', { kind: t(`portal.court.kinds.${proceeding.kind}`), docket: t('portal.court.docket', { docket: proceeding.docketNumber }) })}
      testId="court-filed"
    >
      <Text size="sm" c="dimmed">
        {proceeding.court.name}
        {proceeding.filedOn && ` · ${t('portal.courtFile.filedOn', { date: formatCalendarDate(proceeding.filedOn, locale), name: proceeding.filedByName ?? '' })}`}
      </Text>
      <FiledDocuments proceeding={proceeding} portalCase={portalCase} />
    </PortalSection>
  );
};

// A juvenile court's clerk (domain §2; never IOM's internal file): what is filed in the
// proceedings before their own court, ready to open and print; the proceedings themselves with
// hearings and decisions (the return feature's court panel, issue 4); and the decrees, uploaded here.
export const CourtClerkTab = ({ caseId, caseDetail }: { caseId: string; caseDetail: CaseDetail }) => {
  const { t } = useTranslation();
  const courtFile = useQuery(portalQueries.courtFile(caseId));
  return (
    <WithPortalCase caseId={caseId}>
      {(portalCase) => {
        if (courtFile.isPending) return <SectionSkeleton />;
        if (courtFile.isError && !courtFile.data) return <SectionError error={courtFile.error} onRetry={() => void courtFile.refetch()} retrying={courtFile.isFetching} />;
        const proceedings = courtFile.data?.proceedings ?? [];
        const decrees = portalCase.documents.filter((document) => document.type === 'COURT_DECREE');
        return (
          <Stack gap="lg">
            {proceedings.length === 0 ? (
              <EmptyState testId="court-filed-empty">{t('portal.courtFile.empty')}</EmptyState>
            ) : (
              proceedings.map((proceeding) => <FiledDocumentsCard key={proceeding.id} proceeding={proceeding} portalCase={portalCase} />)
            )}
            <CourtClerkPanel caseId={caseId} caseDetail={caseDetail} />
            <PortalSection id="decrees-heading" title={t('portal.courtFile.decreesHeading')} intro={t('portal.courtFile.decreesIntro')} testId="decrees-section">
              {decrees.length === 0 ? (
                <EmptyState testId="decrees-empty">{t('portal.courtFile.noDecrees')}</EmptyState>
              ) : (
                <PortalDocumentList documents={decrees} caption={t('portal.courtFile.decreesCaption', { count: decrees.length })} />
              )}
              <PortalUploadForm
                caseId={caseId}
                types={['COURT_DECREE']}
                heading={t('portal.courtFile.decreeForm')}
                intro={t('portal.courtFile.decreeFormIntro')}
                submitLabel={t('portal.courtFile.decreeSubmit')}
                send={(variables) => uploadDecree(caseId, variables)}
                testId="decree-upload"
              />
            </PortalSection>
          </Stack>
        );
      }}
    </WithPortalCase>
  );
};
