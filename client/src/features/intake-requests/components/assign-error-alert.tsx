import { Alert, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AssignProblem } from '../utils/assign-errors';

// Why the assignment was refused, and the fields at fault by their label.
export const AssignErrorAlert = ({ problem }: { problem: AssignProblem }) => {
  const { t } = useTranslation();
  return (
    <Alert color="red" role="alert" title={t('intakeRequests.assign.errors.title')} data-testid="assign-error">
      <Text size="sm">{t(problem.messageKey)}</Text>
      {problem.fields.length > 0 && (
        <List size="sm" mt="xs" data-testid="assign-error-fields">
          {problem.fields.map((field) => (
            <List.Item key={`${field.path}-${field.messageKey}`}>
              {t('intakeRequests.assign.errors.field', {
                field: field.field ? t(`intakeRequests.assign.fields.${field.field}`) : field.path,
                message: t(field.messageKey),
              })}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
};
