import type { TracingPacket } from '@app/contracts';
import { Alert, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { personName } from '../utils/tracing-format';

// Relatives who must never be approached: who they are, never where or how to reach them. Shown
// first and loud, in words as well as in colour.
export const DoNotContactWarning = ({ people }: { people: TracingPacket['doNotContact'] }) => {
  const { t } = useTranslation();
  if (people.length === 0) return null;
  return (
    <Alert
      color="red"
      variant="light"
      radius="md"
      title={<Text component="span" fw={800} c="red.9" tt="uppercase">{t('tracing.doNotContact.title')}</Text>}
      styles={{ root: { border: '3px solid var(--mantine-color-red-8)' } }}
      data-testid="do-not-contact-warning"
      role="region"
      aria-label={t('tracing.doNotContact.title')}
    >
      <Text fw={600} mb="xs">
        {t('tracing.doNotContact.body')}
      </Text>
      <List spacing={4}>
        {people.map((person) => (
          <List.Item key={person.id} data-testid="do-not-contact-person">
            <Text component="span" fw={700}>
              {personName(person)}
            </Text>{' '}
            ({person.relationship})
          </List.Item>
        ))}
      </List>
      <Text size="sm" mt="xs">
        {t('tracing.doNotContact.ifMet')}
      </Text>
    </Alert>
  );
};
