import { ASSESSMENT_SECTION_KEYS, TracingPacketSchema } from '@app/contracts';
import { buildTracingPacket, canonicalJson, packetSha256, type PacketSources } from './tracing-packet';
import { parseAssessmentIfMatch } from './tracing.service';
import { pickSections, toTracingRequestDetail, toTracingSummary, type TracingRequestRow } from './tracing.mapper';

// Every protected value carries this prefix; none may reach the packet.
const SECRET = 'SECRET-';

// Rows as the database would return them if someone selected every column: the builder must pick
// only the allow-listed fields.
function sources(overrides: Partial<PacketSources> = {}): PacketSources {
  const minor = {
    first_name: 'Mohamed',
    last_name: 'Ibrahim',
    aliases: ['Mohammed Ibraheem'],
    sex: 'M' as const,
    nationality: 'EG',
    date_of_birth: '2009-01-01',
    dob_basis: 'DECLARED' as const,
    dob_is_default_jan1: true,
    languages: ['Arabic (Egyptian)'],
    region: `${SECRET}region`,
    municipality: `${SECRET}municipality`,
    reception_facility: `${SECRET}facility`,
    reception_type: `${SECRET}reception-type`,
    legal_status: `${SECRET}legal-status`,
    asylum_applicant: true,
    trafficking_indicators: `${SECRET}trafficking`,
    health_notes: `${SECRET}health`,
    vulnerabilities: [`${SECRET}vulnerability`],
    internal_notes: `${SECRET}internal`,
    guardian_name: `${SECRET}guardian`,
    social_services_report: `${SECRET}ss-report`,
    court_file: `${SECRET}court`,
    sim_id: `${SECRET}sim`,
  };
  const member = (id: string, relationship: string, extra: object = {}) => ({
    id,
    relationship,
    first_name: `${relationship}-first`,
    last_name: 'Ibrahim',
    aliases: [`${relationship}-alias`],
    alive: 'YES' as const,
    country: 'EG',
    locality: `${relationship}-village`,
    address: `${relationship}-street 1`,
    phones: [`+20 ${relationship} 555`],
    do_not_contact: false,
    do_not_contact_reason: null as string | null,
    safety_concern: `${SECRET}${relationship}-safety`,
    is_caregiver_candidate: true,
    ...extra,
  });
  return {
    generatedAt: new Date('2026-11-20T09:00:00.000Z'),
    targetCountry: 'EG',
    minor,
    familyMembers: [
      member('00000000-0000-4000-8000-000000000001', 'mother'),
      member('00000000-0000-4000-8000-000000000002', 'sister'),
      member('00000000-0000-4000-8000-000000000003', 'uncle', {
        do_not_contact: true,
        do_not_contact_reason: `${SECRET}uncle-organised-the-journey`,
        address: `${SECRET}uncle-address`,
        phones: [`${SECRET}uncle-phone`],
        locality: `${SECRET}uncle-locality`,
        aliases: [`${SECRET}uncle-alias`],
      }),
    ],
    targetMemberIds: ['00000000-0000-4000-8000-000000000001'],
    questions: ['Is the mother able to care for him?'],
    safetyNotes: 'Do not mention the uncle.',
    consent: Object.assign(
      { id: '00000000-0000-4000-8000-0000000000c1', given_at: new Date('2026-11-10T10:00:00.000Z'), language: 'Arabic (Egyptian)', mediator_present: true },
      { minor_words: `${SECRET}minor-words`, mediator_name: `${SECRET}mediator`, informed_by: `${SECRET}informed-by` },
    ),
    riskCheck: Object.assign(
      { id: '00000000-0000-4000-8000-0000000000f1', decision: 'PROCEED_WITH_MITIGATION' as const, mitigation: 'Phone first', approved_at: new Date('2026-11-11T10:00:00.000Z') },
      { risk_to_minor: `${SECRET}risk-minor`, risk_to_family: `${SECRET}risk-family`, area_security: `${SECRET}area`, protection_status_conflict: true, trafficking_concern: true },
    ),
    ...overrides,
  };
}

