import type { FieldReturnDetail } from '@app/contracts';
import { Alert, Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DetailList } from '@/components/ui/detail-list';
import { lazyNamed } from '@/components/ui/lazy-named';
import { PageTitle } from '@/components/ui/page-title';
import { EmptyState } from '@/components/ui/query-state';
import { paths } from '@/config/paths';
import { ItemTable, ObjectiveList } from '@/features/return';
import { formatCalendarDate, formatCountry, formatDateTime } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import { useFieldReturnActions, type FieldReturnActions } from '../api/field-returns-queries';
import { minorName } from './field-return-list';

// The forms (hand-over, visits, uploads) are their own downloads, fetched with the page; the page
// appears once they are there (the route's Suspense boundary).
const FieldHandoverForm = lazyNamed(() => import('./field-handover-form').then((m) => m.FieldHandoverForm));
const FieldMonitoring = lazyNamed(() => import('./field-monitoring').then((m) => m.FieldMonitoring));
const FieldDocuments = lazyNamed(() => import('./field-documents').then((m) => m.FieldDocuments));
const preloadParts = () => Promise.all([FieldHandoverForm.preload(), FieldMonitoring.preload(), FieldDocuments.preload()]).catch(() => undefined);

// One part of the page: a labelled region, so screen-reader users can jump between them.
const Part = ({ id, title, intro, children }: { id: string; title: string; intro?: string; children: React.ReactNode }) => (
  <Card withBorder padding="lg" component="section" aria-labelledby={`field-${id}-heading`} data-testid={`field-part-${id}`}>
    <Stack gap="md">
      <div>
        <Title order={2} size="h4" id={`field-${id}-heading`}>
          {title}
        </Title>
        {intro && (
          <Text size="sm" c="dimmed" mt={4}>
            {intro}
          </Text>
        )}
      </div>
      {children}
    </Stack>
  </Card>
);

const Reception = ({ detail }: { detail: FieldReturnDetail }) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const none = t('common.notAvailable');
  const yesNo = (value: boolean | null) => (value === null ? none : t(value ? 'return.common.yes' : 'return.common.no'));
  const caregiver = detail.receivingCaregiver;
  return (
    <DetailList
      items={[
        { label: t('fieldReturns.reception.caregiver'), value: caregiver ? `${caregiver.name} (${caregiver.relationship})` : none },
        { label: t('fieldReturns.reception.airportCollection'), value: yesNo(detail.airportCollection) },
        { label: t('fieldReturns.fields.travelDate'), value: detail.plannedDeparture ? formatDateTime(detail.plannedDeparture, locale) : none },
        { label: t('fieldReturns.reception.escort'), value: detail.escort ? [detail.escort.name, detail.escort.role].filter(Boolean).join(', ') : t('fieldReturns.reception.noEscort') },
        { label: t('fieldReturns.reception.itinerary'), value: detail.itinerary ?? none },
      ]}
    />
  );
};

const Plan = ({ detail, actions }: { detail: FieldReturnDetail; actions: FieldReturnActions }) => {
  const { t } = useTranslation();
  const plan = detail.reintegrationPlan;
  if (!plan) return <EmptyState testId="field-plan-empty">{t('fieldReturns.plan.empty')}</EmptyState>;
  const totalBudgetEur = plan.assistanceItems.reduce((sum, item) => sum + item.budgetEur, 0);
  return (
    <Stack gap="md" data-testid="field-plan">
      <Badge color={plan.approved ? 'green' : 'gray'} variant="light" tt="none">
        {t(plan.approved ? 'fieldReturns.plan.approved' : 'fieldReturns.plan.notApproved')}
      </Badge>
      <DetailList
        items={[
          { label: t('fieldReturns.plan.needsAndSkills'), value: plan.needsAndSkills },
          { label: t('fieldReturns.plan.familySituation'), value: plan.familySituation },
        ]}
      />
      <Title order={3} size="h5">
        {t('return.plan.objectives')}
      </Title>
      <ObjectiveList plan={plan} />
      <Title order={3} size="h5">
        {t('return.plan.items')}
      </Title>
      <Text size="sm" c="dimmed">
        {t(detail.writable ? 'fieldReturns.plan.itemsHint' : 'fieldReturns.plan.readOnly')}
      </Text>
      <ItemTable caseId={detail.caseId} plan={{ ...plan, totalBudgetEur }} canUpdate={detail.writable} updateItem={actions.updateItem} />
    </Stack>
  );
};

