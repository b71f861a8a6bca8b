import { QueryClient } from '@tanstack/react-query';
import { isApiError } from './api-client';

// Only failures that can go away on their own are retried (network, 5xx): a 4xx answer or a
// response that breaks the contract will be the same next time.
const shouldRetry = (failureCount: number, error: unknown): boolean => {
  if (isApiError(error) && (error.code === 'INVALID_RESPONSE' || (error.status >= 400 && error.status < 500))) {
    return false;
  }
  return failureCount < 2;
};

export const createQueryClient = (): QueryClient =>
  new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, retry: shouldRetry },
      mutations: { retry: false },
    },
  });
