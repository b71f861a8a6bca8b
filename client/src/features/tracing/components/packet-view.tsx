import type { TracingPacket } from '@app/contracts';
import { Anchor, Badge, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DetailList } from '@/components/ui/detail-list';
import { formatCalendarDate, formatCountry } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import { formatDateTime, formatLanguage, personName } from '../utils/tracing-format';

const Section = ({ id, title, children, testId }: { id: string; title: string; children: React.ReactNode; testId?: string }) => (
  <Card withBorder padding="md" component="section" aria-labelledby={id} data-testid={testId}>
    <Title order={2} size="h4" mb="sm" id={id}>
      {title}
    </Title>
    {children}
  </Card>
);

const Aliases = ({ aliases }: { aliases: readonly string[] }) => {
  const { t } = useTranslation();
  if (aliases.length === 0) return null;
  return (
    <Text size="sm" c="dimmed">
      {t('tracing.packet.aliases', { aliases: aliases.join(', ') })}
    </Text>
  );
};

const MinorSection = ({ minor }: { minor: TracingPacket['minor'] }) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const dob = minor.dateOfBirth ? (
    <>
      {formatCalendarDate(minor.dateOfBirth, locale)} ({t(`tracing.dobBasis.${minor.dobBasis}`)})
      {minor.dobIsDefaultJan1 && (
        <Text component="span" display="block" size="sm" c="dimmed">
          {t('tracing.packet.dobNominal')}
        </Text>
      )}
    </>
  ) : (
    t('tracing.packet.dobUnknown')
  );
  return (
    <Section id="packet-minor" title={t('tracing.packet.minorHeading')} testId="packet-minor">
      <DetailList
        items={[
          {
            label: t('tracing.packet.name'),
            value: (
              <>
                {personName(minor)}
                <Aliases aliases={minor.aliases} />
              </>
            ),
          },
          { label: t('tracing.packet.sex'), value: t(`sex.${minor.sex}`) },
          { label: t('tracing.packet.dateOfBirth'), value: dob },
          { label: t('tracing.packet.nationality'), value: formatCountry(minor.nationality, locale) },
          {
            label: t('tracing.packet.languages'),
            value: minor.languages.length > 0 ? minor.languages.map((language) => formatLanguage(language, locale)).join(', ') : t('common.notAvailable'),
          },
        ]}
      />
    </Section>
  );
};

const place = (member: { locality: string | null; country: string | null }, locale: ReturnType<typeof useLocale>): string =>
  [member.locality, member.country ? formatCountry(member.country, locale) : null].filter(Boolean).join(', ');

const TargetMembers = ({ members }: { members: TracingPacket['targetMembers'] }) => {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Section id="packet-targets" title={t('tracing.packet.targetsHeading')} testId="packet-targets">
      <Text size="sm" mb="sm">
        {t('tracing.packet.targetsIntro')}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {members.map((member) => (
          <Card key={member.id} withBorder padding="sm" radius="sm" data-testid="packet-target-member">
            <Group gap="xs" mb={4} wrap="wrap">
              <Text fw={700}>{personName(member)}</Text>
              <Text c="dimmed">({member.relationship})</Text>
              {member.alive !== 'YES' && (
                <Badge variant="outline" color="gray" tt="none" radius="sm">
                  {t(`tracing.alive.${member.alive}`)}
                </Badge>
              )}
            </Group>
            <Aliases aliases={member.aliases} />
            <DetailList
              items={[
                { label: t('tracing.packet.place'), value: place(member, locale) || t('common.notAvailable') },
                { label: t('tracing.packet.address'), value: member.address ?? t('common.notAvailable') },
                {
                  label: t('tracing.packet.phones'),
                  value:
                    member.phones.length > 0 ? (
                      <Stack gap={2} component="span">
                        {member.phones.map((phone) => (
                          <Anchor key={phone} href={`tel:${phone.replace(/[^\d+]/g, '')}`}>
                            {phone}
                          </Anchor>
                        ))}
                      </Stack>
                    ) : (
                      t('common.notAvailable')
                    ),
                },
              ]}
            />
          </Card>
        ))}
      </SimpleGrid>
    </Section>
  );
};

