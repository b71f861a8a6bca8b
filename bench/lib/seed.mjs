// The national-scale volume, added on top of a migrated database holding the demo unit:
//   N cases (100,000 at scale 1), one minor each, 9 family members per case (1,000,000 people),
//   grants of every relation (caseworkers, the supervising unit, social services offices,
//   volunteer guardians with at most three wards, juvenile courts, missions, the ministry),
//   tasks from the app's own task rules, case history, documents metadata, consents and risk
//   checks, tracing requests, and audit events through the hash-chain trigger.
// Rows are built here (deterministic PRNG) and inserted with multi-row INSERT … SELECT FROM
// unnest(…) in batches, through the app's tables, constraints, triggers and indexes.
import { randomUUID, randomBytes } from 'node:crypto';
import { NATIONALITIES, mulberry32, person, pick, relative } from './names.mjs';
import { requireServer, serverModule } from './paths.mjs';

const contracts = requireServer('@app/contracts');
const DAY = 86_400_000;
export const BENCH_DOMAIN = 'bench.example';

// Lifetime distribution of 100k cases: about half closed (the archive), the rest spread over
// the workflow with the busy early states and tracing heaviest.
const STATE_WEIGHTS = {
  CLOSED_LOCAL_SOLUTION: 22, CLOSED_REINTEGRATED: 3, WITHDRAWN: 6, AGED_OUT: 14, REJECTED: 4,
  RECEIVED: 3, SCREENING: 6, INFO_REQUESTED: 2, READY_FOR_TRACING: 1.5, TRACING_IN_PROGRESS: 9, FAMILY_LOCATED: 2, NOT_LOCATED: 2.5,
  UNSAFE: 0.5, FAMILY_REFUSED: 0.5, ASSESSMENT_DONE: 2, REPORT_DRAFTING: 4, REPORT_QA: 1, REPORT_APPROVED: 1, REPORT_SENT: 1.5,
  AWAITING_SOLUTION: 4, AVR_REQUESTED: 0.5, AVR_COUNSELLING: 0.5, COURT_PENDING: 1, COURT_APPROVED: 0.5, COURT_REJECTED: 0.3,
  AVR_PREPARATION: 0.5, IN_TRANSIT: 0.2, HANDED_OVER: 0.2, REINTEGRATION: 1, MONITORING: 1.5, ON_HOLD: 2,
};
const COURT_STATES = new Set(['COURT_PENDING', 'COURT_APPROVED', 'COURT_REJECTED', 'AVR_PREPARATION', 'IN_TRANSIT', 'HANDED_OVER', 'REINTEGRATION', 'MONITORING', 'CLOSED_REINTEGRATED']);
const ROUTED_STATES = new Set(['REPORT_SENT', 'AWAITING_SOLUTION', 'CLOSED_LOCAL_SOLUTION', 'AVR_REQUESTED', 'AVR_COUNSELLING', ...COURT_STATES]);
const TRACING_STARTED = new Set(['TRACING_IN_PROGRESS', 'FAMILY_LOCATED', 'NOT_LOCATED', 'UNSAFE', 'FAMILY_REFUSED', 'ASSESSMENT_DONE', 'REPORT_DRAFTING',
  'REPORT_QA', 'REPORT_APPROVED', 'REPORT_SENT', 'AWAITING_SOLUTION', 'CLOSED_LOCAL_SOLUTION']);
const CITIES = ['Roma', 'Milano', 'Napoli', 'Torino', 'Palermo', 'Genova', 'Bologna', 'Firenze', 'Bari', 'Catania', 'Venezia', 'Verona', 'Messina', 'Padova',
  'Trieste', 'Brescia', 'Taranto', 'Prato', 'Parma', 'Modena', 'Reggio Calabria', 'Reggio Emilia', 'Perugia', 'Ravenna', 'Livorno', 'Cagliari', 'Foggia',
  'Rimini', 'Salerno', 'Ferrara', 'Sassari', 'Latina', 'Monza', 'Siracusa', 'Pescara', 'Bergamo', 'Trento', 'Vicenza', 'Terni', 'Bolzano', 'Novara',
  'Piacenza', 'Ancona', 'Andria', 'Udine', 'Arezzo', 'Cesena', 'Lecce', 'Pesaro', 'La Spezia', 'Agrigento', 'Trapani', 'Ragusa', 'Crotone', 'Lampedusa'];
