import type { QueryClient } from '@tanstack/react-query';
import { DpoPage } from '@/features/dpo';
import { canOverseeDataProtection, requireRole } from '@/lib/auth';

export const dpoLoader = (queryClient: QueryClient) => async () => {
  await requireRole(queryClient, canOverseeDataProtection);
  return null;
};

export const DpoRoute = () => <DpoPage />;
