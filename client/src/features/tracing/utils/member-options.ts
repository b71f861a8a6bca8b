import type { TracingPacket } from '@app/contracts';
import type { ComboboxItem, ComboboxItemGroup } from '@mantine/core';
import type { TFunction } from 'i18next';
import { personName } from './tracing-format';

type Options = Array<ComboboxItem | ComboboxItemGroup<ComboboxItem, string>>;

// The family members a field record may name, for a native <select> (light and usable on any
// phone). "Do not contact" relatives are listed so the officer sees them, but cannot be chosen.
export const memberOptions = (
  packet: TracingPacket,
  t: TFunction,
  { empty, includeOthers }: { empty: string; includeOthers: boolean },
): Options => {
  const label = (member: { firstName: string; lastName: string; relationship: string }) => `${personName(member)} (${member.relationship})`;
  const options: Options = [{ value: '', label: empty }];
  if (packet.targetMembers.length > 0) {
    options.push({ group: t('tracing.memberSelect.targets'), items: packet.targetMembers.map((member) => ({ value: member.id, label: label(member) })) });
  }
  if (includeOthers && packet.otherMembers.length > 0) {
    options.push({ group: t('tracing.memberSelect.others'), items: packet.otherMembers.map((member) => ({ value: member.id, label: label(member) })) });
  }
  if (packet.doNotContact.length > 0) {
    options.push({
      group: t('tracing.memberSelect.doNotContact'),
      items: packet.doNotContact.map((member) => ({
        value: member.id,
        label: t('tracing.memberSelect.doNotContactOption', { name: label(member) }),
        disabled: true,
      })),
    });
  }
  return options;
};

export const doNotContactIds = (packet: TracingPacket): ReadonlySet<string> => new Set(packet.doNotContact.map((member) => member.id));
