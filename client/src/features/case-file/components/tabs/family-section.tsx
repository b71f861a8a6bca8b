import { isClosedState } from '@app/contracts';
import { Card, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SectionError, SectionSkeleton } from '@/components/ui/query-state';
import { caseFileQueries } from '../../api/case-file-queries';
import type { CaseTabProps } from './case-tab-props';
import { FamilyMemberForm } from './family-member-form';
import { FamilyMemberList } from './family-member-list';

// The family part of the "Family & tracing" tab: who the family is (with do-not-contact flags) and
// the form to add a member. The tracing itself (features/tracing) follows it on the tab, which
// the app assembles.
export const FamilySection = ({ caseId, caseDetail }: CaseTabProps) => {
  const { t } = useTranslation();
  const fileQuery = useQuery(caseFileQueries.file(caseId));
  const open = !isClosedState(caseDetail.state);

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="case-family-heading" data-testid="family-section">
      <Title order={2} size="h4" mb="sm" id="case-family-heading">
        {t('caseFile.family.heading')}
      </Title>
      {fileQuery.isPending && <SectionSkeleton />}
      {fileQuery.isError && (
        <SectionError error={fileQuery.error} onRetry={() => void fileQuery.refetch()} retrying={fileQuery.isFetching} />
      )}
      {fileQuery.isSuccess && (
        <Stack gap="xl">
          <FamilyMemberList members={fileQuery.data.familyMembers} canAdd={open} />
          {open ? <FamilyMemberForm caseId={caseId} /> : <Text c="dimmed">{t('caseFile.errors.closed')}</Text>}
        </Stack>
      )}
    </Card>
  );
};
