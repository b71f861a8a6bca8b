import type { AvailableTransition, CaseDetail, CaseState } from '@app/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { isApiError, type ApiError } from '@/lib/api-client';
import { hasFieldErrorsFor } from '@/lib/form-errors';
import { caseKey } from '@/lib/query-keys';
import { useFireTransition } from '../api/fire-transition';

export type TransitionFeedbackState =
  // 412: someone changed the case meanwhile; it has been reloaded.
  | { kind: 'conflict'; stateBefore: CaseState }
  // 422: preconditions the server found unmet when firing.
  | { kind: 'unmet'; transition: AvailableTransition; unmet: { code: string; message: string }[] }
  | { kind: 'error'; error: unknown };

// Answers after which the case on screen is out of date and is fetched again.
const RELOAD_CODES = new Set(['PRECONDITION_FAILED', 'TRANSITION_NOT_ALLOWED', 'ILLEGAL_TRANSITION', 'FORBIDDEN']);

const REASON_FIELDS = ['reason'] as const;

const isReasonRejected = (error: unknown): error is ApiError =>
  isApiError(error) && error.code === 'VALIDATION_FAILED' && hasFieldErrorsFor(error, REASON_FIELDS);

const toFeedback = (error: unknown, transition: AvailableTransition, stateBefore: CaseState): TransitionFeedbackState => {
  if (isApiError(error) && error.code === 'PRECONDITION_FAILED') return { kind: 'conflict', stateBefore };
  if (isApiError(error) && error.code === 'TRANSITION_NOT_ALLOWED') {
    const unmet = error.details?.unmet ?? [];
    return unmet.length > 0 ? { kind: 'unmet', transition, unmet } : { kind: 'error', error };
  }
  return { kind: 'error', error };
};

type FireCallbacks = {
  onSuccess: (updated: CaseDetail) => void;
  // The server refused the reason itself: the caller shows it on the reason field.
  onReasonRejected?: (error: ApiError) => void;
  onFailure?: () => void;
};

// Fires a transition with the version on screen (If-Match) and turns the server's refusals into
// something the user can act on.
export const useTransitionFiring = (caseRecord: CaseDetail) => {
  const queryClient = useQueryClient();
  const mutation = useFireTransition();
  const [feedback, setFeedback] = useState<TransitionFeedbackState | null>(null);

  const fire = (transition: AvailableTransition, reason: string | undefined, callbacks: FireCallbacks) => {
    setFeedback(null);
    const stateBefore = caseRecord.state;
    mutation.mutate(
      { caseId: caseRecord.id, version: caseRecord.version, to: transition.to, reason },
      {
        onSuccess: (updated) => callbacks.onSuccess(updated),
        onError: (error) => {
          if (isReasonRejected(error) && callbacks.onReasonRejected) {
            callbacks.onReasonRejected(error);
            return;
          }
          callbacks.onFailure?.();
          setFeedback(toFeedback(error, transition, stateBefore));
          if (isApiError(error) && RELOAD_CODES.has(error.code)) {
            void queryClient.invalidateQueries({ queryKey: caseKey(caseRecord.id) });
          }
        },
      },
    );
  };

  return {
    fire,
    feedback,
    currentState: caseRecord.state,
    pending: mutation.isPending,
    isFiring: (transition: AvailableTransition) => mutation.isPending && mutation.variables.to === transition.to,
    clear: () => setFeedback(null),
  };
};

export type TransitionFiring = ReturnType<typeof useTransitionFiring>;
