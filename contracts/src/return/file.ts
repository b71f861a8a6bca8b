import { z } from 'zod';
import { ConsentSchema } from '../case-file';
import { IdSchema, IsoDateSchema } from '../common';
import { CounsellingSessionSchema } from './counselling';
import { CourtFileSchema } from './court';
import { HandoverSchema } from './handover';
import { MonitoringVisitSchema } from './monitoring';
import { ReintegrationPlanSchema } from './plan';
import { ReturnReportRefSchema } from './reports';
import { DurableSolutionSchema } from './solution';
import { TravelPlanSchema } from './travel';

// ---------------------------------------------------------------------------------------------
// The return file (IOM staff): GET /api/cases/:caseId/return

export const ReturnFileSchema = z.object({
  caseId: IdSchema,
  eighteenthBirthday: IsoDateSchema.nullable(),
  prosieguoUntil: IsoDateSchema.nullable(),
  avrRequest: z.object({ minorRequest: ConsentSchema.nullable(), guardianConsent: ConsentSchema.nullable() }),
  counsellingSessions: z.array(CounsellingSessionSchema),
  reintegrationPlan: ReintegrationPlanSchema.nullable(),
  court: CourtFileSchema,
  travelPlan: TravelPlanSchema.nullable(),
  handover: HandoverSchema.nullable(),
  monitoringVisits: z.array(MonitoringVisitSchema),
  durableSolutions: z.array(DurableSolutionSchema),
  reports: z.array(ReturnReportRefSchema),
});
export type ReturnFile = z.infer<typeof ReturnFileSchema>;
