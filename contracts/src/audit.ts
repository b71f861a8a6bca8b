import { z } from 'zod';
export const AuditVerifyResultSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBrokenSeq: z.number().int().nullable(),
  headSeq: z.number().int(),
});
export type AuditVerifyResult = z.infer<typeof AuditVerifyResultSchema>;
