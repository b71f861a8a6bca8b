import type { CaseFile, ReturnFile, RiskCheck } from '@app/contracts';
import { Anchor, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { formatCalendarDate } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import { formatDateTime } from '../utils/return-format';
import type { Values } from './travel-plan-values';

// The latest risk check of a stage, newest first.
const latestCheck = (checks: readonly RiskCheck[], stage: RiskCheck['stage']) => checks.filter((check) => check.stage === stage).sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0] ?? null;

// Departure before the 18th birthday, or within a recorded prosieguo (domain §4 #18).
const departureFits = (plannedDeparture: string, eighteenth: string | null, prosieguoUntil: string | null): boolean | null => {
  if (!plannedDeparture || !eighteenth) return null;
  const day = plannedDeparture.slice(0, 10);
  return day < eighteenth || (prosieguoUntil !== null && day <= prosieguoUntil);
};

// What the approval of the operational plan rests on, from the records: each line says what is
// there and where the rest is recorded.
export const Readiness = ({ caseId, caseFile, file, values }: { caseId: string; caseFile: CaseFile | undefined; file: ReturnFile; values: Pick<Values, 'receivingCaregiverId' | 'consularContact' | 'plannedDeparture'> }) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const checks = caseFile?.riskChecks ?? [];
  const preReturn = latestCheck(checks, 'PRE_RETURN');
  const consular = latestCheck(checks, 'PRE_CONTACT_CONSULATE');
  const acceptance = (caseFile?.consents ?? []).find(
    (consent) => consent.scope === 'RETURN_ACCEPTANCE' && consent.subject === 'FAMILY_MEMBER' && consent.familyMemberId === values.receivingCaregiverId && consent.withdrawnAt === null,
  );
  const describe = (check: RiskCheck | null) =>
    check
      ? t('return.travel.checkLine', {
          decision: t(`caseFile.riskChecks.decisions.${check.decision}`),
          approval: check.approved ? t('return.travel.checkApproved') : t('return.travel.checkPending'),
        })
      : t('return.travel.checkMissing');
  const fits = departureFits(values.plannedDeparture, file.eighteenthBirthday, file.prosieguoUntil);
  const consentsLink = (
    <Anchor component={Link} to={paths.caseTab(caseId, 'consents')} size="sm">
      {t('return.travel.recordInConsents')}
    </Anchor>
  );
  if (!caseFile) return <Text size="sm" c="dimmed">{t('return.travel.readingRecords')}</Text>;
  return (
    <List spacing={4} size="sm" data-testid="travel-readiness">
      <List.Item>
        {t('return.travel.preReturn')}: {describe(preReturn)} {!(preReturn?.approved && preReturn.decision !== 'DO_NOT_PROCEED') && consentsLink}
      </List.Item>
      <List.Item>
        {t('return.travel.caregiverAcceptance')}:{' '}
        {acceptance ? t('return.travel.acceptanceGiven', { date: formatDateTime(acceptance.givenAt, locale) }) : t('return.travel.acceptanceMissing')} {!acceptance && consentsLink}
      </List.Item>
      {values.consularContact && (
        <List.Item>
          {t('return.travel.consular')}: {describe(consular)} {!(consular?.approved && consular.decision !== 'DO_NOT_PROCEED') && consentsLink}
        </List.Item>
      )}
      <List.Item>
        {t('return.travel.planApproval')}: {file.reintegrationPlan?.approved ? t('return.travel.planApproved') : t('return.travel.planNotApproved')}
      </List.Item>
      <List.Item data-testid="travel-age">
        {file.eighteenthBirthday
          ? t('return.travel.eighteenth', { date: formatCalendarDate(file.eighteenthBirthday, locale) })
          : t('return.travel.noBirthday')}
        {file.prosieguoUntil && ` · ${t('return.travel.prosieguo', { date: formatCalendarDate(file.prosieguoUntil, locale) })}`}
        {fits === true && ` · ${t('return.travel.departureFits')}`}
        {fits === false && (
          <Text span c="red.8" fw={600}>
            {' '}
            · {t('return.travel.departureTooLate')}
          </Text>
        )}
      </List.Item>
    </List>
  );
};
