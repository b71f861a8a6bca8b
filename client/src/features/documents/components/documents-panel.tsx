import { isClosedState, type CaseDetail } from '@app/contracts';
import { Card, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { EmptyState, SectionError, SectionSkeleton } from '@/components/ui/query-state';
import { useCurrentUser } from '@/lib/auth';
import { documentQueries } from '../api/documents-queries';
import { canManageDocuments } from '../utils/document-access';
import { DocumentList } from './document-list';
import { DocumentUploadForm } from './document-upload-form';

export type DocumentsPanelProps = { caseId: string; caseDetail: CaseDetail };

const Section = ({ children }: { children: React.ReactNode }) => {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="case-documents-heading" data-testid="documents-section">
      <Title order={2} size="h4" mb="sm" id="case-documents-heading">
        {t('documents.heading')}
      </Title>
      {children}
    </Card>
  );
};

// The case's documents (domain §3.15). IOM staff list, download and upload them; the API has no
// list for external users yet, so they see an explanation instead of an error.
export const DocumentsPanel = ({ caseId, caseDetail }: DocumentsPanelProps) => {
  const { t } = useTranslation();
  const user = useCurrentUser();
  if (!canManageDocuments(user.role)) {
    return (
      <Section>
        <EmptyState testId="documents-empty">{t('documents.empty.external')}</EmptyState>
      </Section>
    );
  }
  return <StaffDocuments caseId={caseId} caseDetail={caseDetail} />;
};

const StaffDocuments = ({ caseId, caseDetail }: DocumentsPanelProps) => {
  const { t } = useTranslation();
  const documentsQuery = useQuery(documentQueries.list(caseId));
  const open = !isClosedState(caseDetail.state);

  if (!documentsQuery.isSuccess) {
    return (
      <Section>
        {documentsQuery.isError ? (
          <SectionError error={documentsQuery.error} onRetry={() => void documentsQuery.refetch()} retrying={documentsQuery.isFetching} />
        ) : (
          <SectionSkeleton />
        )}
      </Section>
    );
  }

  const { items } = documentsQuery.data;
  return (
    <Section>
      <Stack gap="xl">
        {items.length === 0 ? (
          <EmptyState testId="documents-empty">{t(open ? 'documents.empty.staff' : 'documents.empty.closed')}</EmptyState>
        ) : (
          <DocumentList documents={items} />
        )}
        {open ? <DocumentUploadForm caseId={caseId} documents={items} /> : <Text c="dimmed">{t('documents.upload.closed')}</Text>}
      </Stack>
    </Section>
  );
};