const COURT_DISTRICTS = ['Ancona', 'Bari', 'Bologna', 'Bolzano', 'Brescia', 'Cagliari', 'Caltanissetta', 'Campobasso', 'Catania', 'Catanzaro', 'Firenze',
  'Genova', "L'Aquila", 'Lecce', 'Messina', 'Milano', 'Napoli', 'Palermo', 'Perugia', 'Potenza', 'Reggio Calabria', 'Roma', 'Salerno', 'Sassari',
  'Taranto', 'Torino', 'Trento', 'Trieste', 'Venezia'];
const DOC_MEDIA = 'application/pdf';

const cumulative = (weights) => {
  const entries = Object.entries(weights);
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let acc = 0;
  return entries.map(([k, w]) => [k, (acc += w / total)]);
};
const STATE_CDF = cumulative(STATE_WEIGHTS);
const pickState = (rand) => {
  const r = rand();
  for (const [s, c] of STATE_CDF) if (r < c) return s;
  return 'RECEIVED';
};
const isoDate = (ms) => new Date(ms).toISOString().slice(0, 10);

export function plan(scale) {
  const cases = Math.max(200, Math.round(100_000 * scale));
  return {
    cases,
    familyPerCase: 9,
    caseworkers: Math.max(3, Math.round(50 * scale)),
    supervisors: 2,
    socialOffices: Math.max(4, Math.min(CITIES.length * 2, Math.round(100 * scale))),
    socialUsersPerOffice: 2,
    courts: Math.max(2, Math.min(COURT_DISTRICTS.length, Math.round(29 * scale))),
    guardianShare: 0.55,
  };
}

