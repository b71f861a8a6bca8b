import { Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { attachDecree } from '../api/return-api';
import { useReturnMutation } from '../api/return-queries';
import { DocumentPicker } from './document-picker';
import { ReturnError } from './return-error';

// The decree of a decision recorded without it.

export const AttachDecreeForm = ({ caseId, decisionId, canList, onDone }: { caseId: string; decisionId: string; canList: boolean; onDone: () => void }) => {
  const { t } = useTranslation();
  const mutation = useReturnMutation(caseId, (documentId: string) => attachDecree(caseId, decisionId, documentId));
  const attach = (documentId: string) => {
    if (!documentId) return;
    mutation.mutate(documentId, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('return.court.decreeAttached') });
        onDone();
      },
    });
  };
  return (
    <Stack gap="xs" data-testid="attach-decree">
      <DocumentPicker
        caseId={caseId}
        label={t('return.court.decree')}
        types={['COURT_DECREE']}
        uploadType="COURT_DECREE"
        target="decree"
        uploadLabel={t('return.court.uploadDecree')}
        defaultTitle={t('return.court.decreeTitle')}
        value=""
        onChange={attach}
        required
        canList={canList}
        testId="attach-decree-picker"
      />
      {mutation.isPending && <Text size="sm">{t('return.court.attaching')}</Text>}
      {mutation.isError && <ReturnError caseId={caseId} error={mutation.error} />}
    </Stack>
  );
};
