import type { Report, ReportVersion, Role } from '@app/contracts';
import { Button, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApproveReport, useReviewReport } from '../api/report-mutations';
import { canApproveReport, canPassReview, canReturnReport } from '../utils/report-access';
import { ReportActionError } from './report-action-error';

const COMMENT_MIN = 3;
const COMMENT_MAX = 4000;

type ReportReviewProps = {
  caseId: string;
  report: Report;
  // IN_QA or QA_PASSED.
  version: ReportVersion;
  role: Role;
};

// Quality review and approval (domain §4 #9–10). A caseworker passes the review (or sends the
// version back with a comment); the supervisor approves what passed, or sends it back instead.
export const ReportReview = ({ caseId, report, version, role }: ReportReviewProps) => {
  const { t } = useTranslation();
  const review = useReviewReport(caseId);
  const approve = useApproveReport(caseId);
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string | undefined>(undefined);
  const target = { reportId: report.id, lockVersion: version.lockVersion };
  const inReview = version.status === 'IN_QA';
  const mayPass = inReview && canPassReview(role);
  const mayApprove = version.status === 'QA_PASSED' && canApproveReport(role);
  // Either reviewer may still send back a version that passed, as long as it is not approved.
  const mayReturn = canReturnReport(role);
  const error = review.error ?? approve.error;
  const busy = review.isPending || approve.isPending;

  const pass = () => {
    approve.reset();
    const trimmed = comment.trim();
    review.mutate(
      { ...target, input: { result: 'PASS', ...(trimmed ? { comment: trimmed } : {}) } },
      { onSuccess: () => notifications.show({ color: 'green', message: t('reports.review.passed') }) },
    );
  };

  const sendBack = () => {
    approve.reset();
    const trimmed = comment.trim();
    if (trimmed.length < COMMENT_MIN) {
      setCommentError(t('reports.review.commentRequired', { minimum: COMMENT_MIN }));
      return;
    }
    setCommentError(undefined);
    review.mutate(
      { ...target, input: { result: 'RETURN', comment: trimmed } },
      { onSuccess: () => notifications.show({ color: 'green', message: t('reports.review.returned') }) },
    );
  };

  const approveVersion = () => {
    review.reset();
    approve.mutate(target, { onSuccess: () => notifications.show({ color: 'green', message: t('reports.approve.done') }) });
  };

  const headingId = `report-review-${version.id}`;
  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId} data-testid="report-review">
      <Title order={4} size="h5" id={headingId}>
        {t(inReview ? 'reports.review.heading' : 'reports.approve.heading')}
      </Title>
      {inReview && !mayPass && <Text size="sm">{t('reports.review.waitingCaseworker')}</Text>}
      {!inReview && !mayApprove && <Text size="sm">{t('reports.approve.waitingSupervisor')}</Text>}
      {mayApprove && <Text size="sm">{t('reports.approve.hint')}</Text>}
      {mayReturn && (
        <Textarea
          label={t('reports.review.comment')}
          description={t(mayPass ? 'reports.review.commentHint' : 'reports.review.commentReturnHint')}
          autosize
          minRows={2}
          maxLength={COMMENT_MAX}
          value={comment}
          onChange={(event) => {
            setComment(event.currentTarget.value);
            setCommentError(undefined);
          }}
          error={commentError}
          data-testid="report-review-comment"
        />
      )}
      {error !== null && <ReportActionError caseId={caseId} error={error} />}
      {(mayPass || mayApprove || mayReturn) && (
        <Group gap="sm">
          {mayPass && (
            <Button onClick={pass} loading={review.isPending && review.variables?.input.result === 'PASS'} disabled={busy} data-testid="report-qa-pass">
              {t('reports.review.pass')}
            </Button>
          )}
          {mayApprove && (
            <Button onClick={approveVersion} loading={approve.isPending} disabled={busy} data-testid="report-approve">
              {t('reports.approve.button')}
            </Button>
          )}
          {mayReturn && (
            <Button
              variant="outline"
              color="orange"
              onClick={sendBack}
              loading={review.isPending && review.variables?.input.result === 'RETURN'}
              disabled={busy}
              data-testid="report-qa-return"
            >
              {t('reports.review.return')}
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
};
