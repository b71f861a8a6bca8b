import type { AuditEventView } from '@app/contracts';
import { Anchor, Badge, Code, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { useLocale } from '@/lib/i18n';
import { formatTimestamp, shortId } from '../utils/dpo-format';

const isDenial = (action: string) => action === 'AUTHZ_DENIED' || action === 'ACCESS_DENIED' || action.endsWith('_ACCESS_DENIED');

type AuditEventsTableProps = {
  events: readonly AuditEventView[];
  caption: string;
  // The case column links to the case's access log (not on the access log itself).
  showCase: boolean;
  onActor?: (actorId: string) => void;
};

// Audit events as the DPO reads them: sequence, when, who (name and role), what, on which record,
// from where; refusals are marked in words. The detail stays folded until asked for.
export const AuditEventsTable = ({ events, caption, showCase, onActor }: AuditEventsTableProps) => {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped withTableBorder verticalSpacing="xs" data-testid="audit-table">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('dpo.audit.columns.seq')}</Table.Th>
            <Table.Th scope="col">{t('dpo.audit.columns.at')}</Table.Th>
            <Table.Th scope="col">{t('dpo.audit.columns.actor')}</Table.Th>
            <Table.Th scope="col">{t('dpo.audit.columns.action')}</Table.Th>
            <Table.Th scope="col">{t('dpo.audit.columns.entity')}</Table.Th>
            {showCase && <Table.Th scope="col">{t('dpo.audit.columns.case')}</Table.Th>}
            <Table.Th scope="col">{t('dpo.audit.columns.ip')}</Table.Th>
            <Table.Th scope="col">{t('dpo.audit.columns.detail')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event) => (
            <Table.Tr key={event.seq} data-testid="audit-row">
              <Table.Td>{event.seq}</Table.Td>
              <Table.Td>
                <time dateTime={event.at}>{formatTimestamp(event.at, locale)}</time>
              </Table.Td>
              <Table.Td>
                {event.actor ? (
                  <>
                    {onActor ? (
                      <Anchor component="button" type="button" size="sm" onClick={() => onActor(event.actor!.id)} title={t('dpo.audit.filterByActor')}>
                        {event.actor.displayName}
                      </Anchor>
                    ) : (
                      <Text size="sm">{event.actor.displayName}</Text>
                    )}
                    {event.actor.role && (
                      <Text size="xs" c="dimmed">
                        {t(`roles.${event.actor.role}`, { defaultValue: event.actor.role })}
                      </Text>
                    )}
                  </>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('dpo.audit.system')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Code>{event.action}</Code>
                  {isDenial(event.action) && (
                    <Badge color="red" variant="light" tt="none" data-testid="audit-denied">
                      {t('dpo.audit.denied')}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{event.entityType}</Text>
                {event.entityId && (
                  <Text size="xs" c="dimmed" title={event.entityId}>
                    {shortId(event.entityId)}
                  </Text>
                )}
              </Table.Td>
              {showCase && (
                <Table.Td>
                  {event.caseId ? (
                    <Anchor component={Link} to={paths.dpoTab('access-log', event.caseId)} size="sm" title={t('dpo.audit.openAccessLog')}>
                      {event.caseNumber ?? shortId(event.caseId)}
                    </Anchor>
                  ) : (
                    t('common.notAvailable')
                  )}
                </Table.Td>
              )}
              <Table.Td>{event.ip ?? t('common.notAvailable')}</Table.Td>
              <Table.Td>
                {Object.keys(event.detail).length > 0 ? (
                  <details>
                    <summary>{t('dpo.audit.showDetail')}</summary>
                    <Code block fz="xs" style={{ whiteSpace: 'pre-wrap', maxWidth: 360 }}>
                      {JSON.stringify(event.detail, null, 2)}
                    </Code>
                  </details>
                ) : (
                  t('common.notAvailable')
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
};
