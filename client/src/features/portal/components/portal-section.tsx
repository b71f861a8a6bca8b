import { Card, Stack, Text, Title } from '@mantine/core';

type PortalSectionProps = {
  id: string;
  title: string;
  intro?: string;
  children: React.ReactNode;
  testId?: string;
};

// A titled part of a portal tab: heading level 2, as every tab of the case file.
export const PortalSection = ({ id, title, intro, children, testId }: PortalSectionProps) => (
  <Card withBorder padding="lg" component="section" aria-labelledby={id} data-testid={testId}>
    <Stack gap="sm">
      <Title order={2} size="h4" id={id}>
        {title}
      </Title>
      {intro && (
        <Text size="sm" c="dimmed">
          {intro}
        </Text>
      )}
      {children}
    </Stack>
  </Card>
);
