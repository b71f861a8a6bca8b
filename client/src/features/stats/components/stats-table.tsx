import type { StatsReport } from '@app/contracts';
import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocale } from '@/lib/i18n';
import { groupLabel, measureKind } from '../utils/stats-format';
import { StatsCellValue } from './stats-cell';

// Every figure: one row per measure, one column per group and the total (the groups are few, the
// measures many, so this reads better than the transpose on a narrow screen).
export const StatsTable = ({ report }: { report: StatsReport }) => {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Table.ScrollContainer minWidth={Math.min(1400, 360 + report.rows.length * 110)}>
      <Table striped withTableBorder withColumnBorders verticalSpacing="xs" data-testid="stats-table">
        <Table.Caption>{t('stats.table.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" miw={220}>
              {t('stats.table.measure')}
            </Table.Th>
            {report.rows.map((row) => (
              <Table.Th scope="col" key={row.group} ta="right">
                {groupLabel(report.breakdown, row.group, locale, t)}
              </Table.Th>
            ))}
            <Table.Th scope="col" ta="right">
              {t('stats.table.total')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.measures.map(({ key }) => (
            <Table.Tr key={key} data-testid={`stats-row-${key}`}>
              <Table.Th scope="row" fw={500}>
                {t(`stats.measures.${key}`, { defaultValue: key })}
              </Table.Th>
              {report.rows.map((row) => {
                const cell = row.cells[key as keyof typeof row.cells];
                return (
                  <Table.Td key={row.group} ta="right">
                    {cell ? <StatsCellValue cell={cell} kind={measureKind(key)} /> : t('stats.value.none')}
                  </Table.Td>
                );
              })}
              <Table.Td ta="right" fw={600}>
                {report.total[key as keyof typeof report.total] ? (
                  <StatsCellValue cell={report.total[key as keyof typeof report.total]} kind={measureKind(key)} />
                ) : (
                  t('stats.value.none')
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
};
