import { TRACING_DEFAULT_SLA_DAYS, addRomeDays, type GuardCode, type TracingPacket } from '@app/contracts';
import type { Executor } from '../database/db';
import { buildTracingPacket, packetSha256, type PacketConsentSource, type PacketMemberSource, type PacketMinorSource, type PacketRiskCheckSource } from './tracing-packet';
import { appendCaseHistory } from '../workflow/case-changes';

// SQL shared by the tracing service and the demo seed, so a seeded request is built exactly like
// one sent through the API.

export const DAY_MS = 86_400_000;

export interface PacketSourceRows {
  minor: PacketMinorSource;
  familyMembers: PacketMemberSource[];
  // The newest minor's tracing consent that is not withdrawn.
  consent: PacketConsentSource | undefined;
  // The newest PRE_TRACING risk check, whatever its decision.
  riskCheck: (PacketRiskCheckSource & { approved: boolean }) | undefined;
}

// Only the allow-listed columns are selected: the builder's allow-list is the second wall.
export async function loadPacketSources(executor: Executor, caseId: string): Promise<PacketSourceRows> {
  const [minors, members, consents, risks] = await Promise.all([
    executor.query<PacketMinorSource[]>(
      `SELECT m.first_name, m.last_name, m.aliases, m.sex, m.nationality, to_char(m.date_of_birth, 'YYYY-MM-DD') AS date_of_birth,
              m.dob_basis, m.dob_is_default_jan1, m.languages
         FROM cases c JOIN minors m ON m.id = c.minor_id WHERE c.id = $1`,
      [caseId],
    ),
    executor.query<PacketMemberSource[]>(
      `SELECT id, relationship, first_name, last_name, aliases, alive, country, locality, address, phones, do_not_contact
         FROM family_members WHERE case_id = $1 ORDER BY created_at, id`,
      [caseId],
    ),
    executor.query<PacketConsentSource[]>(
      `SELECT id, given_at, language, mediator_present FROM consents
        WHERE case_id = $1 AND subject = 'MINOR' AND scope = 'TRACING' AND withdrawn_at IS NULL ORDER BY given_at DESC, id DESC LIMIT 1`,
      [caseId],
    ),
    executor.query<(PacketRiskCheckSource & { approved: boolean })[]>(
      `SELECT id, decision, mitigation, approved_at, approved_by IS NOT NULL AS approved FROM risk_checks
        WHERE case_id = $1 AND stage = 'PRE_TRACING' ORDER BY created_at DESC, id DESC LIMIT 1`,
      [caseId],
    ),
  ]);
  const minor = minors[0];
  if (!minor) throw new Error(`tracing: case ${caseId} not found`);
  return { minor, familyMembers: members, consent: consents[0], riskCheck: risks[0] };
}

// The two preconditions of every packet (domain.md §8 rules 2 and 4), checked again here even
// though READY_FOR_TRACING implies them: a consent can be withdrawn, a newer risk check can say no.
export function missingPreconditions(sources: Pick<PacketSourceRows, 'consent' | 'riskCheck'>): { code: GuardCode; message: string }[] {
  const unmet: { code: GuardCode; message: string }[] = [];
  if (!sources.consent) unmet.push({ code: 'MINOR_CONSENT_TRACING', message: "The minor's informed consent to tracing is not recorded, or was withdrawn" });
  const risk = sources.riskCheck;
  if (!risk || !risk.approved || risk.decision === 'DO_NOT_PROCEED') {
    unmet.push({
      code: 'RISK_CHECK_PRE_TRACING_PROCEED',
      message: !risk
        ? 'No pre-tracing risk check is recorded'
        : risk.decision === 'DO_NOT_PROCEED'
          ? 'The latest pre-tracing risk check concluded "do not proceed"'
          : 'The latest pre-tracing risk check is not approved by a supervisor',
    });
  }
  return unmet;
}

export interface InsertTracingRequest {
  caseId: string;
  missionId: string;
  targetCountry: string;
  packet: TracingPacket;
  consentId: string;
  riskCheckId: string;
  targetMemberIds: readonly string[];
  sentAt: Date;
  dueAt: Date;
  sentBy: string;
  status?: 'SENT' | 'IN_PROGRESS';
}

