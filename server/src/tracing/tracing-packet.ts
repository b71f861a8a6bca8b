import { createHash } from 'node:crypto';
import type { TracingPacket } from '@app/contracts';

// The tracing packet is built by an allow-list (domain.md §8 rules 3 and 8): each field below is
// copied by name from its source row, so a column added to the minor, the case or a relative
// later never reaches a mission by accident. The sources may carry more columns than listed here
// (the unit test passes rows full of protected data); none of them is read.

export interface PacketMinorSource {
  first_name: string;
  last_name: string;
  aliases: string[];
  sex: 'M' | 'F' | 'X';
  nationality: string;
  // YYYY-MM-DD
  date_of_birth: string | null;
  dob_basis: 'DECLARED' | 'DOCUMENT' | 'AGE_ASSESSMENT';
  dob_is_default_jan1: boolean;
  languages: string[];
}

export interface PacketMemberSource {
  id: string;
  relationship: string;
  first_name: string;
  last_name: string;
  aliases: string[];
  alive: 'YES' | 'NO' | 'UNKNOWN';
  country: string | null;
  locality: string | null;
  address: string | null;
  phones: string[];
  do_not_contact: boolean;
}

export interface PacketConsentSource {
  id: string;
  given_at: Date;
  language: string;
  mediator_present: boolean;
}

export interface PacketRiskCheckSource {
  id: string;
  decision: 'PROCEED' | 'PROCEED_WITH_MITIGATION' | 'DO_NOT_PROCEED';
  mitigation: string | null;
  approved_at: Date | null;
}

export interface PacketSources {
  generatedAt: Date;
  targetCountry: string;
  minor: PacketMinorSource;
  // Every relative on the case file, in a stable order.
  familyMembers: readonly PacketMemberSource[];
  targetMemberIds: readonly string[];
  questions: readonly string[];
  safetyNotes: string | null;
  consent: PacketConsentSource;
  riskCheck: PacketRiskCheckSource;
}

const trimmed = (value: string | null): string | null => (value === null ? null : value.trim());

export function buildTracingPacket(sources: PacketSources): TracingPacket {
  const byId = new Map(sources.familyMembers.map((m) => [m.id, m]));
  const targets = sources.targetMemberIds.map((id) => {
    const member = byId.get(id);
    // The service validates targets first (with field errors); this is the last line of defence.
    if (!member) throw new Error(`tracing packet: ${id} is not a family member of the case`);
    if (member.do_not_contact) throw new Error(`tracing packet: ${id} is flagged "do not contact"`);
    return member;
  });
  const targetIds = new Set(sources.targetMemberIds);
  const identity = (m: PacketMemberSource) => ({
    id: m.id,
    relationship: m.relationship,
    firstName: m.first_name,
    lastName: m.last_name,
    aliases: [...m.aliases],
    alive: m.alive,
    country: trimmed(m.country),
    locality: m.locality,
  });

  return {
    schemaVersion: 1,
    generatedAt: sources.generatedAt.toISOString(),
    targetCountry: sources.targetCountry.trim(),
    minor: {
      firstName: sources.minor.first_name,
      lastName: sources.minor.last_name,
      aliases: [...sources.minor.aliases],
      sex: sources.minor.sex,
      dateOfBirth: sources.minor.date_of_birth,
      dobBasis: sources.minor.dob_basis,
      dobIsDefaultJan1: sources.minor.dob_is_default_jan1,
      nationality: sources.minor.nationality.trim(),
      languages: [...sources.minor.languages],
    },
    targetMembers: targets.map((m) => ({ ...identity(m), address: m.address, phones: [...m.phones] })),
    otherMembers: sources.familyMembers.filter((m) => !targetIds.has(m.id) && !m.do_not_contact).map(identity),
    doNotContact: sources.familyMembers
      .filter((m) => m.do_not_contact)
      .map((m) => ({ id: m.id, relationship: m.relationship, firstName: m.first_name, lastName: m.last_name, warning: 'DO_NOT_CONTACT' as const })),
    questions: [...sources.questions],
    minorConsent: {
      consentId: sources.consent.id,
      givenAt: sources.consent.given_at.toISOString(),
      language: sources.consent.language,
      mediatorPresent: sources.consent.mediator_present,
    },
    safety: {
      notes: sources.safetyNotes,
      riskCheckId: sources.riskCheck.id,
      decision: sources.riskCheck.decision,
      mitigation: sources.riskCheck.mitigation,
      approvedAt: sources.riskCheck.approved_at?.toISOString() ?? null,
    },
  };
}

// JSON with object keys sorted at every level: the stored jsonb reorders keys, so the digest is
// taken over this form and can be recomputed from the database copy.
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export const packetSha256 = (packet: unknown): string => createHash('sha256').update(canonicalJson(packet), 'utf8').digest('hex');