describe('buildTracingPacket (allow-list)', () => {
  it('carries what the mission needs and validates against the contract', () => {
    const packet = buildTracingPacket(sources());
    expect(TracingPacketSchema.parse(packet)).toEqual(packet);
    expect(packet.minor).toEqual({
      firstName: 'Mohamed',
      lastName: 'Ibrahim',
      aliases: ['Mohammed Ibraheem'],
      sex: 'M',
      dateOfBirth: '2009-01-01',
      dobBasis: 'DECLARED',
      dobIsDefaultJan1: true,
      nationality: 'EG',
      languages: ['Arabic (Egyptian)'],
    });
    expect(packet.targetMembers).toEqual([
      expect.objectContaining({ relationship: 'mother', firstName: 'mother-first', address: 'mother-street 1', phones: ['+20 mother 555'], locality: 'mother-village', country: 'EG' }),
    ]);
    expect(packet.questions).toEqual(['Is the mother able to care for him?']);
    expect(packet.minorConsent).toEqual({ consentId: '00000000-0000-4000-8000-0000000000c1', givenAt: '2026-11-10T10:00:00.000Z', language: 'Arabic (Egyptian)', mediatorPresent: true });
    expect(packet.safety).toEqual({ notes: 'Do not mention the uncle.', riskCheckId: '00000000-0000-4000-8000-0000000000f1', decision: 'PROCEED_WITH_MITIGATION', mitigation: 'Phone first', approvedAt: '2026-11-11T10:00:00.000Z' });
  });

  it('never contains a protected value of the minor, the case, a relative, the consent or the risk check', () => {
    const json = JSON.stringify(buildTracingPacket(sources()));
    expect(json).not.toContain(SECRET);
  });

  it('lists other relatives without address or phone, and "do not contact" relatives only as a warning', () => {
    const packet = buildTracingPacket(sources());
    expect(packet.otherMembers).toEqual([
      { id: '00000000-0000-4000-8000-000000000002', relationship: 'sister', firstName: 'sister-first', lastName: 'Ibrahim', aliases: ['sister-alias'], alive: 'YES', country: 'EG', locality: 'sister-village' },
    ]);
    expect(packet.doNotContact).toEqual([
      { id: '00000000-0000-4000-8000-000000000003', relationship: 'uncle', firstName: 'uncle-first', lastName: 'Ibrahim', warning: 'DO_NOT_CONTACT' },
    ]);
    expect(JSON.stringify(packet.otherMembers)).not.toMatch(/street|555/);
  });

  it('refuses to target a "do not contact" relative or someone who is not on the case', () => {
    expect(() => buildTracingPacket(sources({ targetMemberIds: ['00000000-0000-4000-8000-000000000003'] }))).toThrow(/do not contact/);
    expect(() => buildTracingPacket(sources({ targetMemberIds: ['00000000-0000-4000-8000-000000000009'] }))).toThrow(/not a family member/);
  });

  it('copies arrays, so a later change to a source row does not alter the snapshot', () => {
    const input = sources();
    const packet = buildTracingPacket(input);
    input.minor.aliases.push('changed');
    input.familyMembers[0]!.phones.push('changed');
    expect(packet.minor.aliases).toEqual(['Mohammed Ibraheem']);
    expect(packet.targetMembers[0]!.phones).toEqual(['+20 mother 555']);
  });
});

describe('packet digest', () => {
  it('does not depend on key order (the jsonb copy reorders keys)', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: null }] })).toBe('{"a":[{"c":null,"d":2}],"b":1}');
    const packet = buildTracingPacket(sources());
    const reordered = JSON.parse(JSON.stringify(packet, Object.keys(packet).reverse()));
    expect(packetSha256(packet)).toMatch(/^[0-9a-f]{64}$/);
    expect(packetSha256({ ...reordered, ...packet })).toBe(packetSha256(packet));
    expect(packetSha256({ ...packet, questions: ['other'] })).not.toBe(packetSha256(packet));
  });
});

describe('field view of a cancelled request', () => {
  const row: TracingRequestRow = {
    id: '00000000-0000-4000-8000-0000000000a1',
    case_id: '00000000-0000-4000-8000-0000000000a2',
    mission_id: '00000000-0000-4000-8000-0000000000a3',
    mission_name: 'Mission',
    target_country: 'EG',
    status: 'CANCELLED',
    packet: buildTracingPacket(sources()),
    packet_sha256: 'a'.repeat(64),
    sent_at: new Date('2026-11-20T09:00:00.000Z'),
    due_at: new Date('2026-12-20T09:00:00.000Z'),
    outcome: null,
    outcome_notes: 'mother-village notes',
    outcome_recorded_at: null,
    interview_mode: null,
    cancelled_at: new Date('2026-11-25T09:00:00.000Z'),
    cancel_reason: 'Consent withdrawn',
    version: 2,
  };
  const attempt = { id: 'x', attempted_at: new Date(), channel: 'PHONE' as const, result: 'mother-first answered', family_member_id: null, created_at: new Date() };

  it('shows the mission only the status, the dates and the cancellation', () => {
    const view = toTracingRequestDetail(row, { attempts: [attempt], consents: [], assessment: undefined }, 'field', new Date());
    expect(view).toMatchObject({ status: 'CANCELLED', cancelReason: 'Consent withdrawn', packet: null, contactAttempts: [], outcomeNotes: null });
    expect(JSON.stringify(view)).not.toMatch(/Mohamed|mother/);
    const summary = toTracingSummary({ ...row, minor_first_name: 'Mohamed', minor_last_name: 'Ibrahim', target_member_count: 1, contact_attempt_count: '1' }, new Date());
    expect(summary).toMatchObject({ minorDisplayName: null, targetMemberCount: null, contactAttemptCount: 0 });
  });

  it('still shows IOM Rome everything', () => {
    const view = toTracingRequestDetail(row, { attempts: [attempt], consents: [], assessment: undefined }, 'staff', new Date());
    expect(view.packet).not.toBeNull();
    expect(view.contactAttempts).toHaveLength(1);
  });
});

describe('assessment helpers', () => {
  it('reads If-Match like the case version, and leaves it absent for a first write', () => {
    expect(parseAssessmentIfMatch(undefined)).toBeUndefined();
    expect(parseAssessmentIfMatch('  ')).toBeUndefined();
    expect(parseAssessmentIfMatch('3')).toBe(3);
    expect(parseAssessmentIfMatch('W/"4"')).toBe(4);
    expect(() => parseAssessmentIfMatch('abc')).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });

  it('answers only the known sections, in order', () => {
    const picked = pickSections({ recommendations: 'r', household: 'h', extra: 'x' } as never);
    expect(Object.keys(picked)).toEqual(['household', 'recommendations']);
    expect(ASSESSMENT_SECTION_KEYS).toHaveLength(11);
  });
});
