import type { CaseDetail, ReturnFile } from '@app/contracts';
import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

type ReturnSectionProps = {
  // The anchor the checklist and the contents list link to (#return-<id>).
  id: string;
  title: string;
  intro?: string;
  aside?: React.ReactNode;
  // A step the case has moved past starts folded (its heading and a way to open it stay).
  collapsed?: boolean;
  children: React.ReactNode;
};

// What each section of the return file receives.
export type SectionProps = { caseId: string; caseDetail: CaseDetail; file: ReturnFile; collapsed?: boolean };

export const sectionAnchor = (id: string): string => `return-${id}`;

// One step of the return: a labelled region with its heading, so screen-reader users can jump
// between them and the checklist can link to it.
export const ReturnSection = ({ id, title, intro, aside, collapsed = false, children }: ReturnSectionProps) => {
  const { t } = useTranslation();
  const anchor = sectionAnchor(id);
  const bodyId = useId();
  const [open, setOpen] = useState(!collapsed);
  return (
    <Card withBorder padding="lg" component="section" id={anchor} aria-labelledby={`${anchor}-heading`} data-testid={`return-section-${id}`} style={{ scrollMarginTop: 80 }}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <div>
            <Title order={2} size="h4" id={`${anchor}-heading`} tabIndex={-1}>
              {title}
            </Title>
            {intro && open && (
              <Text size="sm" c="dimmed" mt={4}>
                {intro}
              </Text>
            )}
          </div>
          <Group gap="xs">
            {open && aside}
            {collapsed && (
              <Button variant="subtle" size="xs" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen((value) => !value)} data-testid={`return-section-${id}-toggle`}>
                {open ? t('return.collapse.hide') : t('return.collapse.show')}
              </Button>
            )}
          </Group>
        </Group>
        {open && (
          <Stack gap="md" id={bodyId}>
            {children}
          </Stack>
        )}
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
