import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SectionError, SectionSkeleton } from '@/components/ui/query-state';
import { useLocale } from '@/lib/i18n';
import { dpoQueries } from '../api/dpo-queries';
import { formatTimestamp } from '../utils/dpo-format';

// The audit trail's hash chain checked now (as npm run audit:verify), and the head hash to keep
// somewhere the database administrators do not control (domain §8 rule 6: unalterable, verifiable).
export const ChainVerificationSection = () => {
  const { t } = useTranslation();
  const locale = useLocale();
  const query = useQuery(dpoQueries.verification());
  const result = query.data;

  return (
    <Stack gap="md" maw={880}>
      <Text>{t('dpo.verification.intro')}</Text>
      {query.isPending && <SectionSkeleton rows={3} />}
      {query.isError && !result && <SectionError error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />}
      {result && (
        <Stack gap="sm" data-testid="verification-result" aria-live="polite">
          <Alert
            color={result.ok ? 'green' : 'red'}
            title={result.ok ? t('dpo.verification.okTitle') : t('dpo.verification.brokenTitle')}
            data-testid={result.ok ? 'verification-ok' : 'verification-broken'}
          >
            {result.ok
              ? t('dpo.verification.ok', { count: result.checked, head: result.headSeq })
              : t('dpo.verification.broken', { seq: result.firstBrokenSeq ?? '?', count: result.checked })}
          </Alert>
          <Text size="sm">{t('dpo.verification.verifiedAt', { date: formatTimestamp(result.verifiedAt, locale) })}</Text>
          <Text size="sm" fw={600} id="verification-head-label">
            {t('dpo.verification.headHash', { seq: result.headSeq })}
          </Text>
          <Group gap="sm" wrap="nowrap" align="flex-start">
            <Code block aria-labelledby="verification-head-label" style={{ wordBreak: 'break-all', flex: 1 }} data-testid="verification-head-hash">
              {result.headHash}
            </Code>
            <CopyButton value={result.headHash}>
              {({ copied, copy }) => (
                <Button variant="default" size="xs" onClick={copy}>
                  {copied ? t('dpo.verification.copied') : t('dpo.verification.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Text size="sm" c="dimmed">
            {t('dpo.verification.anchorHint')}
          </Text>
        </Stack>
      )}
      <Group>
        <Button onClick={() => void query.refetch()} loading={query.isFetching} variant="default" data-testid="verification-run">
          {t('dpo.verification.run')}
        </Button>
      </Group>
    </Stack>
  );
};
