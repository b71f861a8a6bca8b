import {
  ReleaseReportSchema,
  type CaseDetail,
  type Consent,
  type ReleaseRecipient,
  type ReleaseReportInput,
  type Report,
  type ReportVersion,
} from '@app/contracts';
import { Alert, Button, Group, List, Modal, MultiSelect, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { caseFileQueries } from '@/features/case-file';
import { translateFieldMessage, zodIssueMessage } from '@/lib/form-errors';
import { formatInstantDate } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import { useReleaseReport } from '../api/report-mutations';
import { reportQueries } from '../api/reports-queries';
import { RECIPIENT_ORGANISATION_TYPES } from '../utils/report-access';
import { recipientProblems } from '../utils/report-errors';
import { ReportActionError } from './report-action-error';

type ReleaseFormProps = {
  caseId: string;
  caseDetail: CaseDetail;
  report: Report;
  // The approved version.
  version: ReportVersion;
  onDone: () => void;
};

type FieldName = 'recipients' | 'purpose' | 'legalBasis' | 'familyConsentId';

// Recipients travel in the pick list as "org:<id>" or "user:<id>".
const orgValue = (id: string) => `org:${id}`;
const userValue = (id: string) => `user:${id}`;
const toRecipient = (value: string): ReleaseRecipient =>
  value.startsWith('user:') ? { userId: value.slice(5) } : { organisationId: value.slice(4) };

const isRecipientOrganisationType = (type: string): boolean => (RECIPIENT_ORGANISATION_TYPES as readonly string[]).includes(type);

// The family's consents to sharing the report that are still in force, newest first.
const sharingConsents = (consents: readonly Consent[]): Consent[] =>
  consents
    .filter((consent) => consent.subject === 'FAMILY_MEMBER' && consent.scope === 'SHARE_REPORT' && consent.withdrawnAt === null)
    .sort((a, b) => b.givenAt.localeCompare(a.givenAt));

// Release of an approved version to named recipients (domain §4 #11, §8 rules 4 and 7): who
// receives it, why, on which legal basis and, for a family-assessment report, under which family
// consent. A confirmation states what follows: the version becomes immutable and one entry per
// recipient is written in the disclosure register.
export const ReleaseForm = ({ caseId, caseDetail, report, version, onDone }: ReleaseFormProps) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const release = useReleaseReport(caseId);
  // Only the family-assessment report carries the family's data; the part-2 reports rest on the
  // court's decree and the caregiver's acceptance, with the legal basis given here (issue 4).
  const needsConsent = report.kind === 'FAMILY_ASSESSMENT';
  const organisationsQuery = useQuery(reportQueries.organisations());
  const guardiansQuery = useQuery(reportQueries.guardians());
  const fileQuery = useQuery({ ...caseFileQueries.file(caseId), enabled: needsConsent });

  // The case's own social services and guardian are the usual recipients (domain §5).
  const [recipients, setRecipients] = useState<string[]>(() => [
    ...(caseDetail.socialServices && isRecipientOrganisationType(caseDetail.socialServices.type) ? [orgValue(caseDetail.socialServices.id)] : []),
    ...(caseDetail.guardian ? [userValue(caseDetail.guardian.id)] : []),
  ]);
  const [purpose, setPurpose] = useState('');
  const [legalBasis, setLegalBasis] = useState('');
  const [familyConsentId, setFamilyConsentId] = useState<string | null>(null);
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [pending, setPending] = useState<ReleaseReportInput | null>(null);

  const options = useMemo(() => {
    const labels = new Map<string, string>();
    const groups = new Map<string, { value: string; label: string }[]>();
    const add = (group: string, value: string, label: string) => {
      if (labels.has(value)) return;
      labels.set(value, label);
      groups.set(group, [...(groups.get(group) ?? []), { value, label }]);
    };
    for (const organisation of organisationsQuery.data?.items ?? []) {
      if (isRecipientOrganisationType(organisation.type)) add(t(`organisationTypes.${organisation.type}`), orgValue(organisation.id), organisation.name);
    }
    for (const guardian of guardiansQuery.data?.items ?? []) {
      add(t('reports.release.groupGuardians'), userValue(guardian.id), t('reports.release.personOf', { name: guardian.name, organisation: guardian.organisationName }));
    }
    // The case's own recipients, even before (or without) the directory.
    if (caseDetail.socialServices && isRecipientOrganisationType(caseDetail.socialServices.type)) {
      add(t(`organisationTypes.${caseDetail.socialServices.type}`), orgValue(caseDetail.socialServices.id), caseDetail.socialServices.name);
    }
    if (caseDetail.guardian) add(t('reports.release.groupGuardians'), userValue(caseDetail.guardian.id), caseDetail.guardian.name);
    return { labels, data: [...groups.entries()].map(([group, items]) => ({ group, items })) };
  }, [organisationsQuery.data, guardiansQuery.data, caseDetail.socialServices, caseDetail.guardian, t]);

  const consents = fileQuery.data ? sharingConsents(fileQuery.data.consents) : [];
  const familyMembers = fileQuery.data?.familyMembers ?? [];
  const consentLabel = (consent: Consent) => {
    const member = familyMembers.find((candidate) => candidate.id === consent.familyMemberId);
    const who = member ? `${member.firstName} ${member.lastName} (${member.relationship})` : t('reports.release.familyMember');
    return t('reports.release.consentOption', { who, date: formatInstantDate(consent.givenAt, locale) });
  };
  // Without a consent in force the server refuses a family-assessment report (422): say so first.
  const consentMissing = needsConsent && fileQuery.isSuccess && consents.length === 0;
  const chosenConsent = familyConsentId ?? consents[0]?.id ?? null;
  const recipientLabel = (value: string, index: number) => options.labels.get(value) ?? t('reports.release.unknownRecipient', { number: index + 1 });

  const review = () => {
    const input = {
      recipients: recipients.map(toRecipient),
      purpose,
      legalBasis,
      ...(needsConsent && chosenConsent ? { familyConsentId: chosenConsent } : {}),
    };
    const parsed = ReleaseReportSchema.safeParse(input);
    if (!parsed.success) {
      const next: Partial<Record<FieldName, string>> = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as FieldName | undefined;
        if (!field || next[field]) continue;
        next[field] = field === 'recipients' ? 'reports.release.recipientsRequired' : zodIssueMessage({ ...issue, input: (input as Record<string, unknown>)[field] });
      }
      setErrors(next);
      return;
    }
    setErrors({});
    release.reset();
    setPending(parsed.data);
  };

  const confirm = () => {
    if (!pending) return;
    release.mutate(
      { reportId: report.id, lockVersion: version.lockVersion, input: pending },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('reports.release.done') });
          setPending(null);
          onDone();
        },
        onError: () => setPending(null),
      },
    );
  };

  const fieldError = (name: FieldName) => {
    const message = errors[name];
    if (!message) return undefined;
    return message.startsWith('reports.') ? t(message) : translateFieldMessage(t, message);
  };
  const problems = recipientProblems(release.error);
  const headingId = `release-form-${version.id}`;

  return (
    <form
      noValidate
      aria-labelledby={headingId}
      data-testid="release-form"
      onSubmit={(event) => {
        event.preventDefault();
        review();
      }}
    >
      <Stack gap="md">
        <div>
          <Title order={4} size="h5" id={headingId}>
            {t('reports.release.heading')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('reports.release.intro', { version: version.versionNo })}
          </Text>
        </div>
        <MultiSelect
          label={t('reports.release.recipients')}
          description={t('reports.release.recipientsHint')}
          required
          searchable
          hidePickedOptions
          nothingFoundMessage={t('reports.release.noMatch')}
          data={options.data}
          value={recipients}
          onChange={(value) => {
            setRecipients(value);
            setErrors((current) => ({ ...current, recipients: undefined }));
          }}
          error={fieldError('recipients')}
          data-testid="release-recipients"
        />
        {(organisationsQuery.isError || guardiansQuery.isError) && (
          <Text size="sm" c="red">
            {t('reports.release.directoryFailed')}
          </Text>
        )}
        <Textarea
          label={t('reports.release.purpose')}
          description={t('reports.release.purposeHint')}
          required
          autosize
          minRows={2}
          maxLength={1000}
          value={purpose}
          onChange={(event) => {
            setPurpose(event.currentTarget.value);
            setErrors((current) => ({ ...current, purpose: undefined }));
          }}
          error={fieldError('purpose')}
        />
        <Textarea
          label={t('reports.release.legalBasis')}
          description={t('reports.release.legalBasisHint')}
          required
          autosize
          minRows={2}
          maxLength={1000}
          value={legalBasis}
          onChange={(event) => {
            setLegalBasis(event.currentTarget.value);
            setErrors((current) => ({ ...current, legalBasis: undefined }));
          }}
          error={fieldError('legalBasis')}
        />
        {needsConsent ? (
          consentMissing ? (
            <Alert color="red" title={t('guards.FAMILY_CONSENT_SHARING')} data-testid="release-no-consent">
              {t('reports.release.noConsent')}
            </Alert>
          ) : (
            fileQuery.isSuccess && (
              <Select
                label={t('reports.release.consent')}
                description={t('reports.release.consentHint')}
                required
                allowDeselect={false}
                data={consents.map((consent) => ({ value: consent.id, label: consentLabel(consent) }))}
                value={chosenConsent}
                onChange={(value) => setFamilyConsentId(value)}
                error={fieldError('familyConsentId')}
              />
            )
          )
        ) : (
          <Text size="sm" c="dimmed">
            {t(report.kind === 'NON_LOCATION_NOTE' ? 'reports.release.consentNotNeeded' : 'reports.release.consentNotNeededReturn')}
          </Text>
        )}
        {problems.length > 0 ? (
          <Alert color="red" title={t('reports.release.recipientProblemsTitle')} data-testid="report-action-error">
            <List size="sm">
              {problems.map((problem) => (
                <List.Item key={`${problem.index}-${problem.code}`}>
                  {t(`reports.release.recipientErrors.${['not_allowed', 'not_found', 'mismatch'].includes(problem.code) ? problem.code : 'other'}`, {
                    name: recipients[problem.index] ? recipientLabel(recipients[problem.index]!, problem.index) : t('reports.release.unknownRecipient', { number: problem.index + 1 }),
                  })}
                </List.Item>
              ))}
            </List>
          </Alert>
        ) : (
          release.isError && <ReportActionError caseId={caseId} error={release.error} />
        )}
        <Group gap="sm">
          <Button type="submit" disabled={consentMissing} data-testid="release-review">
            {t('reports.release.review')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>

        <Modal opened={pending !== null} onClose={() => setPending(null)} title={t('reports.release.confirmTitle')} data-testid="release-confirm-dialog">
          {pending && (
            <Stack gap="sm">
              <Alert color="orange" variant="light">
                <Stack gap={6}>
                  <Text size="sm">{t('reports.release.confirmImmutable', { version: version.versionNo })}</Text>
                  <Text size="sm">{t('reports.release.confirmRegister')}</Text>
                </Stack>
              </Alert>
              <div>
                <Text size="sm" fw={600}>
                  {t('reports.release.confirmRecipients')}
                </Text>
                <List size="sm">
                  {recipients.map((value, index) => (
                    <List.Item key={value}>{recipientLabel(value, index)}</List.Item>
                  ))}
                </List>
              </div>
              <Text size="sm">
                <strong>{t('reports.release.purpose')}:</strong> {pending.purpose}
              </Text>
              <Text size="sm">
                <strong>{t('reports.release.legalBasis')}:</strong> {pending.legalBasis}
              </Text>
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setPending(null)}>
                  {t('common.cancel')}
                </Button>
                <Button onClick={confirm} loading={release.isPending} data-autofocus data-testid="release-confirm">
                  {t('reports.release.confirm')}
                </Button>
              </Group>
            </Stack>
          )}
        </Modal>
      </Stack>
    </form>
  );
};
