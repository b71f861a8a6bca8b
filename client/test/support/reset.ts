import { notifications } from '@mantine/notifications';
import { act } from '@testing-library/react';
import { i18n } from '@/lib/i18n';
import { setUnauthorizedHandler } from '@/lib/api-client';
import { resetClock } from '@/lib/clock';

// Every test starts in Italian with empty storage.
export const resetClientState = async (): Promise<void> => {
  window.localStorage.clear();
  setUnauthorizedHandler(undefined);
  resetClock();
  await act(async () => {
    // The notifications store is module-level: without this, one test's toasts show in the next.
    notifications.clean();
    await i18n.changeLanguage('it');
  });
};
