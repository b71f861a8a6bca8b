import { isClosedState, type CaseState, type MinorView } from '@app/contracts';
import { Blockquote, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@/components/ui/query-state';
import { formatCalendarDate } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import { MinorViewForm } from './minor-view-form';
import { PortalSection } from './portal-section';

const ViewItem = ({ view }: { view: MinorView }) => {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Stack gap={2} component="li" data-testid="minor-view">
      <Text size="sm" fw={600}>
        {t(`portal.views.contexts.${view.context}`)} · {formatCalendarDate(view.expressedOn, locale)}
      </Text>
      <Blockquote p="sm" mt={4} dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
        {view.words}
      </Blockquote>
      <Text size="xs" c="dimmed">
        {t('portal.views.meta', { language: view.language, name: view.relayedBy.displayName })}
        {' · '}
        {view.mediatorPresent && view.mediatorName ? t('portal.views.mediator', { name: view.mediatorName }) : t('portal.views.noMediator')}
      </Text>
    </Stack>
  );
};

// The minor's views in their own words: what has been recorded, and the form to add more.
export const MinorViewsSection = ({ caseId, state, views }: { caseId: string; state: CaseState; views: readonly MinorView[] }) => {
  const { t } = useTranslation();
  const open = !isClosedState(state);
  return (
    <PortalSection id="minor-views-heading" title={t('portal.views.heading')} intro={t('portal.views.intro')} testId="minor-views-section">
      {views.length === 0 ? (
        <EmptyState testId="minor-views-empty">{t('portal.views.empty')}</EmptyState>
      ) : (
        <Stack component="ul" gap="md" m={0} p={0} style={{ listStyle: 'none' }} data-testid="minor-views-list">
          {views.map((view) => (
            <ViewItem key={view.id} view={view} />
          ))}
        </Stack>
      )}
      {open ? <MinorViewForm caseId={caseId} /> : <Text c="dimmed">{t('portal.closedNote')}</Text>}
    </PortalSection>
  );
};
