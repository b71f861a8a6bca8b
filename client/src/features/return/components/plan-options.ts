import { AssistanceStatusSchema, AssistanceTypeSchema, ReintegrationDimensionSchema, ReintegrationLevelSchema } from '@app/contracts';
import { useTranslation } from 'react-i18next';

// The reintegration plan's choices (dimensions, levels, assistance types and statuses), translated.

export const useEnumOptions = () => {
  const { t } = useTranslation();
  return {
    dimensions: ReintegrationDimensionSchema.options.map((value) => ({ value, label: t(`return.plan.dimensions.${value}`) })),
    levels: ReintegrationLevelSchema.options.map((value) => ({ value, label: t(`return.plan.levels.${value}`) })),
    types: AssistanceTypeSchema.options.map((value) => ({ value, label: t(`return.plan.types.${value}`) })),
    statuses: AssistanceStatusSchema.options.map((value) => ({ value, label: t(`return.plan.statuses.${value}`) })),
  };
};
