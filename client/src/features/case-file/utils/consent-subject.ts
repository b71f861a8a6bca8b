import type { Consent, FamilyMember } from '@app/contracts';
import { useTranslation } from 'react-i18next';

// Who gave a consent, in words: "Il minore", or the family member by name and relationship.
export const useConsentSubject = (familyMembers: readonly FamilyMember[]) => {
  const { t } = useTranslation();
  return (consent: Pick<Consent, 'subject' | 'familyMemberId'>): string => {
    const member = familyMembers.find((candidate) => candidate.id === consent.familyMemberId);
    return member
      ? t('caseFile.consents.familyMemberSubject', { name: `${member.firstName} ${member.lastName}`, relationship: member.relationship })
      : t(`caseFile.consents.subjects.${consent.subject}`);
  };
};
