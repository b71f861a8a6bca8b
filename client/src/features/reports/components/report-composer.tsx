import { missingReportSections, reportSectionKeys, type Report, type ReportVersion, type UpdateReportDraftInput } from '@app/contracts';
import { Alert, Button, Fieldset, Group, List, Paper, SimpleGrid, Stack, Text, TextInput, Textarea, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { caseKey } from '@/lib/query-keys';
import { useSaveReportDraft, useSubmitReport } from '../api/report-mutations';
import { fetchCaseReports } from '../api/reports-api';
import { reportQueries } from '../api/reports-queries';
import { isEditableStatus } from '../utils/report-access';
import { isStaleReport } from '../utils/report-errors';
import { draftFromVersion, sameDraft, sectionTitle, type DraftText } from '../utils/sections';
import { ReportActionError } from './report-action-error';

const MAX_SECTION_LENGTH = 20000;
const LANGUAGE_MIN = 2;
const LANGUAGE_MAX = 40;

type ReportComposerProps = {
  caseId: string;
  report: Report;
  // The version being drafted (DRAFT or RETURNED), as the list last read it.
  version: ReportVersion;
  canSubmit: boolean;
};

const toInput = (draft: DraftText): UpdateReportDraftInput => ({
  originalLanguage: draft.originalLanguage.trim(),
  sectionsOriginal: draft.sectionsOriginal,
  sectionsIt: draft.sectionsIt,
});

type CompletenessProps = { keys: readonly string[]; missing: { original: string[]; it: string[] } };

// Which sections still lack the original or the Italian text: the server refuses the
// submission until both are written for every section.
const Completeness = ({ keys, missing }: CompletenessProps) => {
  const { t } = useTranslation();
  const done = keys.filter((key) => !missing.original.includes(key) && !missing.it.includes(key)).length;
  const complete = done === keys.length;
  const names = (list: string[]) => list.map((key) => sectionTitle(t, key)).join('; ');
  return (
    <Alert
      color={complete ? 'green' : 'yellow'}
      title={t('reports.completeness.title', { done, total: keys.length })}
      data-testid="report-completeness"
      role="status"
    >
      {complete ? (
        <Text size="sm">{t('reports.completeness.complete')}</Text>
      ) : (
        <List size="sm">
          {missing.original.length > 0 && <List.Item>{t('reports.completeness.missingOriginal', { sections: names(missing.original) })}</List.Item>}
          {missing.it.length > 0 && <List.Item>{t('reports.completeness.missingItalian', { sections: names(missing.it) })}</List.Item>}
        </List>
      )}
    </Alert>
  );
};

// The newer text someone else saved for one side of a section, with a way to take it.
const NewerText = ({ text, onUse }: { text: string; onUse: () => void }) => {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="xs" mt={6} bg="var(--mantine-color-yellow-light)" data-testid="report-newer-text">
      <Text size="xs" fw={600}>
        {t('reports.conflict.newerText')}
      </Text>
      <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {text.trim() === '' ? t('reports.conflict.newerEmpty') : text}
      </Text>
      <Button size="compact-xs" variant="default" mt={4} onClick={onUse}>
        {t('reports.conflict.useNewer')}
      </Button>
    </Paper>
  );
};

