import { isClosedState, type CaseDetail, type Role } from '@app/contracts';
import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canAssignCases, seesCaseworker } from '../utils/intake-requests-access';
import { AssignCaseworkerModal, type AssignTarget } from './assign-caseworker-modal';

type CaseAssignmentProps = { caseRecord: Pick<CaseDetail, 'id' | 'caseNumber' | 'state' | 'assignedCaseworker'>; role: Role };

// In the case header: who works on the case, and for a supervisor the way to assign or reassign it
// (not on a closed case: the server refuses with 409 until it is reopened).
export const CaseAssignment = ({ caseRecord, role }: CaseAssignmentProps) => {
  const { t } = useTranslation();
  const [target, setTarget] = useState<AssignTarget | null>(null);
  if (!seesCaseworker(role)) return null;
  const current = caseRecord.assignedCaseworker;
  const canAssign = canAssignCases(role) && !isClosedState(caseRecord.state);
  return (
    <Group gap="sm" mt="xs" data-testid="case-assignment">
      <Text size="sm" c="dimmed">
        {t('intakeRequests.header.caseworker')}:{' '}
        <Text span c={current ? 'bright' : 'orange'} fw={500} data-testid="case-caseworker">
          {current ? current.name : t('intakeRequests.header.none')}
        </Text>
      </Text>
      {canAssign && (
        <>
          <Button
            size="xs"
            variant={current ? 'default' : 'filled'}
            onClick={() => setTarget({ caseId: caseRecord.id, caseNumber: caseRecord.caseNumber, current })}
            data-testid="case-assign"
          >
            {t(current ? 'intakeRequests.header.reassign' : 'intakeRequests.header.assign')}
          </Button>
          <AssignCaseworkerModal target={target} onClose={() => setTarget(null)} />
        </>
      )}
    </Group>
  );
};
