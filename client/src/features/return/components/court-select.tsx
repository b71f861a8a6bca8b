import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Controller, type Control, type FieldValues, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { reportQueries } from '@/features/reports';

type CourtSelectProps<T extends FieldValues, C, O> = { control: Control<T, C, O>; name: Path<T>; error?: string | undefined; searchable?: boolean };

// The juvenile court of a form (the filing, a prosieguo, the court's access), chosen among the
// directory's juvenile courts; the form keeps '' while none is chosen.
export const CourtSelect = <T extends FieldValues, C, O>({ control, name, error, searchable = false }: CourtSelectProps<T, C, O>) => {
  const { t } = useTranslation();
  const organisations = useQuery(reportQueries.organisations());
  const courts = (organisations.data?.items ?? []).filter((organisation) => organisation.type === 'JUVENILE_COURT');
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <Select
          label={t('return.court.court')}
          required
          searchable={searchable}
          data={courts.map((court) => ({ value: court.id, label: court.name }))}
          value={(field.value as string | undefined) || null}
          onChange={(value) => field.onChange(value ?? '')}
          onBlur={field.onBlur}
          ref={field.ref}
          name={field.name}
          error={error}
        />
      )}
    />
  );
};
