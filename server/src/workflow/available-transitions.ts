import { GUARD_SUPPLIER, transitionsFrom, type AvailableTransition, type CaseState, type Role } from '@app/contracts';
import type { CaseFacts } from './case-facts';
import { unmetGuards } from './case-transition.policy';

// Every way out of the current state, with what is still missing and who can supply it. The
// reason is asked for when firing, so it is never listed as missing here.
export function availableTransitions(role: Role, state: CaseState, facts: CaseFacts, stateBeforeHold: CaseState | null): AvailableTransition[] {
  return transitionsFrom(state).map((transition) => {
    const to = transition.id === 'resume' && stateBeforeHold ? stateBeforeHold : transition.to;
    const unmet = unmetGuards({ ...transition, to }, facts, 'reason given when firing').map((guard) => ({
      ...guard,
      suppliedBy: GUARD_SUPPLIER[guard.code],
    }));
    return {
      id: transition.id,
      to,
      allowedForYou: transition.roles.includes(role),
      firedBy: [...transition.roles],
      needsReason: transition.guards.includes('REASON_GIVEN'),
      unmet,
    };
  });
}
