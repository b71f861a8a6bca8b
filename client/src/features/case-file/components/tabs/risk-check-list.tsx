import type { RiskCheck } from '@app/contracts';
import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@/components/ui/query-state';
import { formatInstantDate } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import { useApproveRiskCheck } from '../../api/approve-risk-check';
import { useCaseFileErrorMessage } from '../../utils/case-file-error';

type RiskCheckListProps = {
  caseId: string;
  riskChecks: readonly RiskCheck[];
  // Supervisors approve; the server refuses anyone else.
  canApprove: boolean;
  canRecord: boolean;
};

const Risks = ({ riskCheck }: { riskCheck: RiskCheck }) => {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      <Text size="sm">
        <Text span fw={500}>{t('caseFile.riskChecks.riskToMinor')}:</Text> {riskCheck.riskToMinor}
      </Text>
      <Text size="sm">
        <Text span fw={500}>{t('caseFile.riskChecks.riskToFamily')}:</Text> {riskCheck.riskToFamily}
      </Text>
      <Text size="sm">
        <Text span fw={500}>{t('caseFile.riskChecks.areaSecurity')}:</Text> {riskCheck.areaSecurity}
      </Text>
      <Group gap={4}>
        {riskCheck.protectionStatusConflict && (
          <Badge color="orange" variant="light" tt="none">
            {t('caseFile.riskChecks.protectionConflict')}
          </Badge>
        )}
        {riskCheck.traffickingConcern && (
          <Badge color="red" variant="light" tt="none">
            {t('caseFile.riskChecks.trafficking')}
          </Badge>
        )}
      </Group>
    </Stack>
  );
};

export const RiskCheckList = ({ caseId, riskChecks, canApprove, canRecord }: RiskCheckListProps) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const errorMessage = useCaseFileErrorMessage();
  const approval = useApproveRiskCheck(caseId);

  if (riskChecks.length === 0) {
    return (
      <EmptyState testId="risk-checks-empty">
        {t(canRecord ? 'caseFile.riskChecks.empty' : 'caseFile.riskChecks.emptyClosed')}
      </EmptyState>
    );
  }

  const approve = (riskCheck: RiskCheck) => {
    approval.mutate(riskCheck.id, {
      onSuccess: () => notifications.show({ color: 'green', message: t('caseFile.riskChecks.approvedDone') }),
      onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
    });
  };

  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped verticalSpacing="xs" data-testid="risk-checks">
        <Table.Caption>{t('caseFile.riskChecks.caption', { count: riskChecks.length })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('caseFile.riskChecks.columns.stage')}</Table.Th>
            <Table.Th scope="col">{t('caseFile.riskChecks.columns.decision')}</Table.Th>
            <Table.Th scope="col">{t('caseFile.riskChecks.columns.risks')}</Table.Th>
            <Table.Th scope="col">{t('caseFile.riskChecks.columns.mitigation')}</Table.Th>
            <Table.Th scope="col">{t('caseFile.riskChecks.columns.createdAt')}</Table.Th>
            <Table.Th scope="col">{t('caseFile.riskChecks.columns.approval')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {riskChecks.map((riskCheck) => {
            const stage = t(`caseFile.riskChecks.stages.${riskCheck.stage}`);
            return (
              <Table.Tr key={riskCheck.id} data-testid="risk-check-row">
                <Table.Td>{stage}</Table.Td>
                <Table.Td>{t(`caseFile.riskChecks.decisions.${riskCheck.decision}`)}</Table.Td>
                <Table.Td>
                  <Risks riskCheck={riskCheck} />
                </Table.Td>
                <Table.Td>{riskCheck.mitigation ?? t('common.notAvailable')}</Table.Td>
                <Table.Td>{formatInstantDate(riskCheck.createdAt, locale)}</Table.Td>
                <Table.Td>
                  {riskCheck.approved ? (
                    <Text size="sm">
                      {riskCheck.approvedAt
                        ? t('caseFile.riskChecks.approvedOn', { date: formatInstantDate(riskCheck.approvedAt, locale) })
                        : t('caseFile.riskChecks.approved')}
                    </Text>
                  ) : (
                    <Stack gap={4} align="flex-start">
                      <Text size="sm">{t('caseFile.riskChecks.pending')}</Text>
                      {canApprove && canRecord && (
                        <Button
                          size="xs"
                          onClick={() => approve(riskCheck)}
                          loading={approval.isPending && approval.variables === riskCheck.id}
                          aria-label={t('caseFile.riskChecks.approveLabel', { stage })}
                          data-testid={`approve-risk-check-${riskCheck.id}`}
                        >
                          {t('caseFile.riskChecks.approve')}
                        </Button>
                      )}
                    </Stack>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
};
