import type { CaseDetail, CourtFile, CourtHearing, CourtProceeding } from '@app/contracts';
import { birthday, isClosedState } from '@app/contracts';
import { Anchor, Badge, Button, Card, Divider, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, SectionError, SectionSkeleton } from '@/components/ui/query-state';
import { documentContentUrl } from '@/features/documents';
import { formatCalendarDate } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import { returnQueries } from '../api/return-queries';
import { BEFORE_COURT_STATES, isIn } from '../utils/return-access';
import { formatDateTime } from '../utils/return-format';
import { AttachDecreeForm } from './attach-decree-form';
import { CourtAccess } from './court-access';
import { DecisionForm } from './court-decision-form';
import { FilingForm } from './court-filing-form';
import { ProsieguoForm } from './prosieguo-decree-form';
import { RecordHearingForm } from './record-hearing-form';
import { ReturnSection, SubHeading } from './return-section';
import { ScheduleHearingForm } from './schedule-hearing-form';

type Mode = 'staff' | 'court';

const YesNo = ({ value }: { value: boolean | null }) => {
  const { t } = useTranslation();
  if (value === null) return <>{t('common.notAvailable')}</>;
  return <>{t(value ? 'return.common.yes' : 'return.common.no')}</>;
};

const Hearings = ({ caseId, hearings, canRecord }: { caseId: string; hearings: readonly CourtHearing[]; canRecord: boolean }) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const [recording, setRecording] = useState<string | null>(null);
  if (hearings.length === 0) return <EmptyState testId="hearings-empty">{t('return.court.noHearings')}</EmptyState>;
  return (
    <Table.ScrollContainer minWidth={700}>
      <Table verticalSpacing="xs" data-testid="hearings">
        <Table.Caption>{t('return.court.hearingsCaption', { count: hearings.length })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('return.court.columns.scheduled')}</Table.Th>
            <Table.Th scope="col">{t('return.court.columns.held')}</Table.Th>
            <Table.Th scope="col">{t('return.court.columns.minorHeard')}</Table.Th>
            <Table.Th scope="col">{t('return.court.columns.guardianHeard')}</Table.Th>
            <Table.Th scope="col">{t('return.court.columns.interpreter')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {hearings.map((hearing) => (
            <Table.Tr key={hearing.id} data-testid="hearing">
              <Table.Td>
                <Text size="sm">{formatDateTime(hearing.scheduledAt, locale)}</Text>
                {hearing.note && (
                  <Text size="xs" c="dimmed">
                    {hearing.note}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {hearing.heldAt ? (
                  <Stack gap={2}>
                    <Text size="sm">{formatDateTime(hearing.heldAt, locale)}</Text>
                    {hearing.notes && (
                      <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                        {hearing.notes}
                      </Text>
                    )}
                  </Stack>
                ) : canRecord ? (
                  recording === hearing.id ? (
                    <RecordHearingForm caseId={caseId} hearingId={hearing.id} scheduledAt={hearing.scheduledAt} onDone={() => setRecording(null)} />
                  ) : (
                    <Button size="xs" variant="light" onClick={() => setRecording(hearing.id)} data-testid="hearing-record">
                      {t('return.court.recordHearing')}
                    </Button>
                  )
                ) : (
                  <Badge variant="light" color="gray" tt="none">
                    {t('return.court.notHeldYet')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                <YesNo value={hearing.minorHeard} />
              </Table.Td>
              <Table.Td>
                <YesNo value={hearing.guardianHeard} />
              </Table.Td>
              <Table.Td>{hearing.interpreterName ? `${hearing.interpreterName} (${hearing.interpreterLanguage ?? ''})` : t('common.notAvailable')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
};

const ProceedingCard = ({ caseId, caseDetail, proceeding, mode }: { caseId: string; caseDetail: CaseDetail; proceeding: CourtProceeding; mode: Mode }) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const [scheduling, setScheduling] = useState(false);
  const [deciding, setDeciding] = useState(false);
  const [attaching, setAttaching] = useState(false);
  const beforeCourt = proceeding.kind === 'AVR_ART8' && isIn(BEFORE_COURT_STATES, caseDetail.state);
  const { decision, documentsBeforeCourt: docs } = proceeding;
  const staff = mode === 'staff';
  const headingId = `proceeding-${proceeding.id}-heading`;
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={headingId} data-testid="court-proceeding">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={3} size="h5" id={headingId}>
              {t(`return.court.kinds.${proceeding.kind}`)} · {t('return.court.docket', { docket: proceeding.docketNumber })}
            </Title>
            <Text size="sm">{proceeding.court.name}</Text>
            {proceeding.filedOn && (
              <Text size="sm" c="dimmed">
                {t('return.court.filedLine', {
                  by: proceeding.filedByName ?? '',
                  role: proceeding.filedBy ? t(`return.court.filers.${proceeding.filedBy}`) : '',
                  date: formatCalendarDate(proceeding.filedOn, locale),
                })}
              </Text>
            )}
          </div>
          <Badge color={decision ? (decision.outcome === 'RETURN_REJECTED' || decision.outcome === 'PROSIEGUO_REJECTED' ? 'red' : 'green') : 'blue'} variant="light" tt="none" data-testid="proceeding-status">
            {decision ? t(`return.court.outcomes.${decision.outcome}`) : t('return.court.pending')}
          </Badge>
        </Group>
        {proceeding.kind === 'AVR_ART8' && (
          <Stack gap={2} data-testid="documents-before-court">
            <Text size="sm" fw={600}>
              {t('return.court.documentsBeforeCourt')}
            </Text>
            <Text size="sm">
              {docs.familyAssessmentReportId ? '✓' : '✗'} {t('return.court.docFamilyReport')}
            </Text>
            <Text size="sm">
              {docs.socialServicesReportDocumentId ? '✓' : '✗'} {t('return.court.docSsReport')}
              {docs.socialServicesReportDocumentId && staff && (
                <>
                  {' · '}
                  <Anchor href={documentContentUrl(docs.socialServicesReportDocumentId)} size="sm">
                    {t('return.court.download')}
                  </Anchor>
                </>
              )}
            </Text>
            <Text size="sm">
              {docs.reintegrationProposal ? '✓' : '✗'} {t('return.court.docProposal')}
            </Text>
            {docs.otherDocumentIds.length > 0 && <Text size="sm">{t('return.court.docOthers', { count: docs.otherDocumentIds.length })}</Text>}
          </Stack>
        )}
        {proceeding.kind === 'AVR_ART8' && (
          <>
            <Divider />
            <Group justify="space-between">
              <SubHeading>{t('return.court.hearings')}</SubHeading>
              {beforeCourt && !scheduling && (
                <Button size="xs" variant="light" onClick={() => setScheduling(true)} data-testid="hearing-schedule">
                  {t('return.court.scheduleHearing')}
                </Button>
              )}
            </Group>
            {scheduling && <ScheduleHearingForm caseId={caseId} proceedingId={proceeding.id} onDone={() => setScheduling(false)} />}
            <Hearings caseId={caseId} hearings={proceeding.hearings} canRecord={beforeCourt} />
          </>
        )}
        <Divider />
        {decision ? (
          <Stack gap={4} data-testid="court-decision">
            <SubHeading>{t('return.court.decisionHeading')}</SubHeading>
            <Text size="sm">
              {t('return.court.decisionLine', { outcome: t(`return.court.outcomes.${decision.outcome}`), date: formatCalendarDate(decision.decidedOn, locale) })}
            </Text>
            {decision.reasonsSummary && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {decision.reasonsSummary}
              </Text>
            )}
            {decision.prosieguoUntil && <Text size="sm">{t('return.court.prosieguoUntilLine', { date: formatCalendarDate(decision.prosieguoUntil, locale) })}</Text>}
            {decision.appealDeadline && <Text size="sm">{t('return.court.appealLine', { date: formatCalendarDate(decision.appealDeadline, locale) })}</Text>}
            {decision.decreeDocumentId ? (
              <Text size="sm" data-testid="decree-attached">
                ✓ {t('return.court.decreeAttachedLine')}{' '}
                {staff && (
                  <Anchor href={documentContentUrl(decision.decreeDocumentId)} size="sm">
                    {t('return.court.download')}
                  </Anchor>
                )}
              </Text>
            ) : (
              <Stack gap="xs">
                <Text size="sm" c="orange.8" fw={500} data-testid="decree-missing">
                  ✗ {t('return.court.decreeMissing')}
                </Text>
                {!isClosedState(caseDetail.state) &&
                  (attaching ? (
                    <AttachDecreeForm caseId={caseId} decisionId={decision.id} canList={staff} onDone={() => setAttaching(false)} />
                  ) : (
                    <div>
                      <Button size="xs" variant="light" onClick={() => setAttaching(true)} data-testid="decree-attach">
                        {t('return.court.attachDecree')}
                      </Button>
                    </div>
                  ))}
              </Stack>
            )}
          </Stack>
        ) : beforeCourt ? (
          deciding ? (
            <DecisionForm caseId={caseId} proceedingId={proceeding.id} canList={staff} onDone={() => setDeciding(false)} />
          ) : (
            <div>
              <Button variant="light" onClick={() => setDeciding(true)} data-testid="decision-open">
                {t('return.court.recordDecision')}
              </Button>
            </div>
          )
        ) : (
          <Text size="sm" c="dimmed">
            {t('return.court.noDecision')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
};

type CourtSectionProps = {
  caseId: string;
  caseDetail: CaseDetail;
  court: CourtFile;
  mode: Mode;
  hasPlan: boolean;
  eighteenthBirthday: string | null;
  collapsed?: boolean;
};

// The proceedings before the juvenile court (domain §3.8; L. 47/2017 art. 8 and 13): the filing
// (recorded by IOM; IOM does not file), hearings (the minor and the guardian heard, the
// interpreter), the decision with its decree, and the prosieguo after 18. Staff and the court's
// clerks use the same screens; a court sees its own proceedings only.
export const CourtSection = ({ caseId, caseDetail, court, mode, hasPlan, eighteenthBirthday, collapsed = false }: CourtSectionProps) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const [filing, setFiling] = useState(false);
  const [prosieguo, setProsieguo] = useState(false);
  const hasPetition = court.proceedings.some((proceeding) => proceeding.kind === 'AVR_ART8');
  const canFile = mode === 'staff' && isIn(BEFORE_COURT_STATES, caseDetail.state) && !hasPetition;
  const open = !isClosedState(caseDetail.state);
  return (
    <ReturnSection collapsed={collapsed} id="court" title={t('return.sections.court')} intro={t(mode === 'court' ? 'return.court.introCourt' : 'return.court.intro')}>
      <Stack gap="md">
        {court.prosieguoUntil && (
          <Text size="sm" data-testid="prosieguo-until">
            {t('return.court.prosieguoUntilLine', { date: formatCalendarDate(court.prosieguoUntil, locale) })}
          </Text>
        )}
        {court.proceedings.length === 0 && (
          <EmptyState testId="court-empty">{t(canFile ? 'return.court.emptyCanFile' : mode === 'court' ? 'return.court.emptyCourt' : 'return.court.empty')}</EmptyState>
        )}
        {court.proceedings.map((proceeding) => (
          <ProceedingCard key={proceeding.id} caseId={caseId} caseDetail={caseDetail} proceeding={proceeding} mode={mode} />
        ))}
        {mode === 'staff' && hasPetition && <CourtAccess caseId={caseId} courtId={court.proceedings.find((proceeding) => proceeding.kind === 'AVR_ART8')?.court.id ?? null} />}
        {canFile &&
          (filing ? (
            <FilingForm caseId={caseId} hasPlan={hasPlan} onDone={() => setFiling(false)} />
          ) : (
            <div>
              <Button onClick={() => setFiling(true)} data-testid="court-file-open">
                {t('return.court.fileOpen')}
              </Button>
            </div>
          ))}
        {open &&
          (prosieguo ? (
            <ProsieguoForm caseId={caseId} eighteenthBirthday={eighteenthBirthday} onDone={() => setProsieguo(false)} />
          ) : (
            <div>
              <Button variant="subtle" onClick={() => setProsieguo(true)} data-testid="prosieguo-open">
                {t('return.court.prosieguoOpen')}
              </Button>
            </div>
          ))}
      </Stack>
    </ReturnSection>
  );
};

// The court's clerk on a case of their court: its proceedings, hearings, decrees and decisions.
export const CourtClerkPanel = ({ caseId, caseDetail }: { caseId: string; caseDetail: CaseDetail }) => {
  const { t } = useTranslation();
  const courtQuery = useQuery(returnQueries.court(caseId));
  if (!courtQuery.isSuccess) {
    return (
      <Card withBorder padding="lg" data-testid="return-section-court">
        <Title order={2} size="h4" mb="sm">
          {t('return.sections.court')}
        </Title>
        {courtQuery.isError ? <SectionError error={courtQuery.error} onRetry={() => void courtQuery.refetch()} retrying={courtQuery.isFetching} /> : <SectionSkeleton />}
      </Card>
    );
  }
  const eighteenth = caseDetail.minor.dateOfBirth ? birthday(caseDetail.minor.dateOfBirth, 18) : null;
  return <CourtSection caseId={caseId} caseDetail={caseDetail} court={courtQuery.data} mode="court" hasPlan={false} eighteenthBirthday={eighteenth} />;
};
