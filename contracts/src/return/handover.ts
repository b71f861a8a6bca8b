import { z } from 'zod';
import { IdSchema, IsoDateTimeSchema } from '../common';
import { Name } from './shared';
import { MIN_MONITORING_MONTHS } from './states';

// ---------------------------------------------------------------------------------------------
// Hand-over (§4 #19; IOM practice: a protocol signed at arrival [S45])

export const ReceiverKindSchema = z.enum(['PARENT', 'RELATIVE', 'CHILD_PROTECTION_AUTHORITY', 'OTHER']);
export type ReceiverKind = z.infer<typeof ReceiverKindSchema>;

// Confirms the arrival and who received the child, with the signed protocol (a case document of
// type HANDOVER_PROTOCOL). Schedules the monitoring visits and moves the case IN_TRANSIT →
// HANDED_OVER in the same transaction.
export const RecordHandoverSchema = z
  .strictObject({
    arrivedAt: IsoDateTimeSchema,
    place: Name,
    receivedByName: Name,
    receivedByKind: ReceiverKindSchema,
    receivedByFamilyMemberId: IdSchema.optional(),
    protocolDocumentId: IdSchema,
    signedBy: z.array(Name).min(2).max(10),
    notes: z.string().trim().max(4000).optional(),
    // Months after the hand-over for the monitoring visits (default DEFAULT_MONITORING_MONTHS);
    // the last one at least MIN_MONITORING_MONTHS. A vulnerable case gets a longer schedule.
    monitoringMonths: z.array(z.number().int().min(1).max(36)).min(1).max(12).optional(),
  })
  .refine((h) => !h.monitoringMonths || Math.max(...h.monitoringMonths) >= MIN_MONITORING_MONTHS, {
    path: ['monitoringMonths'],
    message: `Monitoring lasts at least ${MIN_MONITORING_MONTHS} months`,
    params: { code: 'too_short' },
  });
export type RecordHandoverInput = z.infer<typeof RecordHandoverSchema>;

export const HandoverSchema = z.object({
  id: IdSchema,
  arrivedAt: IsoDateTimeSchema,
  place: z.string(),
  receivedByName: z.string(),
  receivedByKind: ReceiverKindSchema,
  receivedByFamilyMemberId: IdSchema.nullable(),
  protocolDocumentId: IdSchema,
  signedBy: z.array(z.string()),
  notes: z.string().nullable(),
  recordedAt: IsoDateTimeSchema,
});
export type Handover = z.infer<typeof HandoverSchema>;