// The report composer: for each section, the original text and the Italian translation side by
// side. Nothing is lost on a conflicting edit: a 412 keeps the text typed here, shows the newer
// saved text under each section that differs, and lets the user take it, keep their own (saving
// over the newer version) or reload.
export const ReportComposer = ({ caseId, report, version, canSubmit }: ReportComposerProps) => {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const keys = reportSectionKeys(report.kind);
  const save = useSaveReportDraft(caseId);
  const submit = useSubmitReport(caseId);
  // The saved version this text builds on (its lockVersion goes in If-Match), and the text.
  const [base, setBase] = useState<ReportVersion>(version);
  const [draft, setDraft] = useState<DraftText>(() => draftFromVersion(report.kind, version));
  // After a 412: the newer version read from the server (when it could be read).
  const [conflict, setConflict] = useState(false);
  const [newer, setNewer] = useState<ReportVersion | null>(null);
  const [readingNewer, setReadingNewer] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const dirty = !sameDraft(draft, draftFromVersion(report.kind, base));
  // A newer copy on the server: read after a 412, or brought by a later read of the list.
  const latest = newer && newer.lockVersion >= version.lockVersion ? newer : version;
  const stale = latest.lockVersion > base.lockVersion;
  const showConflict = conflict || stale;
  const latestText = stale ? draftFromVersion(report.kind, latest) : null;
  const canSaveOverLatest = stale && isEditableStatus(latest.status);
  const missing = missingReportSections(report.kind, draft.sectionsOriginal, draft.sectionsIt);
  const complete = missing.original.length === 0 && missing.it.length === 0;
  const languageError = draft.originalLanguage.trim().length < LANGUAGE_MIN ? t('reports.composer.languageRequired', { minimum: LANGUAGE_MIN }) : undefined;
  const busy = save.isPending || submit.isPending || readingNewer;

  // Leaving the page with unsaved text asks first (the browser's own dialog).
  useEffect(() => {
    if (!dirty) return undefined;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const readNewer = async () => {
    setReadingNewer(true);
    try {
      const reports = await fetchCaseReports(caseId);
      setNewer(reports.items.find((item) => item.id === report.id)?.versions.find((item) => item.id === version.id) ?? null);
    } catch {
      // The alert still says that a newer version exists; reloading remains possible.
    } finally {
      setReadingNewer(false);
    }
  };

  const onStale = async () => {
    setConflict(true);
    await readNewer();
  };

  const saveDraft = async (lockVersion: number = base.lockVersion): Promise<ReportVersion | null> => {
    setError(null);
    try {
      const saved = await save.mutateAsync({ reportId: report.id, lockVersion, input: toInput(draft) });
      const savedVersion = saved.versions.find((item) => item.id === version.id) ?? saved.versions[0] ?? null;
      if (savedVersion) setBase(savedVersion);
      setNewer(null);
      setConflict(false);
      return savedVersion;
    } catch (cause) {
      if (isStaleReport(cause)) await onStale();
      else setError(cause);
      return null;
    }
  };

  const onSave = async () => {
    if (languageError) return;
    const saved = await saveDraft(stale ? latest.lockVersion : base.lockVersion);
    if (saved) notifications.show({ color: 'green', message: t('reports.composer.saved') });
  };

  const onSubmit = async () => {
    if (languageError || showConflict) return;
    setError(null);
    let lockVersion = base.lockVersion;
    if (dirty) {
      const saved = await saveDraft();
      if (!saved) return;
      lockVersion = saved.lockVersion;
    }
    submit.mutate(
      { reportId: report.id, lockVersion },
      {
        onSuccess: () => notifications.show({ color: 'green', message: t('reports.composer.submitted') }),
        onError: (cause) => {
          if (isStaleReport(cause)) void onStale();
          else setError(cause);
        },
      },
    );
  };

  // Drops the text typed here and continues from the newest saved version.
  const reload = async () => {
    setError(null);
    await queryClient.invalidateQueries({ queryKey: caseKey(caseId) });
    const fresh = queryClient
      .getQueryData(reportQueries.list(caseId).queryKey)
      ?.items.find((item) => item.id === report.id)
      ?.versions.find((item) => item.id === version.id);
    const next = fresh ?? newer;
    if (next) {
      setBase(next);
      setDraft(draftFromVersion(report.kind, next));
    }
    setNewer(null);
    setConflict(false);
  };

  const setSection = (side: 'sectionsOriginal' | 'sectionsIt', key: string, text: string) =>
    setDraft((current) => ({ ...current, [side]: { ...current[side], [key]: text } }));

  const headingId = `report-composer-${version.id}`;
  return (
    <Stack gap="md" component="section" aria-labelledby={headingId} data-testid="report-composer">
      <div>
        <Title order={4} size="h5" id={headingId}>
          {t('reports.composer.heading', { version: version.versionNo })}
        </Title>
        <Text size="sm" c="dimmed">
          {t('reports.composer.intro')}
        </Text>
      </div>

      {showConflict && (
        <Alert color="orange" title={t('reports.conflict.title')} data-testid="report-conflict">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t(dirty ? 'reports.conflict.bodyUnsaved' : 'reports.conflict.bodyClean')}</Text>
            {readingNewer && <Text size="sm">{t('reports.conflict.reading')}</Text>}
            {stale && !isEditableStatus(latest.status) && <Text size="sm">{t('reports.conflict.frozen')}</Text>}
            {canSaveOverLatest && dirty && <Text size="sm">{t('reports.conflict.compare')}</Text>}
            <Group gap="xs">
              <Button size="xs" variant="default" onClick={() => void reload()} data-testid="report-conflict-reload">
                {t(dirty ? 'reports.conflict.reloadDiscard' : 'reports.conflict.reload')}
              </Button>
              {canSaveOverLatest && dirty && (
                <Button size="xs" onClick={() => void onSave()} loading={save.isPending} data-testid="report-conflict-save-mine">
                  {t('reports.conflict.saveMine')}
                </Button>
              )}
            </Group>
          </Stack>
        </Alert>
      )}

      <TextInput
        label={t('reports.composer.originalLanguage')}
        description={t('reports.composer.originalLanguageHint')}
        required
        maxLength={LANGUAGE_MAX}
        autoComplete="off"
        value={draft.originalLanguage}
        onChange={(event) => {
          const value = event.currentTarget.value;
          setDraft((current) => ({ ...current, originalLanguage: value }));
        }}
        error={languageError}
        style={{ maxWidth: 360 }}
      />

      <Completeness keys={keys} missing={missing} />

      {keys.map((key) => {
        const title = sectionTitle(t, key);
        const newerOriginal = latestText && latestText.sectionsOriginal[key] !== draft.sectionsOriginal[key] ? latestText.sectionsOriginal[key] : undefined;
        const newerItalian = latestText && latestText.sectionsIt[key] !== draft.sectionsIt[key] ? latestText.sectionsIt[key] : undefined;
        return (
          <Fieldset key={key} legend={title} data-testid={`report-section-${key}`}>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
              <div>
                <Textarea
                  label={
                    <>
                      {t('reports.composer.original', { language: draft.originalLanguage || t('reports.composer.languageUnknown') })}
                      <VisuallyHidden> — {title}</VisuallyHidden>
                    </>
                  }
                  description={missing.original.includes(key) ? t('reports.composer.missing') : undefined}
                  dir="auto"
                  autosize
                  minRows={4}
                  maxRows={20}
                  maxLength={MAX_SECTION_LENGTH}
                  value={draft.sectionsOriginal[key] ?? ''}
                  onChange={(event) => setSection('sectionsOriginal', key, event.currentTarget.value)}
                  data-testid={`report-original-${key}`}
                />
                {newerOriginal !== undefined && <NewerText text={newerOriginal} onUse={() => setSection('sectionsOriginal', key, newerOriginal)} />}
              </div>
              <div>
                <Textarea
                  label={
                    <>
                      {t('reports.composer.italian')}
                      <VisuallyHidden> — {title}</VisuallyHidden>
                    </>
                  }
                  description={missing.it.includes(key) ? t('reports.composer.missing') : undefined}
                  lang="it"
                  autosize
                  minRows={4}
                  maxRows={20}
                  maxLength={MAX_SECTION_LENGTH}
                  value={draft.sectionsIt[key] ?? ''}
                  onChange={(event) => setSection('sectionsIt', key, event.currentTarget.value)}
                  data-testid={`report-italian-${key}`}
                />
                {newerItalian !== undefined && <NewerText text={newerItalian} onUse={() => setSection('sectionsIt', key, newerItalian)} />}
              </div>
            </SimpleGrid>
          </Fieldset>
        );
      })}

      {error !== null && <ReportActionError caseId={caseId} error={error} />}

      <Group gap="sm" align="center">
        {!showConflict && (
          <Button variant="default" onClick={() => void onSave()} disabled={!dirty || busy} loading={save.isPending && !submit.isPending} data-testid="report-save">
            {t('reports.composer.save')}
          </Button>
        )}
        {canSubmit && (
          <Button onClick={() => void onSubmit()} disabled={!complete || showConflict || busy} loading={submit.isPending} data-testid="report-submit">
            {t('reports.composer.submit')}
          </Button>
        )}
        <Text size="sm" c="dimmed" aria-live="polite" data-testid="report-save-state">
          {dirty ? t('reports.composer.unsaved') : t('reports.composer.allSaved')}
        </Text>
      </Group>
      {canSubmit && !complete && (
        <Text size="sm" c="dimmed">
          {t('reports.composer.submitHint')}
        </Text>
      )}
    </Stack>
  );
};
