import { Card, Group, Stack, Text, Title } from '@mantine/core';

type ReturnSectionProps = {
  // The anchor the checklist and the contents list link to (#return-<id>).
  id: string;
  title: string;
  intro?: string;
  aside?: React.ReactNode;
  children: React.ReactNode;
};

export const sectionAnchor = (id: string): string => `return-${id}`;

// One step of the return: a labelled region with its heading, so screen-reader users can jump
// between them and the checklist can link to it.
export const ReturnSection = ({ id, title, intro, aside, children }: ReturnSectionProps) => {
  const anchor = sectionAnchor(id);
  return (
    <Card withBorder padding="lg" component="section" id={anchor} aria-labelledby={`${anchor}-heading`} data-testid={`return-section-${id}`} style={{ scrollMarginTop: 80 }}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <div>
            <Title order={2} size="h4" id={`${anchor}-heading`} tabIndex={-1}>
              {title}
            </Title>
            {intro && (
              <Text size="sm" c="dimmed" mt={4}>
                {intro}
              </Text>
            )}
          </div>
          {aside}
        </Group>
        {children}
      </Stack>
    </Card>
  );
};

// A heading inside a section (forms, lists).
export const SubHeading = ({ id, children }: { id?: string; children: React.ReactNode }) => (
  <Title order={3} size="h5" id={id}>
    {children}
  </Title>
);
