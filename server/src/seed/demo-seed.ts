import { randomBytes } from 'node:crypto';
import { addDays, addYears, romeDay, type CaseState } from '@app/contracts';
import type { EntityManager } from 'typeorm';
import { passwordProblems, type PasswordService } from '../auth/password.service';
import { appendAudit } from '../audit/audit.service';
import { executorOf } from '../database/db';
import { recomputeAllTasks } from '../tasks/task-recompute';
import { originOf, writeDemoStory } from './demo-stories';
import { DEMO_DOMAIN, DEMO_MINORS, DEMO_ORGANISATIONS, DEMO_STATES, DEMO_USERS } from './demo-data';

export interface SeedResult {
  password: string;
  generated: boolean;
  accounts: { email: string; role: string }[];
  cases: number;
}

// Deterministic pseudo-random numbers: the same demo unit on every machine.
function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Every calendar day of the demo unit is a day in Italy, counted by the unit's calendar
// (contracts/src/calendar.ts), the functions the rules count with: generated at any instant, the
// seed satisfies its own guards (docs/testing.md "Dates").
const DAY = 86_400_000;

// States from which a case has a proceeding before the juvenile court.
const COURT_STATES = new Set<CaseState>(['COURT_PENDING', 'COURT_APPROVED', 'COURT_REJECTED', 'AVR_PREPARATION', 'IN_TRANSIT', 'HANDED_OVER', 'REINTEGRATION', 'MONITORING', 'CLOSED_REINTEGRATED']);
// States in which the report has been routed through the Directorate-General.
const ROUTED_STATES = new Set<CaseState>(['REPORT_SENT', 'AWAITING_SOLUTION', 'CLOSED_LOCAL_SOLUTION', 'AVR_REQUESTED', 'AVR_COUNSELLING', ...COURT_STATES]);

export function generateDemoPassword(): string {
  // Four groups of base32-ish characters: readable, 23 characters, far from any common list.
  return randomBytes(15).toString('base64url').replace(/[-_]/g, 'x').match(/.{1,5}/g)!.join('-');
}

export async function isDatabaseEmpty(tx: Pick<EntityManager, 'query'>): Promise<boolean> {
  const rows = await tx.query<{ n: string }[]>(`SELECT count(*) AS n FROM organisations`);
  return Number(rows[0]?.n ?? 0) === 0;
}

