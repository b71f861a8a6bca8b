import type { MigrationInterface, QueryRunner } from 'typeorm';

// The case file records the workflow guards read (consents, risk checks, family members, tracing
// requests and contact attempts, the assessment, reports, durable solution), the case history and tasks.
export class CaseFileWorkflow1764000001000 implements MigrationInterface {
  name = 'CaseFileWorkflow1764000001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE minors
      ADD COLUMN languages text[] NOT NULL DEFAULT '{}',
      ADD COLUMN dob_basis text NOT NULL DEFAULT 'DECLARED' CHECK (dob_basis IN ('DECLARED','DOCUMENT','AGE_ASSESSMENT')),
      ADD COLUMN age_assessment_min smallint,
      ADD COLUMN age_assessment_max smallint,
      ADD COLUMN dob_is_default_jan1 boolean NOT NULL DEFAULT false,
      ADD COLUMN presumed_minor boolean NOT NULL DEFAULT true,
      ADD COLUMN arrival_date date,
      ADD COLUMN arrival_mode text CHECK (arrival_mode IN ('SEA','LAND','AIR')),
      ADD COLUMN region text,
      ADD COLUMN municipality text,
      ADD COLUMN reception_facility text,
      ADD COLUMN reception_type text CHECK (reception_type IN ('FIRST','SAI','CAS','FOSTER_FAMILY')),
      ADD COLUMN legal_status text,
      ADD COLUMN asylum_applicant boolean NOT NULL DEFAULT false,
      ADD COLUMN trafficking_indicators text,
      ADD COLUMN health_notes text,
      ADD COLUMN vulnerabilities text[] NOT NULL DEFAULT '{}',
      ADD COLUMN prosieguo_until date,
      ADD COLUMN family_key text GENERATED ALWAYS AS (dmetaphone(norm_name(last_name))) STORED`);
    await q.query(`CREATE INDEX minors_family_key_idx ON minors (family_key, date_of_birth)`);

    await q.query(`ALTER TABLE cases
      ADD COLUMN risk_level text NOT NULL DEFAULT 'UNKNOWN' CHECK (risk_level IN ('UNKNOWN','LOW','MEDIUM','HIGH')),
      ADD COLUMN dg_protocol_no text,
      ADD COLUMN state_before_hold text,
      ADD COLUMN reopen_count integer NOT NULL DEFAULT 0,
      ADD COLUMN internal_notes text,
      ADD COLUMN extras jsonb NOT NULL DEFAULT '{}'`);

    await q.query(`
      CREATE TABLE family_members (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        relationship text NOT NULL,
        first_name text NOT NULL,
        last_name text NOT NULL,
        aliases text[] NOT NULL DEFAULT '{}',
        alive text NOT NULL DEFAULT 'UNKNOWN' CHECK (alive IN ('YES','NO','UNKNOWN')),
        country char(2),
        locality text,
        address text,
        phones text[] NOT NULL DEFAULT '{}',
        is_caregiver_candidate boolean NOT NULL DEFAULT false,
        safety_concern text,
        do_not_contact boolean NOT NULL DEFAULT false,
        do_not_contact_reason text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (NOT do_not_contact OR length(coalesce(do_not_contact_reason, '')) >= 3)
      )`);
    await q.query(`CREATE INDEX family_members_case_idx ON family_members (case_id)`);

    await q.query(`
      CREATE TABLE consents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        subject text NOT NULL CHECK (subject IN ('MINOR','GUARDIAN','FAMILY_MEMBER')),
        family_member_id uuid REFERENCES family_members(id),
        scope text NOT NULL CHECK (scope IN ('TRACING','INTERVIEW','SHARE_REPORT','AVR_REQUEST','RETURN_ACCEPTANCE','PHOTO','DATA_PROCESSING')),
        language text NOT NULL,
        mediator_present boolean NOT NULL,
        mediator_name text,
        informed_by text NOT NULL,
        minor_words text,
        given_at timestamptz NOT NULL,
        withdrawn_at timestamptz,
        withdrawal_reason text,
        recorded_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX consents_case_idx ON consents (case_id, scope)`);

    await q.query(`
      CREATE TABLE risk_checks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        stage text NOT NULL CHECK (stage IN ('PRE_TRACING','PRE_CONTACT_CONSULATE','PRE_RETURN','POST_RETURN')),
        risk_to_minor text NOT NULL,
        risk_to_family text NOT NULL,
        protection_status_conflict boolean NOT NULL DEFAULT false,
        trafficking_concern boolean NOT NULL DEFAULT false,
        area_security text NOT NULL,
        decision text NOT NULL CHECK (decision IN ('PROCEED','PROCEED_WITH_MITIGATION','DO_NOT_PROCEED')),
        mitigation text,
        assessed_by uuid NOT NULL REFERENCES users(id),
        approved_by uuid REFERENCES users(id),
        approved_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX risk_checks_case_idx ON risk_checks (case_id, stage, created_at DESC)`);

    await q.query(`
      CREATE TABLE tracing_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        mission_id uuid NOT NULL REFERENCES organisations(id),
        target_country char(2) NOT NULL,
        status text NOT NULL DEFAULT 'SENT' CHECK (status IN ('SENT','IN_PROGRESS','COMPLETED','FAILED','CANCELLED')),
        packet jsonb NOT NULL,
        packet_version integer NOT NULL DEFAULT 1,
        sent_at timestamptz NOT NULL,
        due_at timestamptz NOT NULL,
        outcome text CHECK (outcome IN ('LOCATED','NOT_LOCATED','FAMILY_REFUSED','UNSAFE_TO_PROCEED','MINOR_WITHDREW_CONSENT')),
        outcome_notes text,
        interview_mode text CHECK (interview_mode IN ('HOME_VISIT','PHONE','IOM_OFFICE','OTHER_SAFE_PLACE')),
        cancelled_at timestamptz,
        cancel_reason text,
        sent_by uuid NOT NULL REFERENCES users(id),
        version integer NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX tracing_requests_mission_idx ON tracing_requests (mission_id, sent_at DESC, id DESC)`);
    await q.query(`CREATE INDEX tracing_requests_case_idx ON tracing_requests (case_id)`);

    await q.query(`
      CREATE TABLE contact_attempts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tracing_request_id uuid NOT NULL REFERENCES tracing_requests(id) ON DELETE CASCADE,
        attempted_at timestamptz NOT NULL,
        channel text NOT NULL CHECK (channel IN ('PHONE','HOME_VISIT','COMMUNITY_LEADER','OTHER')),
        result text NOT NULL,
        recorded_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE family_assessments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        tracing_request_id uuid NOT NULL REFERENCES tracing_requests(id),
        interview_date date NOT NULL,
        interview_mode text NOT NULL CHECK (interview_mode IN ('HOME_VISIT','PHONE','IOM_OFFICE','OTHER_SAFE_PLACE')),
        persons_present text NOT NULL,
        language_original text NOT NULL,
        sections_original jsonb NOT NULL,
        sections_it jsonb,
        translated_by uuid REFERENCES users(id),
        written_by uuid NOT NULL REFERENCES users(id),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (case_id)
      )`);

    await q.query(`
      CREATE TABLE durable_solutions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        solution text NOT NULL CHECK (solution IN ('LOCAL_INTEGRATION_IT','FAMILY_REUNIFICATION_IT','REUNIFICATION_THIRD_COUNTRY','RETURN_AVR','OTHER')),
        decided_by text NOT NULL,
        decision_ref text NOT NULL,
        decided_on date NOT NULL,
        minor_views text NOT NULL,
        minor_views_language text NOT NULL,
        mediator_present boolean NOT NULL,
        options_considered text[] NOT NULL DEFAULT '{}',
        recorded_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE case_history (
        id bigserial PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        at timestamptz NOT NULL,
        actor_id uuid REFERENCES users(id),
        kind text NOT NULL,
        from_state text,
        to_state text,
        reason text,
        detail jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX case_history_case_idx ON case_history (case_id, id)`);

    await q.query(`
      CREATE TABLE tasks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        rule text NOT NULL,
        title text NOT NULL,
        due_at timestamptz NOT NULL,
        source text NOT NULL CHECK (source IN ('STATUTORY','SLA','COURT','MANUAL')),
        legal_ref text,
        owner_role text NOT NULL,
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN','DONE','CANCELLED')),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (case_id, rule)
      )`);
    await q.query(`CREATE INDEX tasks_open_idx ON tasks (status, due_at) WHERE status = 'OPEN'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS tasks, case_history, durable_solutions, family_assessments, contact_attempts, tracing_requests, risk_checks, consents, family_members CASCADE`);
    await q.query(`ALTER TABLE cases DROP COLUMN risk_level, DROP COLUMN dg_protocol_no, DROP COLUMN state_before_hold, DROP COLUMN reopen_count, DROP COLUMN internal_notes, DROP COLUMN extras`);
    await q.query(`DROP INDEX IF EXISTS minors_family_key_idx`);
    await q.query(`ALTER TABLE minors DROP COLUMN family_key, DROP COLUMN languages, DROP COLUMN dob_basis, DROP COLUMN age_assessment_min, DROP COLUMN age_assessment_max,
      DROP COLUMN dob_is_default_jan1, DROP COLUMN presumed_minor, DROP COLUMN arrival_date, DROP COLUMN arrival_mode, DROP COLUMN region, DROP COLUMN municipality,
      DROP COLUMN reception_facility, DROP COLUMN reception_type, DROP COLUMN legal_status, DROP COLUMN asylum_applicant, DROP COLUMN trafficking_indicators,
      DROP COLUMN health_notes, DROP COLUMN vulnerabilities, DROP COLUMN prosieguo_until`);
  }
}
