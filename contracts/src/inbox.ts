import { z } from 'zod';
import { CursorQuerySchema, IdSchema, IsoDateTimeSchema, pageOf } from './common';
import { ReportKindSchema } from './reports';

// The external user's inbox (issue 5): every report version released to the caller, as a person
// (a guardian) or through their organisation (social services, a juvenile court, the ministry),
// from the disclosure register (report_disclosures). Reading it is the PDF download
// (GET /api/reports/:reportId/pdf?version=<versionNo>, watermarked with the reader's name and the
// time); acknowledging it is POST /api/inbox/:disclosureId/acknowledge. The sender (IOM staff)
// sees who read and who acknowledged what and when: GET /api/cases/:caseId/disclosures.

export const InboxStatusFilterSchema = z.enum(['all', 'unread', 'unacknowledged']);
export type InboxStatusFilter = z.infer<typeof InboxStatusFilterSchema>;

// Newest release first (keyset on the release time and the register row's id).
export const InboxQuerySchema = CursorQuerySchema.extend({
  status: InboxStatusFilterSchema.default('all'),
  caseId: IdSchema.optional(),
});
export type InboxQuery = z.infer<typeof InboxQuerySchema>;

export const InboxPersonSchema = z.object({ id: IdSchema, displayName: z.string() });
export type InboxPerson = z.infer<typeof InboxPersonSchema>;

export const InboxItemSchema = z.object({
  // The disclosure-register row: what POST /api/inbox/:id/acknowledge names.
  id: IdSchema,
  report: z.object({ id: IdSchema, kind: ReportKindSchema, versionNo: z.number().int(), contentSha256: z.string() }),
  // The case the report is about: its number and the minor's name as printed on the report. A
  // ministry user gets no case file from this (no case routes are open to the ministry).
  case: z.object({ id: IdSchema, caseNumber: z.string(), minorName: z.string() }),
  // How the register names the recipient ("Comune di Milano – …", or "Paola Riva – Tutori …").
  recipientName: z.string(),
  // Addressed to the caller as a person (true) or to their organisation (false).
  personal: z.boolean(),
  purpose: z.string(),
  legalBasis: z.string(),
  releasedAt: IsoDateTimeSchema,
  // First download by the recipient (the caller, or anyone of the recipient organisation).
  readAt: IsoDateTimeSchema.nullable(),
  readBy: InboxPersonSchema.nullable(),
  acknowledgedAt: IsoDateTimeSchema.nullable(),
  acknowledgedBy: InboxPersonSchema.nullable(),
  // Relative URL of the watermarked PDF of exactly this version.
  pdfUrl: z.string(),
});
export type InboxItem = z.infer<typeof InboxItemSchema>;

export const InboxPageSchema = pageOf(InboxItemSchema).extend({
  // Over the whole inbox, not the page.
  counts: z.object({ total: z.number().int(), unread: z.number().int(), unacknowledged: z.number().int() }),
});
export type InboxPage = z.infer<typeof InboxPageSchema>;

// Acknowledging receipt has no body. Acknowledging twice is harmless: the first acknowledgement
// stays on record (who and when) and the answer is the same item.
export const AcknowledgeResultSchema = InboxItemSchema;
export type AcknowledgeResult = InboxItem;

// The sender's view of a case's disclosure register with receipt: who read and acknowledged.
export const DisclosureReceiptSchema = z.object({
  id: IdSchema,
  report: z.object({ id: IdSchema, kind: ReportKindSchema, versionNo: z.number().int() }),
  recipientName: z.string(),
  recipientOrganisationId: IdSchema.nullable(),
  recipientUserId: IdSchema.nullable(),
  purpose: z.string(),
  legalBasis: z.string(),
  releasedAt: IsoDateTimeSchema,
  releasedBy: InboxPersonSchema,
  readAt: IsoDateTimeSchema.nullable(),
  readBy: InboxPersonSchema.nullable(),
  acknowledgedAt: IsoDateTimeSchema.nullable(),
  acknowledgedBy: InboxPersonSchema.nullable(),
});
export type DisclosureReceipt = z.infer<typeof DisclosureReceiptSchema>;
export const DisclosureReceiptListSchema = z.object({ items: z.array(DisclosureReceiptSchema) });
export type DisclosureReceiptList = z.infer<typeof DisclosureReceiptListSchema>;
