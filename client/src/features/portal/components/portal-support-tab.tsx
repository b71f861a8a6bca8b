import { daysBetween, isClosedState, type CaseDetail, type ProsieguoRequest } from '@app/contracts';
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@/components/ui/query-state';
import { appToday } from '@/lib/clock';
import { formatCalendarDate } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import { formatDateTime } from '../utils/portal-format';
import { WithPortalCase } from './portal-case-query';
import { PortalSection } from './portal-section';
import { ProsieguoForm } from './prosieguo-form';

// Calendar days from today (in Italy) to a YYYY-MM-DD date.
const daysUntil = (isoDate: string): number => daysBetween(appToday(), isoDate);

const RequestItem = ({ request }: { request: ProsieguoRequest }) => {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Stack gap={2} component="li" data-testid="prosieguo-request">
      <Text size="sm" fw={600}>
        {t('portal.prosieguo.sentOn', { date: formatDateTime(request.submittedAt, locale), name: request.requestedBy.displayName, office: request.organisation.name })}
      </Text>
      <Text size="sm">
        {request.requestedUntil ? t('portal.prosieguo.until', { date: formatCalendarDate(request.requestedUntil, locale) }) : t('portal.prosieguo.untilOpen')}
      </Text>
      <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
        {request.reasons}
      </Text>
    </Stack>
  );
};

// Continuation of support after 18 (prosieguo amministrativo, L. 47/2017 art. 13): the social
// services ask for it; the juvenile court decides.
export const PortalSupportTab = ({ caseId, caseDetail }: { caseId: string; caseDetail: CaseDetail }) => {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <WithPortalCase caseId={caseId}>
      {(portalCase) => {
        const eighteenth = portalCase.minor.eighteenthBirthday;
        const days = eighteenth ? daysUntil(eighteenth) : null;
        const requests = portalCase.prosieguoRequests ?? [];
        return (
          <PortalSection id="prosieguo-heading" title={t('portal.prosieguo.heading')} intro={t('portal.prosieguo.intro')} testId="prosieguo-section">
            <Text data-testid="prosieguo-birthday">
              {eighteenth === null || days === null
                ? t('portal.prosieguo.birthdayUnknown')
                : days > 0
                  ? t('portal.prosieguo.turns18', { date: formatCalendarDate(eighteenth, locale), count: days })
                  : t('portal.prosieguo.turned18', { date: formatCalendarDate(eighteenth, locale) })}
            </Text>
            {requests.length === 0 ? (
              <EmptyState testId="prosieguo-empty">{t('portal.prosieguo.empty')}</EmptyState>
            ) : (
              <Stack component="ul" gap="md" m={0} p={0} style={{ listStyle: 'none' }}>
                {requests.map((request) => (
                  <RequestItem key={request.id} request={request} />
                ))}
              </Stack>
            )}
            {isClosedState(caseDetail.state) ? <Text c="dimmed">{t('portal.closedNote')}</Text> : <ProsieguoForm caseId={caseId} eighteenthBirthday={eighteenth} />}
          </PortalSection>
        );
      }}
    </WithPortalCase>
  );
};
