import type { FamilyMember } from '@app/contracts';
import { Badge, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@/components/ui/query-state';
import { formatCountry } from '@/lib/format';
import { useLocale } from '@/lib/i18n';

const Place = ({ member }: { member: FamilyMember }) => {
  const locale = useLocale();
  const { t } = useTranslation();
  const parts = [member.country ? formatCountry(member.country, locale) : null, member.locality].filter(Boolean);
  return <>{parts.length > 0 ? parts.join(' — ') : t('common.notAvailable')}</>;
};

// Address and phones are high-risk data (domain §3): marked as protected wherever they show.
const Contacts = ({ member }: { member: FamilyMember }) => {
  const { t } = useTranslation();
  if (!member.address && member.phones.length === 0) return <>{t('common.notAvailable')}</>;
  return (
    <Stack gap={2}>
      {/* Wraps rather than being cut to "Dato riserva…" in the narrow column. */}
      <Badge variant="outline" color="gray" tt="none" size="sm" h="auto" styles={{ label: { whiteSpace: 'normal', overflow: 'visible' } }}>
        {t('caseFile.family.protected')}
      </Badge>
      {member.address && <Text size="sm">{member.address}</Text>}
      {member.phones.map((phone) => (
        <Text size="sm" key={phone}>
          {phone}
        </Text>
      ))}
    </Stack>
  );
};

const Warnings = ({ member }: { member: FamilyMember }) => {
  const { t } = useTranslation();
  if (!member.doNotContact && !member.safetyConcern) return <>{t('common.notAvailable')}</>;
  return (
    <Stack gap={4}>
      {member.doNotContact && (
        <div data-testid="do-not-contact">
          <Badge color="red" variant="filled" tt="none">
            {t('caseFile.family.doNotContact')}
          </Badge>
          {member.doNotContactReason && (
            <Text size="sm">{t('caseFile.family.doNotContactReason', { reason: member.doNotContactReason })}</Text>
          )}
        </div>
      )}
      {member.safetyConcern && (
        <Text size="sm">{t('caseFile.family.safetyConcern', { concern: member.safetyConcern })}</Text>
      )}
    </Stack>
  );
};

export const FamilyMemberList = ({ members, canAdd }: { members: readonly FamilyMember[]; canAdd: boolean }) => {
  const { t } = useTranslation();
  if (members.length === 0) {
    return (
      <EmptyState testId="family-empty">{t(canAdd ? 'caseFile.family.empty' : 'caseFile.family.emptyClosed')}</EmptyState>
    );
  }
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped verticalSpacing="xs" data-testid="family-members">
        <Table.Caption>{t('caseFile.family.caption', { count: members.length })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('caseFile.family.columns.relationship')}</Table.Th>
            <Table.Th scope="col">{t('caseFile.family.columns.name')}</Table.Th>
            <Table.Th scope="col">{t('caseFile.family.columns.alive')}</Table.Th>
            <Table.Th scope="col">{t('caseFile.family.columns.place')}</Table.Th>
            <Table.Th scope="col">{t('caseFile.family.columns.caregiver')}</Table.Th>
            <Table.Th scope="col">{t('caseFile.family.columns.contacts')}</Table.Th>
            <Table.Th scope="col">{t('caseFile.family.columns.warnings')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.map((member) => (
            <Table.Tr key={member.id} data-testid="family-member-row">
              <Table.Td>{member.relationship}</Table.Td>
              <Table.Td>
                <Text fw={500}>
                  {member.firstName} {member.lastName}
                </Text>
                {member.aliases.length > 0 && (
                  <Text size="sm" c="dimmed">
                    {t('caseFile.family.aliases', { aliases: member.aliases.join(', ') })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{t(`caseFile.family.aliveValues.${member.alive}`)}</Table.Td>
              <Table.Td>
                <Place member={member} />
              </Table.Td>
              <Table.Td>{t(member.isCaregiverCandidate ? 'caseFile.common.yes' : 'caseFile.common.no')}</Table.Td>
              <Table.Td>
                <Contacts member={member} />
              </Table.Td>
              <Table.Td>
                <Warnings member={member} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
};
