import type { MigrationInterface, QueryRunner } from 'typeorm';

// Part 2 of the workflow (issue 4; domain.md §3.8–§3.12, §4 transitions 14–21): counselling with
// the minor, the reintegration plan (objectives, assistance items), the proceeding before the
// juvenile court (hearings, decisions with their decree), the AVR travel plan, the hand-over,
// post-return monitoring visits, and the fuller durable-solution record. The minor's voluntary
// request and the guardian's consent are consents (scope AVR_REQUEST), the caregiver's acceptance
// a RETURN_ACCEPTANCE consent, the decree and the signed hand-over protocol documents.
//
// Court decisions, hand-overs and completed visits are evidence sent to Italian authorities: their
// foreign keys to cases are RESTRICT like the reports'.
export class ReturnReintegration1764000006000 implements MigrationInterface {
  name = 'ReturnReintegration1764000006000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE counselling_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        held_on date NOT NULL,
        counsellor text NOT NULL,
        language text NOT NULL,
        mediator_present boolean NOT NULL,
        mediator_name text,
        minor_words text NOT NULL CHECK (length(btrim(minor_words)) >= 3),
        topics text[] NOT NULL DEFAULT '{}',
        notes text,
        recorded_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL,
        CHECK (NOT mediator_present OR mediator_name IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX counselling_sessions_case_idx ON counselling_sessions (case_id, held_on)`);

    await q.query(`
      CREATE TABLE reintegration_plans (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL UNIQUE REFERENCES cases(id) ON DELETE CASCADE,
        drafted_pre_departure boolean NOT NULL DEFAULT true,
        assessments_done jsonb NOT NULL DEFAULT '{}',
        needs_and_skills text NOT NULL,
        family_situation text NOT NULL,
        minor_views text NOT NULL,
        minor_views_language text NOT NULL,
        mediator_name text,
        version integer NOT NULL DEFAULT 1,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL,
        updated_by uuid REFERENCES users(id),
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE reintegration_objectives (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES reintegration_plans(id) ON DELETE CASCADE,
        dimension text NOT NULL CHECK (dimension IN ('ECONOMIC','SOCIAL','PSYCHOSOCIAL')),
        level text NOT NULL CHECK (level IN ('INDIVIDUAL','FAMILY_COMMUNITY','STRUCTURAL')),
        description text NOT NULL,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX reintegration_objectives_plan_idx ON reintegration_objectives (plan_id, created_at)`);
    await q.query(`
      CREATE TABLE reintegration_assistance_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES reintegration_plans(id) ON DELETE CASCADE,
        objective_id uuid REFERENCES reintegration_objectives(id) ON DELETE SET NULL,
        dimension text NOT NULL CHECK (dimension IN ('ECONOMIC','SOCIAL','PSYCHOSOCIAL')),
        level text NOT NULL CHECK (level IN ('INDIVIDUAL','FAMILY_COMMUNITY','STRUCTURAL')),
        type text NOT NULL CHECK (type IN ('SCHOOL_ENROLMENT','VOCATIONAL_TRAINING','JOB_START_UP','MICRO_BUSINESS','HEALTH_MHPSS','FAMILY_SUPPORT','OTHER')),
        description text NOT NULL,
        provider text NOT NULL,
        budget_eur numeric(12,2) NOT NULL CHECK (budget_eur >= 0),
        in_kind boolean NOT NULL DEFAULT true,
        planned_on date,
        status text NOT NULL DEFAULT 'PLANNED' CHECK (status IN ('PLANNED','IN_PROGRESS','DELIVERED','CANCELLED')),
        delivered_on date,
        note text,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL,
        updated_by uuid REFERENCES users(id),
        updated_at timestamptz NOT NULL,
        CHECK (status <> 'DELIVERED' OR delivered_on IS NOT NULL),
        CHECK (status <> 'CANCELLED' OR length(coalesce(note, '')) >= 3)
      )`);
    await q.query(`CREATE INDEX reintegration_items_plan_idx ON reintegration_assistance_items (plan_id, created_at)`);

    await q.query(`
      CREATE TABLE court_proceedings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id),
        kind text NOT NULL CHECK (kind IN ('AVR_ART8','PROSIEGUO_ART13')),
        court_organisation_id uuid NOT NULL REFERENCES organisations(id),
        docket_number text NOT NULL,
        filed_by text CHECK (filed_by IN ('GUARDIAN','SOCIAL_SERVICES','PROCURA','OTHER')),
        filed_by_name text,
        filed_on date,
        family_assessment_report_id uuid REFERENCES reports(id),
        social_services_document_id uuid REFERENCES documents(id),
        reintegration_proposal boolean NOT NULL DEFAULT false,
        other_document_ids uuid[] NOT NULL DEFAULT '{}',
        recorded_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX court_proceedings_case_idx ON court_proceedings (case_id, kind, created_at DESC)`);
    await q.query(`
      CREATE TABLE court_hearings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        proceeding_id uuid NOT NULL REFERENCES court_proceedings(id),
        case_id uuid NOT NULL REFERENCES cases(id),
        scheduled_at timestamptz NOT NULL,
        note text,
        held_at timestamptz,
        minor_heard boolean,
        guardian_heard boolean,
        interpreter_name text,
        interpreter_language text,
        notes text,
        recorded_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CHECK ((held_at IS NULL) = (minor_heard IS NULL) AND (held_at IS NULL) = (guardian_heard IS NULL))
      )`);
    await q.query(`CREATE INDEX court_hearings_proceeding_idx ON court_hearings (proceeding_id, scheduled_at)`);
    await q.query(`CREATE INDEX court_hearings_case_idx ON court_hearings (case_id, scheduled_at) WHERE held_at IS NULL`);
    await q.query(`
      CREATE TABLE court_decisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        proceeding_id uuid NOT NULL REFERENCES court_proceedings(id),
        case_id uuid NOT NULL REFERENCES cases(id),
        outcome text NOT NULL CHECK (outcome IN ('RETURN_ORDERED','RETURN_REJECTED','PROSIEGUO_GRANTED','PROSIEGUO_REJECTED')),
        decided_on date NOT NULL,
        reasons_summary text,
        decree_document_id uuid REFERENCES documents(id),
        appeal_deadline date,
        prosieguo_until date,
        recorded_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL,
        CHECK ((outcome = 'PROSIEGUO_GRANTED') = (prosieguo_until IS NOT NULL)),
        CHECK (outcome <> 'PROSIEGUO_GRANTED' OR decree_document_id IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX court_decisions_case_idx ON court_decisions (case_id, created_at DESC)`);
    // A decree, once attached to a decision, stays attached: the decision is evidence.
    await q.query(`
      CREATE FUNCTION court_decisions_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'court decisions cannot be deleted' USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        IF (NEW.id, NEW.proceeding_id, NEW.case_id, NEW.outcome, NEW.decided_on, NEW.reasons_summary, NEW.appeal_deadline, NEW.prosieguo_until, NEW.recorded_by, NEW.created_at)
             IS DISTINCT FROM (OLD.id, OLD.proceeding_id, OLD.case_id, OLD.outcome, OLD.decided_on, OLD.reasons_summary, OLD.appeal_deadline, OLD.prosieguo_until, OLD.recorded_by, OLD.created_at)
           OR (OLD.decree_document_id IS NOT NULL AND NEW.decree_document_id IS DISTINCT FROM OLD.decree_document_id) THEN
          RAISE EXCEPTION 'a court decision is recorded once; only a missing decree may be attached' USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER court_decisions_guard BEFORE UPDATE OR DELETE ON court_decisions FOR EACH ROW EXECUTE FUNCTION court_decisions_guard()`);

    await q.query(`
      CREATE TABLE avr_travel_plans (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL UNIQUE REFERENCES cases(id) ON DELETE CASCADE,
        receiving_caregiver_id uuid NOT NULL REFERENCES family_members(id),
        airport_collection boolean NOT NULL,
        receiving_mission_id uuid NOT NULL REFERENCES organisations(id),
        travel_document_type text NOT NULL CHECK (travel_document_type IN ('PASSPORT','LAISSEZ_PASSER','OTHER')),
        travel_document_ready boolean NOT NULL,
        travel_document_id uuid REFERENCES documents(id),
        consular_contact boolean NOT NULL,
        fit_to_travel boolean NOT NULL,
        fitness_assessed_on date,
        fitness_assessed_by text,
        escort_required boolean NOT NULL DEFAULT true,
        escort_name text,
        escort_role text,
        escort_waived_by uuid REFERENCES users(id),
        escort_waived_at timestamptz,
        escort_waiver_reason text,
        itinerary text NOT NULL,
        planned_departure timestamptz NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL,
        updated_by uuid REFERENCES users(id),
        updated_at timestamptz NOT NULL,
        -- Travelling without an escort is a supervisor's reasoned decision (domain §3.10).
        CHECK (escort_required OR (escort_waived_by IS NOT NULL AND escort_waived_at IS NOT NULL AND length(coalesce(escort_waiver_reason, '')) >= 3))
      )`);
    await q.query(`CREATE INDEX avr_travel_plans_mission_idx ON avr_travel_plans (receiving_mission_id)`);

    await q.query(`
      CREATE TABLE avr_handovers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL UNIQUE REFERENCES cases(id),
        arrived_at timestamptz NOT NULL,
        place text NOT NULL,
        received_by_name text NOT NULL,
        received_by_kind text NOT NULL CHECK (received_by_kind IN ('PARENT','RELATIVE','CHILD_PROTECTION_AUTHORITY','OTHER')),
        received_by_family_member_id uuid REFERENCES family_members(id),
        protocol_document_id uuid NOT NULL REFERENCES documents(id),
        signed_by text[] NOT NULL CHECK (cardinality(signed_by) >= 2),
        notes text,
        recorded_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL
      )`);

    await q.query(`
      CREATE TABLE monitoring_visits (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id),
        seq integer NOT NULL,
        planned_on date NOT NULL,
        month_offset integer,
        extra_reason text,
        status text NOT NULL DEFAULT 'PLANNED' CHECK (status IN ('PLANNED','DONE','CANCELLED')),
        visited_on date,
        mode text CHECK (mode IN ('HOME','PHONE','SCHOOL','IOM_OFFICE')),
        officer text,
        child_seen_alone boolean,
        wellbeing text,
        protection_concerns text,
        assistance_delivered jsonb NOT NULL DEFAULT '[]',
        sustainability_scores jsonb,
        notes text,
        cancel_reason text,
        escalated_at timestamptz,
        escalated_by uuid REFERENCES users(id),
        escalated_to text,
        escalation_note text,
        resolved_at timestamptz,
        resolved_by uuid REFERENCES users(id),
        resolution text,
        report_id uuid REFERENCES reports(id),
        recorded_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        UNIQUE (case_id, seq),
        CHECK ((month_offset IS NULL) <> (extra_reason IS NULL)),
        CHECK (status <> 'DONE' OR (visited_on IS NOT NULL AND mode IS NOT NULL AND officer IS NOT NULL AND child_seen_alone IS NOT NULL AND wellbeing IS NOT NULL)),
        CHECK (status <> 'CANCELLED' OR length(coalesce(cancel_reason, '')) >= 3),
        CHECK (resolved_at IS NULL OR escalated_at IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX monitoring_visits_pending_idx ON monitoring_visits (case_id, planned_on) WHERE status = 'PLANNED'`);
    await q.query(`CREATE UNIQUE INDEX monitoring_visits_report_key ON monitoring_visits (report_id) WHERE report_id IS NOT NULL`);

    // §3.9: the mediator's name, the court decision a return rests on, who relayed the minor's
    // views, the best-interests assessment it refers to.
    await q.query(`ALTER TABLE durable_solutions
      ADD COLUMN mediator_name text,
      ADD COLUMN court_decision_id uuid REFERENCES court_decisions(id),
      ADD COLUMN views_relayed_by text,
      ADD COLUMN bia_ref text,
      ADD CONSTRAINT durable_solutions_return_by_court CHECK (solution <> 'RETURN_AVR' OR court_decision_id IS NOT NULL) NOT VALID`);
    await q.query(`CREATE INDEX durable_solutions_case_idx ON durable_solutions (case_id, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS durable_solutions_case_idx`);
    await q.query(`ALTER TABLE durable_solutions DROP CONSTRAINT IF EXISTS durable_solutions_return_by_court,
      DROP COLUMN IF EXISTS mediator_name, DROP COLUMN IF EXISTS court_decision_id, DROP COLUMN IF EXISTS views_relayed_by, DROP COLUMN IF EXISTS bia_ref`);
    await q.query(`DROP TABLE IF EXISTS monitoring_visits, avr_handovers, avr_travel_plans, court_decisions, court_hearings, court_proceedings,
      reintegration_assistance_items, reintegration_objectives, reintegration_plans, counselling_sessions CASCADE`);
    await q.query(`DROP FUNCTION IF EXISTS court_decisions_guard()`);
  }
}
