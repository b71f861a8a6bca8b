import type { MigrationInterface, QueryRunner } from 'typeorm';

// Identity, sessions, login throttling, minors and cases with grants, and the hash-chained audit trail.
export class Foundation1764000000000 implements MigrationInterface {
  name = 'Foundation1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS fuzzystrmatch`);

    await q.query(`
      CREATE TABLE organisations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        type text NOT NULL CHECK (type IN ('IOM_UNIT','IOM_MISSION','SOCIAL_SERVICES','JUVENILE_COURT','MINISTRY','GUARDIANS')),
        country char(2),
        municipality text,
        district text,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (type, name)
      )`);

    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        email text NOT NULL,
        display_name text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin','supervisor','caseworker','field_officer','guardian','social_services','court','ministry','dpo')),
        password_hash text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        deactivated_at timestamptz,
        password_changed_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX users_email_key ON users (lower(email))`);
    await q.query(`CREATE INDEX users_organisation_idx ON users (organisation_id, id)`);

    // Only the sha-256 of the session token is stored: a database read does not yield live cookies.
    await q.query(`
      CREATE TABLE sessions (
        token_hash bytea PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        ip text,
        user_agent text
      )`);
    await q.query(`CREATE INDEX sessions_user_idx ON sessions (user_id)`);

    // Failures are keyed by the normalised email whether or not an account exists, so the
    // throttle's behaviour never reveals which emails are registered.
    await q.query(`
      CREATE TABLE login_failures (
        id bigserial PRIMARY KEY,
        email_norm text NOT NULL,
        ip text NOT NULL,
        at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX login_failures_email_idx ON login_failures (email_norm, at)`);
    await q.query(`CREATE INDEX login_failures_ip_idx ON login_failures (ip, at)`);
    await q.query(`CREATE TABLE login_locks (email_norm text PRIMARY KEY, locked_until timestamptz NOT NULL)`);

    await q.query(`
      CREATE FUNCTION norm_name(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$ SELECT regexp_replace(lower(public.unaccent('public.unaccent'::regdictionary, t)), '[^a-z0-9 ]+', ' ', 'g') $$`);

    await q.query(`
      CREATE TABLE minors (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        first_name text NOT NULL,
        last_name text NOT NULL,
        aliases text[] NOT NULL DEFAULT '{}',
        sex text NOT NULL CHECK (sex IN ('M','F','X')),
        nationality char(2) NOT NULL,
        date_of_birth date,
        name_norm text GENERATED ALWAYS AS (norm_name(first_name || ' ' || last_name)) STORED,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX minors_name_trgm ON minors USING gin (name_norm gin_trgm_ops)`);

    await q.query(`CREATE SEQUENCE case_number_seq`);
    await q.query(`
      CREATE TABLE cases (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_number text NOT NULL UNIQUE,
        minor_id uuid NOT NULL REFERENCES minors(id),
        state text NOT NULL,
        priority text NOT NULL DEFAULT 'NORMAL' CHECK (priority IN ('LOW','NORMAL','HIGH','URGENT')),
        channel text NOT NULL CHECK (channel IN ('DG_MLPS','ART19_7BIS_GUARDIAN','OTHER')),
        request_date date NOT NULL,
        requesting_organisation_id uuid REFERENCES organisations(id),
        version integer NOT NULL DEFAULT 1,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX cases_keyset_idx ON cases (updated_at DESC, id DESC)`);
    await q.query(`CREATE INDEX cases_state_idx ON cases (state, updated_at DESC, id DESC)`);

    await q.query(`
      CREATE TABLE case_grants (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        user_id uuid REFERENCES users(id),
        organisation_id uuid REFERENCES organisations(id),
        relation text NOT NULL CHECK (relation IN ('assigned_caseworker','supervising_unit','guardian','social_services','court','field_mission','ministry')),
        expires_at timestamptz,
        reason text,
        granted_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((user_id IS NULL) <> (organisation_id IS NULL)),
        -- A guardian or an assigned caseworker is a person, never a whole organisation.
        CHECK ((relation IN ('assigned_caseworker','guardian')) = (user_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX case_grants_user_idx ON case_grants (user_id, relation, case_id) WHERE user_id IS NOT NULL`);
    await q.query(`CREATE INDEX case_grants_org_idx ON case_grants (organisation_id, relation, case_id) WHERE organisation_id IS NOT NULL`);
    await q.query(`CREATE INDEX case_grants_case_idx ON case_grants (case_id)`);

    // Audit: append-only, hash-chained. The chain head is a single locked row, so appends are
    // serialised and each row's hash covers its predecessor's.
    await q.query(`CREATE TABLE audit_head (id int PRIMARY KEY CHECK (id = 1), seq bigint NOT NULL, hash bytea NOT NULL)`);
    await q.query(`INSERT INTO audit_head VALUES (1, 0, sha256('msna-audit-genesis'::bytea))`);
    await q.query(`
      CREATE TABLE audit_event (
        seq bigint PRIMARY KEY,
        at timestamptz NOT NULL,
        actor_id uuid,
        actor_role text,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text,
        case_id uuid,
        detail jsonb NOT NULL DEFAULT '{}',
        ip text,
        prev_hash bytea NOT NULL,
        row_hash bytea NOT NULL
      )`);
    await q.query(`CREATE INDEX audit_event_case_idx ON audit_event (case_id, seq) WHERE case_id IS NOT NULL`);
    await q.query(`CREATE INDEX audit_event_actor_idx ON audit_event (actor_id, seq)`);
    // Canonical form: a JSON array with a fixed field order and UTC timestamps, so the same row
    // hashes the same whatever the session time zone or driver.
    await q.query(`
      CREATE FUNCTION audit_row_hash(prev bytea, e audit_event) RETURNS bytea LANGUAGE sql STABLE
      AS $$ SELECT sha256(prev || convert_to(jsonb_build_array(
        e.seq, to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), e.actor_id, e.actor_role,
        e.action, e.entity_type, e.entity_id, e.case_id, e.detail, e.ip)::text, 'UTF8')) $$`);
    await q.query(`
      CREATE FUNCTION audit_event_chain() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE h audit_head%ROWTYPE;
      BEGIN
        SELECT * INTO h FROM audit_head WHERE id = 1 FOR UPDATE;
        NEW.seq := h.seq + 1;
        NEW.at := date_trunc('microseconds', clock_timestamp());
        NEW.prev_hash := h.hash;
        NEW.row_hash := audit_row_hash(h.hash, NEW);
        UPDATE audit_head SET seq = NEW.seq, hash = NEW.row_hash WHERE id = 1;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER audit_event_chain BEFORE INSERT ON audit_event FOR EACH ROW EXECUTE FUNCTION audit_event_chain()`);
    await q.query(`
      CREATE FUNCTION audit_event_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_event is append-only'; END $$`);
    await q.query(`CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event FOR EACH ROW EXECUTE FUNCTION audit_event_immutable()`);
    await q.query(`CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event FOR EACH STATEMENT EXECUTE FUNCTION audit_event_immutable()`);
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_event, audit_head FROM PUBLIC`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS audit_event, audit_head, case_grants, cases, minors, login_locks, login_failures, sessions, users, organisations CASCADE`);
    await q.query(`DROP SEQUENCE IF EXISTS case_number_seq`);
    await q.query(`DROP FUNCTION IF EXISTS audit_event_chain, audit_event_immutable, audit_row_hash, norm_name`);
  }
}
