import type { PortalTracingRequestResult } from '@app/contracts';
import { Button, Stack, Text } from '@mantine/core';
import type { QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '@/components/ui/page-title';
import { paths } from '@/config/paths';
import { TracingRequestForm, TracingRequestSent } from '@/features/portal';
import { canSendTracingRequests, requireRole } from '@/lib/auth';

export const tracingRequestNewLoader = (queryClient: QueryClient) => async () => {
  await requireRole(queryClient, canSendTracingRequests);
  return null;
};

// Social services: a new family-tracing request, then where it stands.
export const TracingRequestNewRoute = () => {
  const { t } = useTranslation();
  const [sent, setSent] = useState<PortalTracingRequestResult | null>(null);
  // A fresh form after "send another" (nothing typed is kept).
  const [formKey, setFormKey] = useState(0);
  return (
    <Stack>
      <PageTitle documentTitle={t('portal.tracingRequest.title')}>{t('portal.tracingRequest.title')}</PageTitle>
      <Text maw={880}>{t('portal.tracingRequest.intro')}</Text>
      {sent ? (
        <TracingRequestSent
          result={sent}
          caseLink={
            <Button component={Link} to={paths.caseDetail(sent.caseId)} data-testid="tracing-request-open-case">
              {t('portal.tracingRequest.openCase')}
            </Button>
          }
          onAnother={() => {
            setSent(null);
            setFormKey((key) => key + 1);
          }}
        />
      ) : (
        <TracingRequestForm key={formKey} onSent={setSent} />
      )}
    </Stack>
  );
};
