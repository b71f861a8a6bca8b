import type { AvailableTransition, CaseDetail, Role } from '@app/contracts';
import { Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '@/lib/api-client';
import { useCurrentUser } from '@/lib/auth';
import { useTransitionLabels } from '../utils/transition-labels';
import { TransitionFeedback } from './transition-feedback';
import { TransitionReasonModal } from './transition-reason-modal';
import { useTransitionFiring } from './use-transition-firing';

const useRoleList = () => {
  const { t } = useTranslation();
  return (roles: readonly Role[]) => roles.map((role) => t(`roles.${role}`)).join(', ');
};

// What is missing, and who can supply it, in words.
const MissingList = ({ transition, id }: { transition: AvailableTransition; id?: string }) => {
  const { t } = useTranslation();
  const roleList = useRoleList();
  if (transition.unmet.length === 0) return null;
  return (
    <div id={id} data-testid={`transition-missing-${transition.to}`}>
      <Text size="sm">{t('cases.detail.missing')}:</Text>
      <List size="sm" withPadding>
        {transition.unmet.map((guard) => (
          <List.Item key={guard.code}>
            {t(`guards.${guard.code}`, { defaultValue: guard.message })}
            {guard.suppliedBy.length > 0 && ` — ${t('cases.detail.suppliedBy', { roles: roleList(guard.suppliedBy) })}`}
          </List.Item>
        ))}
      </List>
    </div>
  );
};

type ActionItemProps = {
  transition: AvailableTransition;
  busy: boolean;
  // Another step is being taken: one at a time, or the second would meet a stale version.
  locked: boolean;
  onFire: (transition: AvailableTransition) => void;
};

// A step the user may take: a real button, disabled (with what is missing) while blocked.
const ActionItem = ({ transition, busy, locked, onFire }: ActionItemProps) => {
  const { t } = useTranslation();
  const labels = useTransitionLabels();
  const blocked = transition.unmet.length > 0;
  const describedBy = `next-${transition.id}-${transition.to}-details`;
  return (
    <Stack gap={4} component="li">
      <Group gap="sm" align="center">
        <Button
          data-testid={`transition-${transition.to}`}
          disabled={blocked || (locked && !busy)}
          loading={busy}
          variant={blocked ? 'default' : 'filled'}
          aria-describedby={describedBy}
          onClick={() => onFire(transition)}
        >
          {labels.action(transition)}
        </Button>
      </Group>
      <div id={describedBy}>
        <Text size="sm" c="dimmed">
          {t('caseFile.nextActions.result', { state: t(`states.${transition.to}`) })}
          {transition.needsReason && !blocked && ` ${t('caseFile.nextActions.needsReason')}`}
        </Text>
        <MissingList transition={transition} />
      </div>
    </Stack>
  );
};

// A step someone else takes (another role), or any step when the user only reads the case;
// `brief` leaves out what is missing (a reader's steps that need nothing from them).
const WaitingItem = ({ transition, brief = false }: { transition: AvailableTransition; brief?: boolean }) => {
  const { t } = useTranslation();
  const roleList = useRoleList();
  return (
    <Stack gap={4} component="li" data-testid={`transition-waiting-${transition.to}`}>
      <Text fw={brief ? 500 : 600} size={brief ? 'sm' : undefined}>
        {t('cases.detail.moveTo', { state: t(`states.${transition.to}`) })}
      </Text>
      <Text size="sm">{t('cases.detail.whoCan', { roles: roleList(transition.firedBy) })}</Text>
      {!brief && <MissingList transition={transition} />}
    </Stack>
  );
};

const StepList = ({ children }: { children: React.ReactNode }) => (
  <Stack component="ul" gap="md" m={0} p={0} style={{ listStyle: 'none' }}>
    {children}
  </Stack>
);

const keyOf = (transition: AvailableTransition) => `${transition.id}-${transition.to}`;

type CaseNextStepsProps = { caseRecord: CaseDetail; canAct: boolean };

// What can happen next and, for each step, exactly what is missing and who can supply it. Staff
// fire their steps from here; every other reader sees the same list without buttons.
export const CaseNextSteps = ({ caseRecord, canAct }: CaseNextStepsProps) => {
  const { t } = useTranslation();
  const labels = useTransitionLabels();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The step whose reason is asked for; it stays set while the dialog animates closed.
  const [asking, setAsking] = useState<AvailableTransition | null>(null);
  const [reasonOpen, setReasonOpen] = useState(false);
  const firing = useTransitionFiring(caseRecord);

  const user = useCurrentUser();
  const mine = canAct ? caseRecord.transitions.filter((transition) => transition.allowedForYou) : [];
  const others = canAct
    ? caseRecord.transitions.filter((transition) => !transition.allowedForYou)
    : caseRecord.transitions;
  // A reader (guardian, office, court) first sees the steps that wait for something they can
  // supply, in full; the others only by name and who takes them.
  const suppliesSomething = (transition: AvailableTransition) => transition.unmet.some((guard) => guard.suppliedBy.includes(user.role));
  const fromReader = canAct ? [] : others.filter(suppliesSomething);
  const elsewhere = canAct ? [] : others.filter((transition) => !suppliesSomething(transition));

  const fire = (transition: AvailableTransition, reason?: string, onReasonRejected?: (error: ApiError) => void) => {
    firing.fire(transition, reason, {
      ...(onReasonRejected ? { onReasonRejected } : {}),
      onSuccess: (updated) => {
        setReasonOpen(false);
        notifications.show({
          color: 'green',
          message: t('caseFile.nextActions.done', { state: t(`states.${updated.state}`) }),
        });
        // The button just used may be gone with the new state: keep keyboard users in this section.
        headingRef.current?.focus();
      },
      // A reason the server refuses stays in the dialog, on its field; anything else closes it.
      onFailure: () => setReasonOpen(false),
    });
  };

  const start = (transition: AvailableTransition) => {
    firing.clear();
    if (transition.needsReason) {
      setAsking(transition);
      setReasonOpen(true);
    } else {
      fire(transition);
    }
  };

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="case-next-steps-heading" data-testid="next-steps">
      <Title order={2} size="h4" mb="sm" id="case-next-steps-heading" ref={headingRef} tabIndex={-1}>
        {t('cases.detail.nextSteps')}
      </Title>
      <Stack gap="md">
        <TransitionFeedback firing={firing} />
        {caseRecord.transitions.length === 0 && <Text>{t('cases.detail.noNextSteps')}</Text>}
        {mine.length > 0 && (
          <section aria-labelledby="next-steps-mine-heading">
            <Group gap="sm" mb="xs">
              <Title order={3} size="h5" id="next-steps-mine-heading">
                {t('caseFile.nextActions.yours')}
              </Title>
              {mine.some((transition) => transition.unmet.length === 0) && (
                <Badge color="green" variant="light" tt="none">
                  {t('cases.detail.readyForYou')}
                </Badge>
              )}
            </Group>
            <StepList>
              {mine.map((transition) => (
                <ActionItem
                  key={keyOf(transition)}
                  transition={transition}
                  busy={firing.isFiring(transition) && !reasonOpen}
                  locked={firing.pending}
                  onFire={start}
                />
              ))}
            </StepList>
          </section>
        )}
        {others.length > 0 && canAct && (
          <section aria-labelledby="next-steps-others-heading">
            <Title order={3} size="h5" mb="xs" id="next-steps-others-heading">
              {t('caseFile.nextActions.waitingForOthers')}
            </Title>
            <StepList>
              {others.map((transition) => (
                <WaitingItem key={keyOf(transition)} transition={transition} />
              ))}
            </StepList>
          </section>
        )}
        {fromReader.length > 0 && (
          <section aria-labelledby="next-steps-from-you-heading">
            <Title order={3} size="h5" mb="xs" id="next-steps-from-you-heading">
              {t('caseFile.nextActions.fromYou')}
            </Title>
            <StepList>
              {fromReader.map((transition) => (
                <WaitingItem key={keyOf(transition)} transition={transition} />
              ))}
            </StepList>
          </section>
        )}
        {elsewhere.length > 0 && (
          <section aria-labelledby={fromReader.length > 0 ? 'next-steps-elsewhere-heading' : undefined}>
            {fromReader.length > 0 && (
              <Title order={3} size="h5" mb="xs" id="next-steps-elsewhere-heading">
                {t('caseFile.nextActions.otherSteps')}
              </Title>
            )}
            <StepList>
              {elsewhere.map((transition) => (
                <WaitingItem key={keyOf(transition)} transition={transition} brief />
              ))}
            </StepList>
          </section>
        )}
      </Stack>
      <TransitionReasonModal
        transition={asking}
        opened={reasonOpen}
        title={asking ? labels.action(asking) : ''}
        pending={firing.pending}
        onClose={() => setReasonOpen(false)}
        onSubmit={(reason, onReasonRejected) => {
          if (asking) fire(asking, reason, onReasonRejected);
        }}
      />
    </Card>
  );
};
