import type { AvailableTransition } from '@app/contracts';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

// Each transition has an action label ("Avvia lo screening"); one the labels do not know yet
// (a later part of the workflow) falls back to "move to <state>", never to a raw key.
export const useTransitionLabels = () => {
  const { t } = useTranslation();
  const action = useCallback(
    (transition: Pick<AvailableTransition, 'id' | 'to'>) =>
      t([`caseFile.actions.${transition.id}`, 'caseFile.actions.fallback'], { state: t(`states.${transition.to}`) }),
    [t],
  );
  return { action };
};
