import { reportSectionKeys, type ReportKind, type ReportVersion } from '@app/contracts';
import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { sectionTitle } from '../utils/sections';

const SectionText = ({ label, text }: { label: string; text: string | undefined }) => {
  const { t } = useTranslation();
  const blank = !text || text.trim() === '';
  return (
    <Paper withBorder p="sm" radius="sm">
      <Text size="xs" c="dimmed" mb={4}>
        {label}
      </Text>
      {blank ? (
        <Text c="dimmed" fs="italic">
          {t('reports.view.emptySection')}
        </Text>
      ) : (
        <Text dir="auto" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {text}
        </Text>
      )}
    </Paper>
  );
};

// A version that cannot be edited (under review, approved, released, superseded): each section
// with the original and the Italian side by side.
export const ReportSectionsView = ({ kind, version, headingOrder = 4 }: { kind: ReportKind; version: ReportVersion; headingOrder?: 4 | 5 }) => {
  const { t } = useTranslation();
  return (
    <Stack gap="md" data-testid="report-sections-view">
      {reportSectionKeys(kind).map((key) => (
        <section key={key} aria-labelledby={`report-view-${version.id}-${key}`} data-testid={`report-section-${key}`}>
          <Title order={headingOrder} size="h6" mb={6} id={`report-view-${version.id}-${key}`}>
            {sectionTitle(t, key)}
          </Title>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
            <SectionText label={t('reports.composer.original', { language: version.originalLanguage })} text={version.sectionsOriginal[key]} />
            <SectionText label={t('reports.composer.italian')} text={version.sectionsIt[key]} />
          </SimpleGrid>
        </section>
      ))}
    </Stack>
  );
};