const Handover = ({ detail, actions }: { detail: FieldReturnDetail; actions: FieldReturnActions }) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const { handover } = detail;
  if (handover) {
    return (
      <Stack gap={6} data-testid="field-handover">
        <Text size="sm">{t('return.handover.arrivedLine', { date: formatDateTime(handover.arrivedAt, locale), place: handover.place })}</Text>
        <Text size="sm">{t('return.handover.receivedLine', { name: handover.receivedByName, kind: t(`return.handover.kinds.${handover.receivedByKind}`) })}</Text>
        <Text size="sm">{t('return.handover.signedLine', { names: handover.signedBy.join(', ') })}</Text>
      </Stack>
    );
  }
  if (detail.state === 'IN_TRANSIT' && detail.writable) return <FieldHandoverForm detail={detail} actions={actions} />;
  return <Text size="sm">{t('fieldReturns.handover.notYet')}</Text>;
};

// A returned minor as the mission sees them (issue 4): reception arrangements, the reintegration
// plan, the hand-over, the monitoring calendar and the mission's documents. Never where the minor
// lived in Italy or their legal or protection status: the server does not send them.
export const FieldReturnPage = ({ detail }: { detail: FieldReturnDetail }) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const actions = useFieldReturnActions(detail.caseId);
  useEffect(() => {
    void preloadParts();
  }, []);
  const name = minorName(detail.minor);
  return (
    <Stack maw={1100} gap="lg">
      <Anchor component={Link} to={paths.fieldReturns()} size="sm">
        {t('fieldReturns.detail.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <div>
          <PageTitle documentTitle={t('fieldReturns.detail.documentTitle', { number: detail.caseNumber })}>{name}</PageTitle>
          <Text c="dimmed">
            {[
              t('fieldReturns.caseNumber', { number: detail.caseNumber }),
              formatCountry(detail.minor.nationality, locale),
              detail.minor.dateOfBirth ? t('fieldReturns.detail.born', { date: formatCalendarDate(detail.minor.dateOfBirth, locale) }) : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </div>
        <Badge size="lg" variant="light" tt="none" data-testid="field-return-state">
          {t(`states.${detail.state}`)}
        </Badge>
      </Group>
      <Alert color="gray" variant="light">
        {t('fieldReturns.detail.privacy')}
      </Alert>
      {!detail.writable && <Alert color="blue">{t(detail.state === 'AVR_PREPARATION' ? 'fieldReturns.detail.notTravelling' : 'fieldReturns.detail.closed')}</Alert>}
      <Part id="reception" title={t('fieldReturns.reception.title')} intro={t('fieldReturns.reception.intro')}>
        <Reception detail={detail} />
      </Part>
      <Part id="handover" title={t('return.sections.handover')}>
        <Handover detail={detail} actions={actions} />
      </Part>
      <Part id="plan" title={t('return.sections.plan')} intro={t('fieldReturns.plan.intro')}>
        <Plan detail={detail} actions={actions} />
      </Part>
      <Part id="monitoring" title={t('return.sections.monitoring')} intro={t('fieldReturns.monitoring.intro')}>
        <FieldMonitoring detail={detail} actions={actions} />
      </Part>
      <Part id="documents" title={t('fieldReturns.documents.title')} intro={t('fieldReturns.documents.intro')}>
        <FieldDocuments detail={detail} actions={actions} />
      </Part>
    </Stack>
  );
};
