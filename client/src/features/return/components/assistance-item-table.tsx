import type { ReintegrationPlan } from '@app/contracts';
import { Button, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@/components/ui/query-state';
import { formatCalendarDate } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import { formatEuro } from '../utils/return-format';
import { ItemStatusForm, type UpdateItem } from './assistance-item-status-form';
import { AssistanceStatusBadge } from './assistance-status-badge';

// The plan's assistance items, with their budget and status (and its change when allowed).

type ItemTableProps = {
  caseId: string;
  plan: Pick<ReintegrationPlan, 'objectives' | 'assistanceItems' | 'totalBudgetEur'>;
  canUpdate: boolean;
  // Where a status change is sent; by default IOM Rome's endpoint (the mission passes its own).
  updateItem?: UpdateItem;
};

export const ItemTable = ({ caseId, plan, canUpdate, updateItem }: ItemTableProps) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const [editing, setEditing] = useState<string | null>(null);
  if (plan.assistanceItems.length === 0) return <EmptyState testId="items-empty">{t('return.plan.noItems')}</EmptyState>;
  const objectiveOf = (id: string | null) => plan.objectives.find((objective) => objective.id === id)?.description;
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped verticalSpacing="xs" data-testid="assistance-items">
        <Table.Caption>{t('return.plan.itemsCaption', { count: plan.assistanceItems.length, total: formatEuro(plan.totalBudgetEur, locale) })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('return.plan.columns.item')}</Table.Th>
            <Table.Th scope="col">{t('return.plan.columns.dimension')}</Table.Th>
            <Table.Th scope="col">{t('return.plan.columns.provider')}</Table.Th>
            <Table.Th scope="col">{t('return.plan.columns.budget')}</Table.Th>
            <Table.Th scope="col">{t('return.plan.columns.planned')}</Table.Th>
            <Table.Th scope="col">{t('return.plan.columns.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {plan.assistanceItems.map((item) => (
            <Table.Tr key={item.id} data-testid="assistance-item">
              <Table.Td>
                <Text size="sm" fw={500}>
                  {t(`return.plan.types.${item.type}`)}
                </Text>
                <Text size="sm">{item.description}</Text>
                {item.objectiveId && (
                  <Text size="xs" c="dimmed">
                    {t('return.plan.forObjective', { objective: objectiveOf(item.objectiveId) ?? '' })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t(`return.plan.dimensions.${item.dimension}`)}</Text>
                <Text size="xs" c="dimmed">
                  {t(`return.plan.levels.${item.level}`)}
                </Text>
              </Table.Td>
              <Table.Td>{item.provider}</Table.Td>
              <Table.Td>
                <Text size="sm">{formatEuro(item.budgetEur, locale)}</Text>
                <Text size="xs" c="dimmed">
                  {t(item.inKind ? 'return.plan.inKindShort' : 'return.plan.cashShort')}
                </Text>
              </Table.Td>
              <Table.Td>{item.plannedOn ? formatCalendarDate(item.plannedOn, locale) : t('common.notAvailable')}</Table.Td>
              <Table.Td>
                <Stack gap={4}>
                  <AssistanceStatusBadge status={item.status} />
                  {item.deliveredOn && <Text size="xs">{t('return.plan.deliveredOnDate', { date: formatCalendarDate(item.deliveredOn, locale) })}</Text>}
                  {item.note && (
                    <Text size="xs" c="dimmed">
                      {item.note}
                    </Text>
                  )}
                  {canUpdate &&
                    (editing === item.id ? (
                      <ItemStatusForm caseId={caseId} item={item} onDone={() => setEditing(null)} update={updateItem} />
                    ) : (
                      <Button size="xs" variant="subtle" onClick={() => setEditing(item.id)} aria-label={t('return.plan.updateItemLabel', { item: item.description })}>
                        {t('return.plan.updateStatus')}
                      </Button>
                    ))}
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
};
