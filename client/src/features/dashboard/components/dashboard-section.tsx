import { Badge, Card, Group, Stack, Title } from '@mantine/core';
import { useId } from 'react';

type DashboardSectionProps = {
  title: string;
  count?: number;
  testId: string;
  children: React.ReactNode;
};

// One card of the dashboard: a labelled region, so screen-reader users can jump between them.
export const DashboardSection = ({ title, count, testId, children }: DashboardSectionProps) => {
  const headingId = useId();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={headingId} data-testid={testId}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Title order={2} size="h4" id={headingId}>
            {title}
          </Title>
          {count !== undefined && (
            <Badge variant="light" color="gray" size="lg" aria-hidden>
              {count}
            </Badge>
          )}
        </Group>
        {children}
      </Stack>
    </Card>
  );
};
