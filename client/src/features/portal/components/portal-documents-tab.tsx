import { EXTERNAL_UPLOAD_TYPES, isClosedState, type CaseDetail, type DocumentType, type Role } from '@app/contracts';
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@/components/ui/query-state';
import { useCurrentUser } from '@/lib/auth';
import { uploadCaseDocument } from '../api/portal-api';
import { WithPortalCase } from './portal-case-query';
import { PortalDocumentList } from './portal-document-list';
import { PortalSection } from './portal-section';
import { PortalUploadForm } from './portal-upload-form';

const uploadTypesFor = (role: Role): readonly DocumentType[] => (EXTERNAL_UPLOAD_TYPES as Partial<Record<Role, readonly DocumentType[]>>)[role] ?? [];

// The documents an external user may open on the case: a guardian's own uploads, the office's
// uploads (social services), what is filed before the court (a court); and the upload of theirs.
export const PortalDocumentsTab = ({ caseId, caseDetail }: { caseId: string; caseDetail: CaseDetail }) => {
  const { t } = useTranslation();
  const { role } = useCurrentUser();
  const types = uploadTypesFor(role);
  const open = !isClosedState(caseDetail.state);
  return (
    <PortalSection id="portal-documents-heading" title={t('portal.documents.heading')} intro={t(`portal.documents.intro.${role}`, { defaultValue: '' })} testId="portal-documents-section">
      <WithPortalCase caseId={caseId}>
        {(portalCase) => (
          <Stack gap="xl">
            {portalCase.documents.length === 0 ? (
              <EmptyState testId="portal-documents-empty">{t(`portal.documents.empty.${role}`, { defaultValue: t('portal.documents.empty.default') })}</EmptyState>
            ) : (
              <PortalDocumentList documents={portalCase.documents} caption={t('portal.documents.caption', { count: portalCase.documents.length })} />
            )}
            {types.length > 0 &&
              (open ? (
                <PortalUploadForm
                  caseId={caseId}
                  types={types}
                  defaultType={role === 'social_services' ? 'SOCIAL_SERVICES_REPORT' : undefined}
                  heading={t('portal.documents.form.heading')}
                  intro={t(`portal.documents.form.intro.${role}`, { defaultValue: '' })}
                  submitLabel={t('portal.documents.form.submit')}
                  send={(variables) => uploadCaseDocument(caseId, variables)}
                  testId="portal-upload"
                />
              ) : (
                <Text c="dimmed">{t('portal.closedNote')}</Text>
              ))}
          </Stack>
        )}
      </WithPortalCase>
    </PortalSection>
  );
};
