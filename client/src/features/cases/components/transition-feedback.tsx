import { Alert, List, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '@/lib/error-message';
import { useTransitionLabels } from '../utils/transition-labels';
import type { TransitionFiring } from './use-transition-firing';

// Why a step was not taken. The alert is announced and takes the focus, so keyboard and
// screen-reader users land on the explanation.
export const TransitionFeedback = ({ firing }: { firing: TransitionFiring }) => {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const labels = useTransitionLabels();
  const ref = useRef<HTMLDivElement>(null);
  const { feedback } = firing;

  useEffect(() => {
    if (feedback) ref.current?.focus();
  }, [feedback]);

  if (!feedback) return null;

  const common = {
    ref,
    tabIndex: -1,
    withCloseButton: true,
    closeButtonLabel: t('caseFile.nextActions.dismiss'),
    onClose: firing.clear,
    'data-testid': 'transition-feedback',
  };

  if (feedback.kind === 'conflict') {
    const moved = feedback.stateBefore !== firing.currentState;
    return (
      <Alert {...common} color="orange" title={t('caseFile.nextActions.conflictTitle')}>
        <Text size="sm">{t('caseFile.nextActions.conflictBody')}</Text>
        {moved && (
          <Text size="sm" mt="xs">
            {t('caseFile.nextActions.conflictMoved', {
              before: t(`states.${feedback.stateBefore}`),
              now: t(`states.${firing.currentState}`),
            })}
          </Text>
        )}
      </Alert>
    );
  }

  if (feedback.kind === 'unmet') {
    return (
      <Alert {...common} color="red" title={t('caseFile.nextActions.unmetTitle', { action: labels.action(feedback.transition) })}>
        <Text size="sm">{t('cases.detail.missing')}:</Text>
        <List size="sm" withPadding>
          {feedback.unmet.map((guard) => (
            // A guard this client does not know yet falls back to the server's own wording.
            <List.Item key={guard.code}>{t(`guards.${guard.code}`, { defaultValue: guard.message })}</List.Item>
          ))}
        </List>
      </Alert>
    );
  }

  return (
    <Alert {...common} color="red" title={t('caseFile.nextActions.failedTitle')}>
      {errorMessage(feedback.error)}
    </Alert>
  );
};
