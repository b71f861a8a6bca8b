import type { AssistanceItem, ReintegrationPlan } from '@app/contracts';
import type { Executor } from '../../database/db';

// ---------------------------------------------------------------------------------------------
// Reintegration plan

export interface PlanRow {
  id: string;
  case_id: string;
  version: number;
  drafted_pre_departure: boolean;
  assessments_done: Partial<ReintegrationPlan['assessmentsDone']>;
  needs_and_skills: string;
  family_situation: string;
  minor_views: string;
  minor_views_language: string;
  mediator_name: string | null;
  updated_at: Date;
}
export interface ObjectiveRow {
  id: string;
  dimension: ReintegrationPlan['objectives'][number]['dimension'];
  level: ReintegrationPlan['objectives'][number]['level'];
  description: string;
}
export interface ItemRow {
  id: string;
  plan_id: string;
  objective_id: string | null;
  dimension: AssistanceItem['dimension'];
  level: AssistanceItem['level'];
  type: AssistanceItem['type'];
  description: string;
  provider: string;
  budget_eur: string;
  in_kind: boolean;
  planned_on: string | null;
  status: AssistanceItem['status'];
  delivered_on: string | null;
  note: string | null;
}
export const ITEM_SELECT = `SELECT id, plan_id, objective_id, dimension, level, type, description, provider, budget_eur::text AS budget_eur, in_kind,
  to_char(planned_on, 'YYYY-MM-DD') AS planned_on, status, to_char(delivered_on, 'YYYY-MM-DD') AS delivered_on, note
  FROM reintegration_assistance_items`;
export const toItem = (r: ItemRow): AssistanceItem => ({
  id: r.id,
  objectiveId: r.objective_id,
  dimension: r.dimension,
  level: r.level,
  type: r.type,
  description: r.description,
  provider: r.provider,
  budgetEur: Number(r.budget_eur),
  inKind: r.in_kind,
  plannedOn: r.planned_on,
  status: r.status,
  deliveredOn: r.delivered_on,
  note: r.note,
});

export interface PlanBundle {
  plan: PlanRow;
  objectives: ObjectiveRow[];
  items: ItemRow[];
  approvedVersionNo: number | null;
}

export async function loadPlan(executor: Executor, caseId: string, options: { lock?: boolean } = {}): Promise<PlanBundle | null> {
  const plan = (await executor.query<PlanRow[]>(`SELECT * FROM reintegration_plans WHERE case_id = $1${options.lock ? ' FOR UPDATE' : ''}`, [caseId]))[0];
  if (!plan) return null;
  const [objectives, items, approved] = await Promise.all([
    executor.query<ObjectiveRow[]>(`SELECT id, dimension, level, description FROM reintegration_objectives WHERE plan_id = $1 ORDER BY created_at, id`, [plan.id]),
    executor.query<ItemRow[]>(`${ITEM_SELECT} WHERE plan_id = $1 ORDER BY created_at, id`, [plan.id]),
    executor.query<{ version_no: number }[]>(
      `SELECT max(v.version_no) AS version_no FROM reports r JOIN report_versions v ON v.report_id = r.id
        WHERE r.case_id = $1 AND r.kind = 'REINTEGRATION_PLAN' AND v.status IN ('APPROVED','RELEASED')`,
      [caseId],
    ),
  ]);
  return { plan, objectives, items, approvedVersionNo: approved[0]?.version_no ?? null };
}

export const toPlan = (b: PlanBundle): ReintegrationPlan => {
  const a = b.plan.assessments_done;
  const items = b.items.map(toItem);
  return {
    id: b.plan.id,
    version: b.plan.version,
    draftedPreDeparture: b.plan.drafted_pre_departure,
    assessmentsDone: { vulnerability: a.vulnerability === true, risk: a.risk === true, family: a.family === true, skills: a.skills === true, rssBaseline: a.rssBaseline === true },
    needsAndSkills: b.plan.needs_and_skills,
    familySituation: b.plan.family_situation,
    minorViews: b.plan.minor_views,
    minorViewsLanguage: b.plan.minor_views_language,
    mediatorName: b.plan.mediator_name,
    objectives: b.objectives.map((o) => ({ id: o.id, dimension: o.dimension, level: o.level, description: o.description })),
    assistanceItems: items,
    totalBudgetEur: Math.round(items.filter((i) => i.status !== 'CANCELLED').reduce((sum, i) => sum + i.budgetEur * 100, 0)) / 100,
    approved: b.approvedVersionNo !== null,
    approvedVersionNo: b.approvedVersionNo,
    updatedAt: b.plan.updated_at.toISOString(),
  };
};
