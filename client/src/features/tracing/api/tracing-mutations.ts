import type {
  CreateContactAttemptInput,
  CreateFamilyConsentInput,
  CreateTracingRequestInput,
  PutAssessmentTranslationInput,
  PutFamilyAssessmentInput,
  RecordTracingOutcomeInput,
} from '@app/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { caseKey } from '@/lib/query-keys';
import {
  createContactAttempt,
  createFamilyConsent,
  createTracingRequest,
  putAssessment,
  putTranslation,
  recordOutcome,
} from './tracing-api';
import { tracingQueries } from './tracing-queries';

// Every field record changes the request (its status, its counts): refresh the request and the lists.
const useFieldMutation = <TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tracingQueries.all() }),
  });
};

export const useCreateContactAttempt = (requestId: string) =>
  useFieldMutation((input: CreateContactAttemptInput) => createContactAttempt(requestId, input));

export const useCreateFamilyConsent = (requestId: string) =>
  useFieldMutation((input: CreateFamilyConsentInput) => createFamilyConsent(requestId, input));

export const useRecordOutcome = (requestId: string) =>
  useFieldMutation((input: RecordTracingOutcomeInput) => recordOutcome(requestId, input));

export type PutAssessmentVariables = { input: PutFamilyAssessmentInput; version: number | null };

export const usePutAssessment = (requestId: string) =>
  useFieldMutation(({ input, version }: PutAssessmentVariables) => putAssessment(requestId, input, version));

// Sending a packet moves the case to TRACING_IN_PROGRESS: refresh the whole case (its detail,
// next steps, file and tracing all live under ['cases', caseId]).
export const useCreateTracingRequest = (caseId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateTracingRequestInput) => createTracingRequest(caseId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseKey(caseId) }),
  });
};

export type PutTranslationVariables = { input: PutAssessmentTranslationInput; version: number };

export const usePutTranslation = (caseId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, version }: PutTranslationVariables) => putTranslation(caseId, input, version),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tracingQueries.caseTracing(caseId).queryKey }),
  });
};
