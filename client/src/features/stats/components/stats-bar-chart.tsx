import type { StatsCell, StatsMeasureKind } from '@app/contracts';
import { Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '@/lib/i18n';
import { cellText } from '../utils/stats-format';

export type StatsBar = { key: string; label: string; cell: StatsCell };

const WIDTH = 720;
const LABEL_WIDTH = 200;
const VALUE_WIDTH = 110;
const ROW = 30;
const BAR = 18;
const PAD = 8;

// A plain horizontal bar chart in SVG (no chart library). Each bar carries its value in text; a
// suppressed figure is an empty dashed outline labelled as hidden, so nothing relies on colour.
// Screen readers get the whole series as the figure's description; the table below has the same data.
export const StatsBarChart = ({ bars, kind, title }: { bars: readonly StatsBar[]; kind: StatsMeasureKind; title: string }) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = useId();
  const texts = bars.map((bar) => cellText(bar.cell, kind, locale, t));
  const max = Math.max(1, ...bars.map((bar) => (bar.cell.suppressed ? 0 : (bar.cell.value ?? 0))));
  const span = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const height = bars.length * ROW + PAD * 2;
  const description = bars.map((bar, index) => `${bar.label}: ${texts[index]!.text}`).join('; ');

  if (bars.length === 0) return <Text c="dimmed">{t('stats.chart.empty')}</Text>;

  return (
    <figure style={{ margin: 0 }} data-testid="stats-chart">
      <figcaption>
        <Text fw={600} size="sm" mb={4}>
          {title}
        </Text>
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`} style={{ maxWidth: WIDTH, display: 'block' }}>
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {bars.map((bar, index) => {
          const y = PAD + index * ROW;
          const shown = texts[index]!;
          const value = bar.cell.suppressed ? 0 : (bar.cell.value ?? 0);
          const width = Math.max(value > 0 ? 2 : 0, (value / max) * span);
          return (
            <g key={bar.key} data-testid="stats-chart-bar">
              <text x={LABEL_WIDTH - 8} y={y + BAR / 2 + 4} textAnchor="end" fontSize={12} fill="var(--mantine-color-text)">
                {bar.label.length > 28 ? `${bar.label.slice(0, 27)}…` : bar.label}
              </text>
              {shown.suppressed ? (
                <rect x={LABEL_WIDTH} y={y} width={span * 0.12} height={BAR} fill="none" stroke="var(--mantine-color-gray-6)" strokeDasharray="4 3" />
              ) : (
                <rect x={LABEL_WIDTH} y={y} width={width} height={BAR} fill="var(--mantine-color-blue-7)" />
              )}
              <text
                x={LABEL_WIDTH + (shown.suppressed ? span * 0.12 : width) + 6}
                y={y + BAR / 2 + 4}
                fontSize={12}
                fontStyle={shown.suppressed ? 'italic' : 'normal'}
                fill="var(--mantine-color-text)"
              >
                {shown.text}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
};