// Runs `work` over batches with `parallel` connections at a time.
async function inBatches(total, size, parallel, work) {
  let next = 0;
  const worker = async () => {
    for (;;) {
      const start = next;
      if (start >= total) return;
      next += size;
      // Parallel batches of minors may both add new keys to the name-key dictionary, in
      // different orders (the app adds one minor per transaction): a deadlock rolls one batch
      // back whole, and it is run again.
      for (let attempt = 1; ; attempt += 1) {
        try {
          await work(start, Math.min(total, start + size));
          break;
        } catch (error) {
          if (error?.code !== '40P01' || attempt >= 5) throw error;
        }
      }
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}

// INSERT … SELECT FROM unnest($1::type[], …): one round trip per batch. `columns` are
// [name, pgType] pairs; rows are arrays in the same order.
async function insertRows(client, table, columns, rows) {
  if (!rows.length) return;
  const arrays = columns.map((_, i) => rows.map((r) => r[i]));
  const casts = columns.map(([, type], i) => `$${i + 1}::${type === 'text[]' ? 'text' : type}[]`);
  const select = columns.map(([name, type]) => (type === 'text[]' ? `CASE WHEN ${name} = '' THEN '{}'::text[] ELSE string_to_array(${name}, '|') END` : name));
  const values = arrays.map((a, i) => (columns[i][1] === 'text[]' ? a.map((v) => v.join('|')) : a));
  await client.query(
    `INSERT INTO ${table} (${columns.map(([n]) => n).join(', ')}) SELECT ${select.join(', ')} FROM unnest(${casts.join(', ')}) AS x(${columns.map(([n]) => n).join(', ')})`,
    values,
  );
}

export async function seedVolume(pool, { scale, log, parallel = 2 }) {
  const p = plan(scale);
  const rand = mulberry32(20260507);
  const now = Date.now();
  const t0 = Date.now();

  // --- who is who: the demo unit's organisations, plus the country's offices, courts, guardian registers
  const orgs = Object.fromEntries((await pool.query(`SELECT id, name, type, country FROM organisations`)).rows.map((o) => [`${o.type}:${o.name}`, o]));
  const orgOf = (type, pred = () => true) => Object.values(orgs).filter((o) => o.type === type && pred(o));
  const iom = orgOf('IOM_UNIT')[0];
  const ministry = orgOf('MINISTRY')[0];
  const missions = Object.fromEntries(orgOf('IOM_MISSION').map((o) => [o.country, o]));
  const demoHash = (await pool.query(`SELECT password_hash FROM users WHERE email = 'caseworker@demo.example'`)).rows[0].password_hash;

  const newOrgs = [];
  const social = [];
  for (let i = 0; i < p.socialOffices; i += 1) {
    const city = CITIES[i % CITIES.length];
    const o = { id: randomUUID(), name: `Comune di ${city} – Servizi sociali per minori${i >= CITIES.length ? ' (sede 2)' : ''} [bench]`, type: 'SOCIAL_SERVICES', country: 'IT', municipality: city, district: null };
    social.push(o);
    newOrgs.push(o);
  }
  const courts = [];
  const guardianOrgs = [];
  for (let i = 0; i < p.courts; i += 1) {
    const d = COURT_DISTRICTS[i];
    const c = { id: randomUUID(), name: `Tribunale per i minorenni di ${d} [bench]`, type: 'JUVENILE_COURT', country: 'IT', municipality: null, district: d };
    const g = { id: randomUUID(), name: `Tutori volontari – distretto di ${d} [bench]`, type: 'GUARDIANS', country: 'IT', municipality: null, district: d };
    courts.push(c);
    guardianOrgs.push(g);
    newOrgs.push(c, g);
  }
  await insertRows(pool, 'organisations', [['id', 'uuid'], ['name', 'text'], ['type', 'text'], ['country', 'text'], ['municipality', 'text'], ['district', 'text']],
    newOrgs.map((o) => [o.id, o.name, o.type, o.country, o.municipality, o.district]));

  const users = [];
  const addUser = (role, n, org, label) => {
    const u = { id: randomUUID(), email: `${role.replace('_', '.')}.${String(n).padStart(3, '0')}@${BENCH_DOMAIN}`, name: `${label} ${n} (bench)`, role, org: org.id };
    users.push(u);
    return u;
  };
  const caseworkers = Array.from({ length: p.caseworkers }, (_, i) => addUser('caseworker', i + 1, iom, 'Operatore'));
  const supervisors = Array.from({ length: p.supervisors }, (_, i) => addUser('supervisor', i + 1, iom, 'Supervisore'));
  const socialUsers = social.flatMap((o, i) => Array.from({ length: p.socialUsersPerOffice }, (_, k) => addUser('social_services', i * p.socialUsersPerOffice + k + 1, o, 'Assistente sociale')));
  const courtUsers = courts.map((c, i) => addUser('court', i + 1, c, 'Cancelleria'));

  // --- the cases, with their minors; guardians are created as wards are assigned (1–3 each)
  const guardians = [];
  const current = new Map();
  const nextGuardian = (district) => {
    let g = current.get(district);
    if (!g || g.wardsLeft === 0) {
      g = addUser('guardian', guardians.length + 1, guardianOrgs[district], 'Tutore');
      g.wardsLeft = 1 + Math.floor(rand() * 3);
      guardians.push(g);
      current.set(district, g);
    }
    g.wardsLeft -= 1;
    return g;
  };

  const cases = [];
  for (let i = 0; i < p.cases; i += 1) {
    const state = pickState(rand);
    const closed = contracts.CLOSED_STATES.includes(state);
    const minor = person(rand);
    // Open cases: recent; closed ones: up to five years back. Minors of open cases are 14–18.
    const updatedAt = now - Math.floor((closed ? 5 + rand() * 1800 : rand() * 120) * DAY) - Math.floor(rand() * DAY);
    const requestAt = updatedAt - Math.floor((closed ? 60 + rand() * 300 : rand() * 200) * DAY);
    const dobAt = (closed ? now - (16 + rand() * 6) * 365.25 * DAY : now - (14 + rand() * 4.05) * 365.25 * DAY);
    const district = Math.floor(rand() * p.courts);
    const office = Math.floor(rand() * p.socialOffices);
    const channel = rand() < 0.2 ? 'ART19_7BIS_GUARDIAN' : rand() < 0.9 ? 'DG_MLPS' : 'OTHER';
    cases.push({
      id: randomUUID(),
      minorId: randomUUID(),
      number: `BN-${new Date(requestAt).getUTCFullYear()}-${String(i + 1).padStart(6, '0')}`,
      state,
      closed,
      minor,
      sex: minor.givenGroup && ['Mariam', 'Fatma', 'Sofiia', 'Daria', 'Anastasiia', 'Kateryna', 'Fatou', 'Isatou', 'Mariama', 'Aissatou', 'Senait', 'Selam'].includes(minor.givenGroup[0]) ? 'F' : rand() < 0.05 ? 'F' : 'M',
      dob: isoDate(dobAt),
      dobDefault: rand() < 0.15,
      updatedAt: new Date(updatedAt),
      requestAt: new Date(requestAt),
      channel,
      priority: pick(rand, ['NORMAL', 'NORMAL', 'NORMAL', 'LOW', 'HIGH', 'URGENT']),
      risk: pick(rand, ['UNKNOWN', 'LOW', 'MEDIUM', 'HIGH']),
      office: social[office],
      district,
      caseworker: caseworkers[Math.floor(rand() * caseworkers.length)],
      previousCaseworker: rand() < 0.1 ? caseworkers[Math.floor(rand() * caseworkers.length)] : null,
      guardian: channel === 'ART19_7BIS_GUARDIAN' || rand() < p.guardianShare ? nextGuardian(district) : null,
      documents: Math.floor(rand() * 6),
    });
  }

  const userCols = [['id', 'uuid'], ['organisation_id', 'uuid'], ['email', 'text'], ['display_name', 'text'], ['role', 'text'], ['password_hash', 'text']];
  await inBatches(users.length, 5000, 1, (a, b) => insertRows(pool, 'users', userCols, users.slice(a, b).map((u) => [u.id, u.org, u.email, u.name, u.role, demoHash])));
  log(`  organisations +${newOrgs.length}, users +${users.length} (${caseworkers.length} caseworkers, ${supervisors.length} supervisors, ${socialUsers.length} social services, ${guardians.length} guardians, ${courtUsers.length} court) ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  const taskRules = contracts.TASK_RULES;
  const docTypes = contracts.DOCUMENT_TYPES;
  const counters = { minors: 0, family: 0, grants: 0, tasks: 0, history: 0, documents: 0, consents: 0, riskChecks: 0, tracing: 0 };
  const supervisor = supervisors[0];
  let logged = 0;

  await inBatches(cases.length, 2000, parallel, async (a, b) => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const batch = cases.slice(a, b);
      await insertRows(client, 'minors',
        [['id', 'uuid'], ['first_name', 'text'], ['last_name', 'text'], ['aliases', 'text[]'], ['sex', 'text'], ['nationality', 'text'], ['date_of_birth', 'date'],
          ['dob_is_default_jan1', 'bool'], ['region', 'text'], ['municipality', 'text'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']],
        batch.map((c) => [c.minorId, c.minor.firstName, c.minor.lastName, c.minor.aliases, c.sex, c.minor.nationality, c.dobDefault ? `${c.dob.slice(0, 4)}-01-01` : c.dob,
          c.dobDefault, null, c.office.municipality, c.requestAt, c.updatedAt]));
      await insertRows(client, 'cases',
        [['id', 'uuid'], ['case_number', 'text'], ['minor_id', 'uuid'], ['state', 'text'], ['priority', 'text'], ['channel', 'text'], ['request_date', 'date'],
          ['requesting_organisation_id', 'uuid'], ['created_by', 'uuid'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'], ['risk_level', 'text'],
          ['state_before_hold', 'text'], ['internal_notes', 'text']],
        batch.map((c) => [c.id, c.number, c.minorId, c.state, c.priority, c.channel, isoDate(c.requestAt.getTime()), c.channel === 'DG_MLPS' && rand() < 0.3 ? ministry.id : c.office.id,
          c.caseworker.id, c.requestAt, c.updatedAt, c.risk, c.state === 'ON_HOLD' ? 'TRACING_IN_PROGRESS' : null, rand() < 0.3 ? 'Nota interna (bench)' : null]));

      const grants = [];
      const grant = (c, relation, userId, orgId, expiresAt = null) => grants.push([c.id, userId, orgId, relation, expiresAt, supervisor.id, 'bench seed', c.requestAt]);
      const family = [];
      const tasks = [];
      const history = [];
      const documents = [];
      const consents = [];
      const riskChecks = [];
      const tracing = [];
      for (const c of batch) {
        grant(c, 'supervising_unit', null, iom.id);
        if (c.previousCaseworker) grant(c, 'assigned_caseworker', c.previousCaseworker.id, null, new Date(c.requestAt.getTime() + 20 * DAY));
        grant(c, 'assigned_caseworker', c.caseworker.id, null);
        grant(c, 'social_services', null, c.office.id);
        if (c.guardian) grant(c, 'guardian', c.guardian.id, null);
        if (COURT_STATES.has(c.state) || c.state === 'AGED_OUT') grant(c, 'court', null, courts[c.district].id);
        const mission = missions[c.minor.nationality];
        if (mission && contracts.PHASE_BY_STATE[c.state] !== 'intake') grant(c, 'field_mission', null, mission.id);
        if (ROUTED_STATES.has(c.state) && c.channel === 'DG_MLPS') grant(c, 'ministry', null, ministry.id);

        for (let k = 0; k < p.familyPerCase; k += 1) {
          const r = relative(rand, c.minor);
          family.push([c.id, r.relationship, r.firstName, r.lastName, r.country, rand() < 0.8 ? 'UNKNOWN' : pick(rand, ['YES', 'NO']), c.requestAt]);
        }

        // Tasks from the app's rules: open ones for the rules of the case's state (age alerts by
        // days to the 18th birthday), due from two weeks ago to three weeks ahead; a done one for
        // closed cases.
        const daysTo18 = Math.floor((Date.parse(c.dob) + 18 * 365.25 * DAY - now) / DAY);
        if (!c.closed) {
          for (const rule of taskRules) {
            if (!rule.states.includes(c.state)) continue;
            if (rule.daysLeft && !(daysTo18 <= rule.daysLeft.max && daysTo18 >= rule.daysLeft.min)) continue;
            const due = new Date(now + Math.floor((-14 + rand() * 35) * DAY));
            tasks.push([c.id, rule.id, rule.title, due, rule.source, rule.legalRef ?? null, rule.ownerRole, 'OPEN', c.updatedAt]);
          }
        } else {
          const rule = taskRules[Math.floor(rand() * taskRules.length)];
          tasks.push([c.id, rule.id, rule.title, new Date(c.updatedAt.getTime() - 10 * DAY), rule.source, rule.legalRef ?? null, rule.ownerRole, 'DONE', c.updatedAt]);
        }

        history.push([c.id, c.requestAt, c.caseworker.id, 'CASE_CREATED', null, 'RECEIVED', null, '{}']);
        if (c.state !== 'RECEIVED') {
          const from = c.state === 'SCREENING' ? 'RECEIVED' : c.state === 'ON_HOLD' ? 'TRACING_IN_PROGRESS' : 'SCREENING';
          if (from !== 'RECEIVED') history.push([c.id, new Date(c.requestAt.getTime() + 2 * DAY), c.caseworker.id, 'TRANSITION', 'RECEIVED', 'SCREENING', null, '{"transition":"start_screening"}']);
          history.push([c.id, c.updatedAt, c.caseworker.id, 'TRANSITION', from, c.state, c.state === 'ON_HOLD' ? 'In attesa di documenti (bench)' : null, '{"transition":"bench"}']);
        }
        if (rand() < 0.4) history.push([c.id, c.updatedAt, c.caseworker.id, 'CASE_UPDATED', null, null, null, '{"fields":["priority"],"changes":{"priority":{"from":"NORMAL","to":"HIGH"}}}']);

        for (let k = 0; k < c.documents; k += 1) {
          const type = docTypes[Math.floor(rand() * docTypes.length)];
          documents.push([c.id, type, `${type.toLowerCase().replace(/_/g, ' ')} ${k + 1}`, pick(rand, ['it', 'it', 'en', 'fr', 'ar']), rand() < 0.8 ? 'STD' : 'SPECIAL',
            rand() < 0.6 ? 'RECEIVED' : 'PRODUCED', `documento-${k + 1}.pdf`, DOC_MEDIA, 20_000 + Math.floor(rand() * 2_000_000), randomBytes(32).toString('hex'),
            c.caseworker.id, new Date(c.requestAt.getTime() + Math.floor(rand() * Math.max(1, c.updatedAt - c.requestAt)))]);
        }

        if ((c.state === 'SCREENING' && rand() < 0.5) || TRACING_STARTED.has(c.state) || c.state === 'READY_FOR_TRACING') {
          consents.push([c.id, 'MINOR', 'TRACING', 'ar', true, 'Mediatore (bench)', 'Operatore (bench)', c.requestAt, c.caseworker.id]);
          const approved = c.state !== 'SCREENING' || rand() < 0.5;
          riskChecks.push([c.id, 'PRE_TRACING', 'Nessun rischio noto', 'Nessun rischio noto', 'Area stabile', 'PROCEED', c.caseworker.id, approved ? supervisor.id : null,
            approved ? c.requestAt : null, c.requestAt]);
        }
        if (TRACING_STARTED.has(c.state)) {
          const m = mission ?? Object.values(missions)[0];
          const sent = new Date(c.requestAt.getTime() + 10 * DAY);
          const done = c.state !== 'TRACING_IN_PROGRESS';
          tracing.push([c.id, m.id, c.minor.nationality, done ? 'COMPLETED' : 'SENT', '{}', sent, new Date(sent.getTime() + 60 * DAY),
            done ? (c.state === 'NOT_LOCATED' ? 'NOT_LOCATED' : c.state === 'FAMILY_REFUSED' ? 'FAMILY_REFUSED' : c.state === 'UNSAFE' ? 'UNSAFE_TO_PROCEED' : 'LOCATED') : null, c.caseworker.id]);
        }
      }
      await insertRows(client, 'case_grants',
        [['case_id', 'uuid'], ['user_id', 'uuid'], ['organisation_id', 'uuid'], ['relation', 'text'], ['expires_at', 'timestamptz'], ['granted_by', 'uuid'], ['reason', 'text'], ['created_at', 'timestamptz']], grants);
      await insertRows(client, 'family_members',
        [['case_id', 'uuid'], ['relationship', 'text'], ['first_name', 'text'], ['last_name', 'text'], ['country', 'text'], ['alive', 'text'], ['created_at', 'timestamptz']], family);
      await insertRows(client, 'tasks',
        [['case_id', 'uuid'], ['rule', 'text'], ['title', 'text'], ['due_at', 'timestamptz'], ['source', 'text'], ['legal_ref', 'text'], ['owner_role', 'text'], ['status', 'text'], ['created_at', 'timestamptz']], tasks);
      await insertRows(client, 'case_history',
        [['case_id', 'uuid'], ['at', 'timestamptz'], ['actor_id', 'uuid'], ['kind', 'text'], ['from_state', 'text'], ['to_state', 'text'], ['reason', 'text'], ['detail', 'jsonb']], history);
      await insertRows(client, 'documents',
        [['case_id', 'uuid'], ['type', 'text'], ['title', 'text'], ['language', 'text'], ['sensitivity', 'text'], ['origin', 'text'], ['file_name', 'text'], ['media_type', 'text'],
          ['size_bytes', 'int4'], ['sha256', 'text'], ['uploaded_by', 'uuid'], ['uploaded_at', 'timestamptz']], documents);
      await insertRows(client, 'consents',
        [['case_id', 'uuid'], ['subject', 'text'], ['scope', 'text'], ['language', 'text'], ['mediator_present', 'bool'], ['mediator_name', 'text'], ['informed_by', 'text'], ['given_at', 'timestamptz'], ['recorded_by', 'uuid']], consents);
      await insertRows(client, 'risk_checks',
        [['case_id', 'uuid'], ['stage', 'text'], ['risk_to_minor', 'text'], ['risk_to_family', 'text'], ['area_security', 'text'], ['decision', 'text'], ['assessed_by', 'uuid'],
          ['approved_by', 'uuid'], ['approved_at', 'timestamptz'], ['created_at', 'timestamptz']], riskChecks);
      await insertRows(client, 'tracing_requests',
        [['case_id', 'uuid'], ['mission_id', 'uuid'], ['target_country', 'text'], ['status', 'text'], ['packet', 'jsonb'], ['sent_at', 'timestamptz'], ['due_at', 'timestamptz'], ['outcome', 'text'], ['sent_by', 'uuid']], tracing);
      await client.query('COMMIT');
      counters.minors += batch.length;
      counters.family += family.length;
      counters.grants += grants.length;
      counters.tasks += tasks.length;
      counters.history += history.length;
      counters.documents += documents.length;
      counters.consents += consents.length;
      counters.riskChecks += riskChecks.length;
      counters.tracing += tracing.length;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    if (counters.minors - logged >= 20_000) {
      logged = counters.minors;
      log(`  cases ${counters.minors}/${cases.length} ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }
  });
  log(`  cases ${cases.length}, minors ${counters.minors}, family members ${counters.family}, grants ${counters.grants}, tasks ${counters.tasks}, history ${counters.history}, ` +
    `documents ${counters.documents}, consents ${counters.consents}, risk checks ${counters.riskChecks}, tracing requests ${counters.tracing} ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  // Audit events through the hash-chain trigger (every row locks audit_head): three per case,
  // in short transactions so that the head row's version chain stays short.
  const perCase = 3;
  let audit = 0;
  await inBatches(cases.length, 400, 1, async (a, b) => {
    const batch = cases.slice(a, b);
    const rows = [];
    for (const c of batch) {
      rows.push([c.caseworker.id, 'caseworker', 'CASE_CREATED', 'case', c.id, c.id, '{}', '10.0.0.1']);
      rows.push([c.caseworker.id, 'caseworker', 'CASE_VIEWED', 'case', c.id, c.id, '{}', '10.0.0.1']);
      rows.push([c.caseworker.id, 'caseworker', 'CASE_TRANSITION', 'case', c.id, c.id, JSON.stringify({ to: c.state }), '10.0.0.1']);
    }
    await pool.query(
      `INSERT INTO audit_event (seq, at, actor_id, actor_role, action, entity_type, entity_id, case_id, detail, ip, prev_hash, row_hash)
       SELECT 0, now(), a, r, ac, et, ei, ci, d, ip, '\\x', '\\x' FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::jsonb[], $8::text[]) AS x(a, r, ac, et, ei, ci, d, ip)`,
      [0, 1, 2, 3, 4, 5, 6, 7].map((i) => rows.map((r) => r[i])),
    );
    audit += rows.length;
  });
  log(`  audit events +${audit} (${perCase} per case, hash-chained by the trigger) ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  await pool.query(`SELECT setval('case_number_seq', (SELECT count(*) FROM cases) + 1000)`);
  return { plan: p, counts: { ...counters, users: users.length, guardians: guardians.length, audit, organisations: newOrgs.length } };
}

