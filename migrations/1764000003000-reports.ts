import type { MigrationInterface, QueryRunner } from 'typeorm';

// Reports to the authorities (issue 3; domain.md §5, §3.17, §8 rules 4, 5, 7): the report, its
// versions (sections in the original language and in Italian, the QA and approval trail, the
// content hash fixed at approval) and the disclosure register. Approved and released versions and
// the register are protected by triggers, not only by the service: a correction is a new version.
//
// Foreign keys are RESTRICT on purpose: a report that left IOM, and its register, must not vanish
// with a cascading delete. Retention (domain.md §8 rule 9) will need its own, explicit procedure.
export class Reports1764000003000 implements MigrationInterface {
  name = 'Reports1764000003000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id),
        kind text NOT NULL CHECK (kind IN ('FAMILY_ASSESSMENT','NON_LOCATION_NOTE','REINTEGRATION_PLAN','AVR_OPERATIONAL_NOTE','HANDOVER_PROTOCOL','MONITORING_REPORT')),
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One family-assessment report and one non-location note per case (their corrections are
    // versions); part-2 kinds such as monitoring reports may repeat.
    await q.query(`CREATE UNIQUE INDEX reports_tracing_kind_key ON reports (case_id, kind) WHERE kind IN ('FAMILY_ASSESSMENT','NON_LOCATION_NOTE')`);
    await q.query(`CREATE INDEX reports_case_idx ON reports (case_id)`);

    await q.query(`
      CREATE TABLE report_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        report_id uuid NOT NULL REFERENCES reports(id),
        version_no integer NOT NULL CHECK (version_no >= 1),
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT','IN_QA','QA_PASSED','APPROVED','RELEASED','RETURNED','SUPERSEDED')),
        original_language text NOT NULL,
        sections_original jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(sections_original) = 'object'),
        sections_it jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(sections_it) = 'object'),
        -- Provenance of the pre-filled text (the family assessment's id and version, whether its
        -- translation was current, the tracing request, or the version a correction was copied
        -- from) and the interview's date, mode and persons present, frozen with the version.
        source jsonb NOT NULL DEFAULT '{}',
        -- Optimistic lock for draft edits (If-Match); status changes do not bump it.
        lock_version integer NOT NULL DEFAULT 1,
        drafted_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL,
        updated_by uuid REFERENCES users(id),
        updated_at timestamptz NOT NULL,
        submitted_by uuid REFERENCES users(id),
        submitted_at timestamptz,
        qa_by uuid REFERENCES users(id),
        qa_at timestamptz,
        qa_result text CHECK (qa_result IN ('PASS','RETURN')),
        qa_comment text,
        approved_by uuid REFERENCES users(id),
        approved_at timestamptz,
        content_sha256 text CHECK (content_sha256 ~ '^[0-9a-f]{64}$'),
        released_by uuid REFERENCES users(id),
        released_at timestamptz,
        UNIQUE (report_id, version_no),
        CHECK (status NOT IN ('QA_PASSED','APPROVED','RELEASED') OR (qa_result = 'PASS' AND qa_by IS NOT NULL)),
        CHECK (status NOT IN ('APPROVED','RELEASED','SUPERSEDED') OR (approved_by IS NOT NULL AND approved_at IS NOT NULL AND content_sha256 IS NOT NULL)),
        CHECK (status <> 'RELEASED' OR (released_by IS NOT NULL AND released_at IS NOT NULL))
      )`);
    // At most one version of a report is being worked on at a time.
    await q.query(`CREATE UNIQUE INDEX report_versions_working_key ON report_versions (report_id) WHERE status IN ('DRAFT','IN_QA','QA_PASSED','RETURNED')`);

    // The content a supervisor approves, in a canonical form (jsonb's own text form: keys sorted,
    // fixed spacing), and its sha-256. Computed here so that no code path can approve a version
    // with a hash that does not match what is stored.
    await q.query(`
      CREATE FUNCTION report_version_content_sha256(v report_versions) RETURNS text LANGUAGE sql STABLE
      AS $$ SELECT encode(sha256(convert_to(jsonb_build_object(
        'reportId', v.report_id, 'kind', (SELECT kind FROM reports WHERE id = v.report_id), 'versionNo', v.version_no,
        'originalLanguage', v.original_language, 'sectionsOriginal', v.sections_original, 'sectionsIt', v.sections_it,
        'source', v.source)::text, 'UTF8')), 'hex') $$`);

    // Approved and released versions never change. An approved version may only be released or
    // superseded (its content, hash and approval stay as they are); a released or superseded one
    // not at all. Neither can be deleted.
    await q.query(`
      CREATE FUNCTION report_versions_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          IF OLD.status IN ('APPROVED','RELEASED','SUPERSEDED') THEN
            RAISE EXCEPTION 'report version % is % and cannot be deleted', OLD.id, OLD.status USING ERRCODE = 'integrity_constraint_violation';
          END IF;
          RETURN OLD;
        END IF;
        IF OLD.status IN ('RELEASED','SUPERSEDED') THEN
          RAISE EXCEPTION 'report version % is % and immutable', OLD.id, OLD.status USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        IF OLD.status = 'APPROVED' THEN
          IF NEW.status NOT IN ('APPROVED','RELEASED','SUPERSEDED')
            OR (NEW.id, NEW.report_id, NEW.version_no, NEW.original_language, NEW.sections_original, NEW.sections_it, NEW.source,
                NEW.lock_version, NEW.drafted_by, NEW.created_at, NEW.updated_by, NEW.updated_at, NEW.submitted_by, NEW.submitted_at,
                NEW.qa_by, NEW.qa_at, NEW.qa_result, NEW.qa_comment, NEW.approved_by, NEW.approved_at, NEW.content_sha256)
               IS DISTINCT FROM
               (OLD.id, OLD.report_id, OLD.version_no, OLD.original_language, OLD.sections_original, OLD.sections_it, OLD.source,
                OLD.lock_version, OLD.drafted_by, OLD.created_at, OLD.updated_by, OLD.updated_at, OLD.submitted_by, OLD.submitted_at,
                OLD.qa_by, OLD.qa_at, OLD.qa_result, OLD.qa_comment, OLD.approved_by, OLD.approved_at, OLD.content_sha256)
            OR (NEW.status <> 'RELEASED' AND (NEW.released_by IS NOT NULL OR NEW.released_at IS NOT NULL)) THEN
            RAISE EXCEPTION 'report version % is approved and immutable: a change is a new version', OLD.id USING ERRCODE = 'integrity_constraint_violation';
          END IF;
          RETURN NEW;
        END IF;
        IF NEW.status = 'APPROVED' THEN
          IF OLD.status <> 'QA_PASSED' THEN
            RAISE EXCEPTION 'report version % must pass QA before approval', OLD.id USING ERRCODE = 'integrity_constraint_violation';
          END IF;
          NEW.content_sha256 := report_version_content_sha256(NEW);
        ELSIF NEW.status IN ('RELEASED','SUPERSEDED') THEN
          RAISE EXCEPTION 'report version % is not approved', OLD.id USING ERRCODE = 'integrity_constraint_violation';
        ELSIF NEW.content_sha256 IS NOT NULL THEN
          RAISE EXCEPTION 'only approval fixes the content hash' USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER report_versions_guard BEFORE UPDATE OR DELETE ON report_versions FOR EACH ROW EXECUTE FUNCTION report_versions_guard()`);
    // The application inserts drafts; an import (or the demo seed) may insert an approved or
    // released version in one go, and then the hash is computed here too.
    await q.query(`
      CREATE FUNCTION report_versions_insert_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.status IN ('APPROVED','RELEASED','SUPERSEDED') THEN
          IF NEW.content_sha256 IS NOT NULL AND NEW.content_sha256 <> report_version_content_sha256(NEW) THEN
            RAISE EXCEPTION 'the content hash does not match the content' USING ERRCODE = 'integrity_constraint_violation';
          END IF;
          NEW.content_sha256 := report_version_content_sha256(NEW);
        ELSIF NEW.content_sha256 IS NOT NULL THEN
          RAISE EXCEPTION 'only approval fixes the content hash' USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER report_versions_insert_guard BEFORE INSERT ON report_versions FOR EACH ROW EXECUTE FUNCTION report_versions_insert_guard()`);

    // The disclosure register (domain.md §3.17, §8 rule 7): one row per recipient of a released
    // version, with purpose, legal basis or consent, the document hash and the approver.
    await q.query(`
      CREATE TABLE report_disclosures (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        report_version_id uuid NOT NULL REFERENCES report_versions(id),
        case_id uuid NOT NULL REFERENCES cases(id),
        recipient_organisation_id uuid REFERENCES organisations(id),
        recipient_user_id uuid REFERENCES users(id),
        recipient_name text NOT NULL,
        purpose text NOT NULL CHECK (length(btrim(purpose)) >= 3),
        legal_basis text NOT NULL CHECK (length(btrim(legal_basis)) >= 3),
        family_consent_id uuid REFERENCES consents(id),
        content_sha256 text NOT NULL CHECK (content_sha256 ~ '^[0-9a-f]{64}$'),
        released_by uuid NOT NULL REFERENCES users(id),
        approved_by uuid NOT NULL REFERENCES users(id),
        released_at timestamptz NOT NULL,
        -- Receipt by the recipient (issue 5).
        acknowledged_at timestamptz,
        acknowledged_by uuid REFERENCES users(id),
        CHECK (recipient_organisation_id IS NOT NULL OR recipient_user_id IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX report_disclosures_version_idx ON report_disclosures (report_version_id)`);
    await q.query(`CREATE INDEX report_disclosures_case_idx ON report_disclosures (case_id, released_at)`);
    await q.query(`CREATE INDEX report_disclosures_user_idx ON report_disclosures (recipient_user_id) WHERE recipient_user_id IS NOT NULL`);
    await q.query(`CREATE INDEX report_disclosures_org_idx ON report_disclosures (recipient_organisation_id) WHERE recipient_organisation_id IS NOT NULL`);
    // A register row is written once: only the recipient's acknowledgement may be added later, and
    // only the version it names may be released (and carry its hash).
    await q.query(`
      CREATE FUNCTION report_disclosures_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE v report_versions%ROWTYPE;
      BEGIN
        IF TG_OP = 'INSERT' THEN
          SELECT * INTO v FROM report_versions WHERE id = NEW.report_version_id;
          IF v.status NOT IN ('APPROVED','RELEASED') OR v.content_sha256 IS DISTINCT FROM NEW.content_sha256 OR v.approved_by IS DISTINCT FROM NEW.approved_by THEN
            RAISE EXCEPTION 'only an approved version can be disclosed, with its own hash and approver' USING ERRCODE = 'integrity_constraint_violation';
          END IF;
          RETURN NEW;
        END IF;
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'the disclosure register is append-only' USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        IF OLD.acknowledged_at IS NOT NULL
          OR (NEW.id, NEW.report_version_id, NEW.case_id, NEW.recipient_organisation_id, NEW.recipient_user_id, NEW.recipient_name, NEW.purpose,
              NEW.legal_basis, NEW.family_consent_id, NEW.content_sha256, NEW.released_by, NEW.approved_by, NEW.released_at)
             IS DISTINCT FROM
             (OLD.id, OLD.report_version_id, OLD.case_id, OLD.recipient_organisation_id, OLD.recipient_user_id, OLD.recipient_name, OLD.purpose,
              OLD.legal_basis, OLD.family_consent_id, OLD.content_sha256, OLD.released_by, OLD.approved_by, OLD.released_at) THEN
          RAISE EXCEPTION 'the disclosure register is append-only (only a first acknowledgement may be added)' USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER report_disclosures_guard BEFORE INSERT OR UPDATE OR DELETE ON report_disclosures FOR EACH ROW EXECUTE FUNCTION report_disclosures_guard()`);
    await q.query(`
      CREATE FUNCTION reports_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION '% cannot be truncated', TG_TABLE_NAME USING ERRCODE = 'integrity_constraint_violation'; END $$`);
    await q.query(`CREATE TRIGGER report_disclosures_no_truncate BEFORE TRUNCATE ON report_disclosures FOR EACH STATEMENT EXECUTE FUNCTION reports_no_truncate()`);
    await q.query(`CREATE TRIGGER report_versions_no_truncate BEFORE TRUNCATE ON report_versions FOR EACH STATEMENT EXECUTE FUNCTION reports_no_truncate()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS report_disclosures, report_versions, reports CASCADE`);
    await q.query(`DROP FUNCTION IF EXISTS report_disclosures_guard, report_versions_guard, report_versions_insert_guard, report_version_content_sha256, reports_no_truncate`);
  }
}
