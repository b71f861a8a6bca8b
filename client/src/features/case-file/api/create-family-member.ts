import { FamilyMemberSchema, type CreateFamilyMemberInput, type FamilyMember } from '@app/contracts';
import { api } from '@/lib/api-client';
import { useCaseFileMutation } from './use-case-file-mutation';

export const createFamilyMember = (caseId: string, input: CreateFamilyMemberInput): Promise<FamilyMember> =>
  api.post(`/cases/${encodeURIComponent(caseId)}/family-members`, input, FamilyMemberSchema);

export const useCreateFamilyMember = (caseId: string) =>
  useCaseFileMutation(caseId, (input: CreateFamilyMemberInput) => createFamilyMember(caseId, input));