// The duplicate search over a million people: more minors (without cases: person records from
// other offices' registers), so minor_names holds `target` searchable people. Inserted through
// the minors trigger that maintains minor_names, in parallel batches.
export async function growSearchPopulation(pool, target, { log, parallel = 2 }) {
  const have = Number((await pool.query(`SELECT count(*) AS n FROM minors`)).rows[0].n);
  const missing = target - have;
  if (missing <= 0) return { added: 0, minors: have };
  const rand = mulberry32(777);
  const t0 = Date.now();
  let added = 0;
  let logged = 0;
  await inBatches(missing, 5000, parallel, async (a, b) => {
    const rows = [];
    for (let i = a; i < b; i += 1) {
      const m = person(rand, NATIONALITIES[Math.floor(rand() * NATIONALITIES.length)]);
      const dob = isoDate(Date.now() - (12 + rand() * 10) * 365.25 * DAY);
      rows.push([m.firstName, m.lastName, m.aliases, rand() < 0.1 ? 'F' : 'M', m.nationality, dob]);
    }
    await insertRows(pool, 'minors', [['first_name', 'text'], ['last_name', 'text'], ['aliases', 'text[]'], ['sex', 'text'], ['nationality', 'text'], ['date_of_birth', 'date']], rows);
    added += rows.length;
    if (added - logged >= 100_000 || added === missing) {
      logged = added;
      log(`  minors +${added}/${missing} ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    }
  });
  return { added, minors: have + added };
}

// Bench accounts get a fresh random password at every run (the hash is made by the app's own
// PasswordService); demo accounts are deactivated because production refuses to start with
// active @demo.example accounts.
export async function prepareAccounts(pool) {
  const { PasswordService } = serverModule('auth/password.service.js');
  const password = `bench-${randomBytes(12).toString('base64url')}`;
  const hash = await new PasswordService().hash(password);
  await pool.query(`UPDATE users SET password_hash = $1, active = true, deactivated_at = NULL WHERE lower(email) LIKE $2`, [hash, `%@${BENCH_DOMAIN}`]);
  await pool.query(`UPDATE users SET active = false, deactivated_at = coalesce(deactivated_at, now()) WHERE lower(email) LIKE '%@demo.example'`);
  await pool.query(`DELETE FROM sessions`);
  await pool.query(`DELETE FROM login_failures`);
  await pool.query(`DELETE FROM login_locks`);
  return password;
}