const OtherMembers = ({ members }: { members: TracingPacket['otherMembers'] }) => {
  const { t } = useTranslation();
  const locale = useLocale();
  if (members.length === 0) return null;
  return (
    <Section id="packet-others" title={t('tracing.packet.othersHeading')} testId="packet-others">
      <Text size="sm" mb="sm">
        {t('tracing.packet.othersIntro')}
      </Text>
      <List spacing={4}>
        {members.map((member) => (
          <List.Item key={member.id}>
            <Text component="span" fw={600}>
              {personName(member)}
            </Text>{' '}
            ({member.relationship})
            {place(member, locale) && ` — ${place(member, locale)}`}
            {member.alive !== 'YES' && ` — ${t(`tracing.alive.${member.alive}`)}`}
            <Aliases aliases={member.aliases} />
          </List.Item>
        ))}
      </List>
    </Section>
  );
};

const Questions = ({ questions }: { questions: readonly string[] }) => {
  const { t } = useTranslation();
  return (
    <Section id="packet-questions" title={t('tracing.packet.questionsHeading')} testId="packet-questions">
      {questions.length === 0 ? (
        <Text c="dimmed">{t('tracing.packet.noQuestions')}</Text>
      ) : (
        <List type="ordered" spacing="xs">
          {questions.map((question, index) => (
            <List.Item key={index}>{question}</List.Item>
          ))}
        </List>
      )}
    </Section>
  );
};

const Safety = ({ safety }: { safety: TracingPacket['safety'] }) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const cautious = safety.decision !== 'PROCEED';
  return (
    <Section id="packet-safety" title={t('tracing.packet.safetyHeading')} testId="packet-safety">
      <DetailList
        items={[
          {
            label: t('tracing.packet.riskDecision'),
            value: (
              <Text component="span" fw={cautious ? 700 : undefined} c={cautious ? 'orange.9' : undefined}>
                {t(`tracing.riskDecision.${safety.decision}`)}
              </Text>
            ),
          },
          { label: t('tracing.packet.riskApprovedAt'), value: safety.approvedAt ? formatDateTime(safety.approvedAt, locale) : t('common.notAvailable') },
          { label: t('tracing.packet.mitigation'), value: safety.mitigation ?? t('tracing.packet.none') },
          { label: t('tracing.packet.safetyNotes'), value: safety.notes ?? t('tracing.packet.none') },
        ]}
      />
    </Section>
  );
};

const ConsentProof = ({ consent }: { consent: TracingPacket['minorConsent'] }) => {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Section id="packet-consent" title={t('tracing.packet.consentHeading')} testId="packet-consent">
      <Text size="sm" mb="sm">
        {t('tracing.packet.consentIntro')}
      </Text>
      <DetailList
        items={[
          { label: t('tracing.packet.consentGivenAt'), value: formatDateTime(consent.givenAt, locale) },
          { label: t('tracing.packet.consentLanguage'), value: formatLanguage(consent.language, locale) },
          { label: t('tracing.packet.mediatorPresent'), value: consent.mediatorPresent ? t('tracing.yes') : t('tracing.no') },
          { label: t('tracing.packet.consentId'), value: <Text component="span" ff="monospace" size="sm">{consent.consentId}</Text> },
        ]}
      />
    </Section>
  );
};

// The redacted packet, laid out for fieldwork: who is sought, who must not be approached, what
// to ask, how to stay safe, and the proof that the minor agreed.
export const PacketView = ({ packet }: { packet: TracingPacket }) => (
  <Stack gap="md">
    <MinorSection minor={packet.minor} />
    <TargetMembers members={packet.targetMembers} />
    <Questions questions={packet.questions} />
    <Safety safety={packet.safety} />
    <OtherMembers members={packet.otherMembers} />
    <ConsentProof consent={packet.minorConsent} />
  </Stack>
);