export async function insertTracingRequest(executor: Executor, input: InsertTracingRequest): Promise<{ id: string; sha256: string }> {
  const sha256 = packetSha256(input.packet);
  const rows = await executor.query<{ id: string }[]>(
    `INSERT INTO tracing_requests (case_id, mission_id, target_country, status, packet, packet_sha256, minor_consent_id, risk_check_id,
        target_member_ids, sent_at, due_at, sent_by, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $10) RETURNING id`,
    [input.caseId, input.missionId, input.targetCountry, input.status ?? 'SENT', JSON.stringify(input.packet), sha256, input.consentId, input.riskCheckId,
      [...input.targetMemberIds], input.sentAt, input.dueAt, input.sentBy],
  );
  return { id: rows[0]!.id, sha256 };
}

// The mission reaches the request through a field_mission grant on the case (never the case file:
// CASE_FILE_RELATIONS_BY_ROLE gives field officers nothing). Returns true when a grant was added.
export async function ensureFieldMissionGrant(executor: Executor, caseId: string, missionId: string, grantedBy: string, now: Date): Promise<boolean> {
  const rows = await executor.query<{ id: string }[]>(
    `INSERT INTO case_grants (case_id, organisation_id, relation, granted_by, reason, created_at)
     SELECT $1, $2, 'field_mission', $3, 'tracing request sent', $4
      WHERE NOT EXISTS (SELECT 1 FROM case_grants WHERE case_id = $1 AND organisation_id = $2 AND relation = 'field_mission'
                          AND (expires_at IS NULL OR expires_at > $4))
     RETURNING id`,
    [caseId, missionId, grantedBy, now],
  );
  return rows.length > 0;
}

export interface SeedTracingRequest {
  caseId: string;
  // An IOM_MISSION organisation.
  missionId: string;
  // Defaults to the mission's country.
  targetCountry?: string;
  // Must be relatives of the case without "do not contact".
  targetMemberIds: readonly string[];
  questions?: readonly string[];
  safetyNotes?: string | null;
  // A caseworker or supervisor.
  sentBy: string;
  sentAt: Date;
  dueAt?: Date;
  status?: 'SENT' | 'IN_PROGRESS';
}

// For the demo seed: a request consistent with one sent through the API (same packet builder,
// digest, grant and history), without the workflow move (the seed sets case states directly).
// Prerequisites on the case: the minor's active TRACING consent and an approved PRE_TRACING risk
// check that allows proceeding; the targets exist and are not "do not contact". Throws otherwise.
// Call it inside the seed's transaction: createTracingRequestForSeed(executorOf(tx), {...}).
export async function createTracingRequestForSeed(executor: Executor, input: SeedTracingRequest): Promise<{ id: string; sha256: string }> {
  const sources = await loadPacketSources(executor, input.caseId);
  const unmet = missingPreconditions(sources);
  if (unmet.length || !sources.consent || !sources.riskCheck) throw new Error(`seed tracing request for case ${input.caseId}: ${unmet.map((u) => u.code).join(', ')}`);
  const mission = (await executor.query<{ country: string | null }[]>(`SELECT country FROM organisations WHERE id = $1 AND type = 'IOM_MISSION'`, [input.missionId]))[0];
  if (!mission) throw new Error(`seed tracing request: ${input.missionId} is not an IOM mission`);
  const targetCountry = (input.targetCountry ?? mission.country ?? '').trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(targetCountry)) throw new Error('seed tracing request: no target country');
  const packet = buildTracingPacket({
    generatedAt: input.sentAt,
    targetCountry,
    minor: sources.minor,
    familyMembers: sources.familyMembers,
    targetMemberIds: input.targetMemberIds,
    questions: input.questions ?? [],
    safetyNotes: input.safetyNotes ?? null,
    consent: sources.consent,
    riskCheck: sources.riskCheck,
  });
  const created = await insertTracingRequest(executor, {
    caseId: input.caseId,
    missionId: input.missionId,
    targetCountry,
    packet,
    consentId: sources.consent.id,
    riskCheckId: sources.riskCheck.id,
    targetMemberIds: input.targetMemberIds,
    sentAt: input.sentAt,
    dueAt: input.dueAt ?? addRomeDays(input.sentAt, TRACING_DEFAULT_SLA_DAYS),
    sentBy: input.sentBy,
    ...(input.status ? { status: input.status } : {}),
  });
  await ensureFieldMissionGrant(executor, input.caseId, input.missionId, input.sentBy, input.sentAt);
  await appendCaseHistory(executor, {
    caseId: input.caseId, at: input.sentAt, actorId: input.sentBy, kind: 'TRACING_REQUEST_SENT',
    detail: { entityId: created.id, missionId: input.missionId, targetCountry, packetSha256: created.sha256 },
  });
  return created;
}