export async function seedDemo(
  tx: EntityManager,
  deps: { passwords: PasswordService; now: Date; password?: string | undefined },
): Promise<SeedResult> {
  const generated = !deps.password;
  const password = deps.password ?? generateDemoPassword();
  const problems = passwordProblems(password);
  if (problems.length) throw new Error(`DEMO_PASSWORD is not acceptable: ${problems.map((p) => p.message).join('; ')}`);
  const random = mulberry32(20170407);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;

  const orgIds = new Map<string, string>();
  for (const org of DEMO_ORGANISATIONS) {
    const rows = await tx.query<{ id: string }[]>(
      `INSERT INTO organisations (name, type, country, municipality, district) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [org.name, org.type, org.country ?? null, org.municipality ?? null, org.district ?? null],
    );
    orgIds.set(org.key, rows[0]!.id);
  }

  const userIds = new Map<string, string>();
  for (const user of DEMO_USERS) {
    const rows = await tx.query<{ id: string }[]>(
      `INSERT INTO users (organisation_id, email, display_name, role, password_hash) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [orgIds.get(user.organisation), user.email, user.displayName, user.role, await deps.passwords.hash(password)],
    );
    userIds.set(user.key, rows[0]!.id);
  }

  const now = deps.now.getTime();
  for (const [index, minor] of DEMO_MINORS.entries()) {
    const state = DEMO_STATES[index]!;
    // Ages 14–17; three minors close to 18 so the 180/90/30-day alerts have something to show.
    const nearEighteen = state === 'AGED_OUT' ? -12 : [25, 80, 170][index % 13];
    // Others turn 18 in 200 days to just under 4 years: aged 14 to 17 today.
    const daysTo18 = (index % 13 < 3 || state === 'AGED_OUT') && nearEighteen !== undefined ? nearEighteen : 200 + Math.floor(random() * (4 * 365 - 230));
    const dob = addYears(addDays(romeDay(deps.now), daysTo18), -18);
    const inMilano = index % 2 === 0;
    const requestDate = new Date(now - (20 + Math.floor(random() * 280)) * DAY);
    const arrival = new Date(requestDate.getTime() - (15 + Math.floor(random() * 60)) * DAY);
    const minorRows = await tx.query<{ id: string }[]>(
      `INSERT INTO minors (first_name, last_name, aliases, sex, nationality, date_of_birth, languages, arrival_date, arrival_mode, region, municipality,
         reception_facility, reception_type, legal_status, asylum_applicant)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`,
      [minor.firstName, minor.lastName, minor.aliases, minor.sex, minor.nationality, dob, [originOf(minor.nationality).language],
        romeDay(arrival), minor.nationality === 'AL' || minor.nationality === 'UA' ? 'LAND' : 'SEA', inMilano ? 'Lombardia' : 'Sicilia',
        inMilano ? 'Milano' : 'Palermo', inMilano ? `Comunità per minori «Il Ponte» (demo), Milano` : `Centro SAI «Ulisse» (demo), Palermo`,
        index % 3 === 0 ? 'SAI' : 'FIRST', index % 4 === 0 ? 'Richiedente protezione internazionale' : 'Permesso per minore età', index % 4 === 0],
    );

    const updatedAt = new Date(now - index * 3_600_000 - Math.floor(random() * 3_600_000));
    const channel = index % 5 === 4 ? 'ART19_7BIS_GUARDIAN' : 'DG_MLPS';
    const priority = daysTo18 < 100 ? 'HIGH' : pick(['NORMAL', 'NORMAL', 'NORMAL', 'LOW', 'HIGH'] as const);
    const caseNumber = `IF-${romeDay(requestDate).slice(0, 4)}-${String(index + 1).padStart(4, '0')}`;
    const caseRows = await tx.query<{ id: string }[]>(
      `INSERT INTO cases (case_number, minor_id, state, priority, channel, request_date, requesting_organisation_id, created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [caseNumber, minorRows[0]!.id, state, priority, channel, romeDay(requestDate), orgIds.get(inMilano ? 'ss_milano' : 'ss_palermo'),
        userIds.get('caseworker'), requestDate, updatedAt],
    );
    const caseId = caseRows[0]!.id;

    const grant = (relation: string, target: { user?: string; org?: string }) =>
      tx.query(`INSERT INTO case_grants (case_id, user_id, organisation_id, relation, granted_by, reason) VALUES ($1, $2, $3, $4, $5, 'demo seed')`, [
        caseId,
        target.user ? userIds.get(target.user) : null,
        target.org ? orgIds.get(target.org) : null,
        relation,
        userIds.get('supervisor'),
      ]);
    await grant('supervising_unit', { org: 'iom' });
    await grant('assigned_caseworker', { user: index % 2 === 0 ? 'caseworker' : 'caseworker2' });
    await grant('social_services', { org: inMilano ? 'ss_milano' : 'ss_palermo' });
    // A volunteer guardian holds at most three wards (L. 47/2017 art. 11).
    if ([0, 14, 20].includes(index)) await grant('guardian', { user: 'guardian' });
    if ([1, 19, 25].includes(index)) await grant('guardian', { user: 'guardian2' });
    if (COURT_STATES.has(state)) await grant('court', { org: inMilano ? 'tm_milano' : 'tm_palermo' });
    await writeDemoStory({
      tx: executorOf(tx),
      caseId,
      index,
      state,
      minor,
      channel,
      requestDate,
      updatedAt,
      user: (key) => userIds.get(key)!,
      org: (key) => orgIds.get(key)!,
      mission: orgIds.get(`mission_${minor.nationality.toLowerCase()}`)!,
      guardian: [0, 14, 20].includes(index) ? userIds.get('guardian')! : [1, 19, 25].includes(index) ? userIds.get('guardian2')! : null,
      socialServices: orgIds.get(inMilano ? 'ss_milano' : 'ss_palermo')!,
      court: COURT_STATES.has(state) ? orgIds.get(inMilano ? 'tm_milano' : 'tm_palermo')! : null,
    });
    // The case's version counts the changes the story made; its last update is the seed's.
    await tx.query(`UPDATE cases SET updated_at = $2 WHERE id = $1`, [caseId, updatedAt]);
    if (ROUTED_STATES.has(state) && channel === 'DG_MLPS') await grant('ministry', { org: 'ministry' });
  }
  await tx.query(`SELECT setval('case_number_seq', $1)`, [DEMO_MINORS.length]);
  await recomputeAllTasks(executorOf(tx), deps.now);
  await appendAudit(tx, { action: 'DEMO_SEEDED', entityType: 'system', detail: { cases: DEMO_MINORS.length, users: DEMO_USERS.length } });

  return {
    password,
    generated,
    accounts: DEMO_USERS.map((user) => ({ email: user.email, role: user.role })),
    cases: DEMO_MINORS.length,
  };
}

export async function countActiveDemoAccounts(executor: Pick<EntityManager, 'query'>): Promise<number> {
  const rows = await executor.query<{ n: string }[]>(`SELECT count(*) AS n FROM users WHERE active AND lower(email) LIKE $1`, [`%@${DEMO_DOMAIN}`]);
  return Number(rows[0]?.n ?? 0);
}
