import type { StatsCell, StatsMeasureKind } from '@app/contracts';
import { Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocale } from '@/lib/i18n';
import { cellText } from '../utils/stats-format';

// One figure; a suppressed one shows the marker in words, with the reason on hover and for screen
// readers (never a value, never by colour alone).
export const StatsCellValue = ({ cell, kind }: { cell: StatsCell; kind: StatsMeasureKind }) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const shown = cellText(cell, kind, locale, t);
  if (!shown.suppressed) return <>{shown.text}</>;
  return (
    <Tooltip label={t('stats.suppressed.tooltip')} withArrow>
      <Text span fs="italic" c="dimmed" data-testid="stats-suppressed">
        {shown.text}
        <VisuallyHidden> ({t('stats.suppressed.tooltip')})</VisuallyHidden>
      </Text>
    </Tooltip>
  );
};
