import type { User } from '@app/contracts';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '@/lib/error-message';
import { useDeactivateUser } from '../api/deactivate-user';

type DeactivateUserModalProps = { user: User | null; onClose: () => void };

export const DeactivateUserModal = ({ user, onClose }: DeactivateUserModalProps) => {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const mutation = useDeactivateUser();

  const close = () => {
    mutation.reset();
    onClose();
  };

  const confirm = () => {
    if (!user) return;
    mutation.mutate(user.id, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('admin.users.deactivated', { name: user.displayName }) });
        close();
      },
    });
  };

  return (
    <Modal opened={user !== null} onClose={close} title={t('admin.users.deactivateTitle')}>
      <Stack>
        {mutation.isError && <Alert color="red">{errorMessage(mutation.error)}</Alert>}
        <Text>{user && t('admin.users.deactivateBody', { name: user.displayName })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={close} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button color="red" onClick={confirm} loading={mutation.isPending}>
            {t('admin.users.deactivateConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
};
