import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatInstantDate } from '@/lib/format';
import { useLocale } from '@/lib/i18n';

// The due date; when it has passed on an open request it is said in words, not only in red.
export const DueDate = ({ dueAt, overdue }: { dueAt: string; overdue: boolean }) => {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Group gap={6} wrap="wrap" component="span" data-testid="tracing-due" data-overdue={overdue || undefined}>
      <Text component="span" c={overdue ? 'red.8' : undefined} fw={overdue ? 700 : undefined}>
        {formatInstantDate(dueAt, locale)}
      </Text>
      {overdue && (
        <Badge color="red" variant="filled" radius="sm" tt="none">
          {t('tracing.due.overdue')}
        </Badge>
      )}
    </Group>
  );
};
