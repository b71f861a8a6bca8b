import type { MigrationInterface, QueryRunner } from 'typeorm';

// Documents in PostgreSQL (metadata and bytes commit together; lists never read the bytes), and
// the columns the task engine needs on the tasks table created in 1764000001000.
export class DocumentsTasks1764000005000 implements MigrationInterface {
  name = 'DocumentsTasks1764000005000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE documents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        tracing_request_id uuid REFERENCES tracing_requests(id),
        type text NOT NULL CHECK (type IN ('IF_REPORT','SOCIAL_SERVICES_REPORT','COURT_DECREE','CONSENT','ID_DOC','TRAVEL_DOC','HANDOVER_PROTOCOL',
          'REINTEGRATION_PLAN','MONITORING_REPORT','CARTELLA_SOCIALE','AGE_ASSESSMENT_REPORT','CORRESPONDENCE','FAMILY_ASSESSMENT_ORIGINAL')),
        title text NOT NULL,
        language text NOT NULL,
        sensitivity text NOT NULL DEFAULT 'STD' CHECK (sensitivity IN ('STD','SPECIAL','HIGH_RISK')),
        origin text NOT NULL CHECK (origin IN ('RECEIVED','PRODUCED')),
        translation_of uuid REFERENCES documents(id),
        file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
        media_type text NOT NULL CHECK (media_type IN ('application/pdf','image/png','image/jpeg',
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document','application/vnd.oasis.opendocument.text')),
        size_bytes integer NOT NULL CHECK (size_bytes > 0),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        uploaded_by uuid NOT NULL REFERENCES users(id),
        uploaded_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX documents_case_idx ON documents (case_id, uploaded_at DESC, id DESC)`);
    await q.query(`CREATE INDEX documents_tracing_idx ON documents (tracing_request_id, uploaded_at DESC, id DESC) WHERE tracing_request_id IS NOT NULL`);

    // The bytes, apart: a list or a metadata read never touches them. Already-compressed formats
    // (PDF, PNG, JPEG, zip-based office files) are stored out of line without recompression.
    await q.query(`
      CREATE TABLE document_contents (
        document_id uuid PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        content bytea NOT NULL
      )`);
    await q.query(`ALTER TABLE document_contents ALTER COLUMN content SET STORAGE EXTERNAL`);
    // A stored file never changes (its sha-256 is on record and may be in a disclosure register).
    await q.query(`
      CREATE FUNCTION document_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'stored documents are immutable'; END $$`);
    await q.query(`CREATE TRIGGER document_contents_no_update BEFORE UPDATE ON document_contents FOR EACH ROW EXECUTE FUNCTION document_immutable()`);
    await q.query(`CREATE TRIGGER documents_no_file_update BEFORE UPDATE OF case_id, sha256, size_bytes, media_type ON documents FOR EACH ROW EXECUTE FUNCTION document_immutable()`);

    await q.query(`ALTER TABLE tasks
      ADD COLUMN detail jsonb NOT NULL DEFAULT '{}',
      ADD COLUMN created_by uuid REFERENCES users(id),
      ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
      ADD COLUMN closed_at timestamptz,
      ADD COLUMN closed_by uuid REFERENCES users(id)`);
    // "My tasks": open tasks of the caller's role, by due date.
    await q.query(`CREATE INDEX tasks_open_owner_idx ON tasks (owner_role, due_at, id) WHERE status = 'OPEN'`);
    await q.query(`CREATE INDEX tasks_due_idx ON tasks (due_at, id)`);
    // "Has this case an overdue task?" (case list) and a case's open tasks.
    await q.query(`CREATE INDEX tasks_case_open_idx ON tasks (case_id, due_at) WHERE status = 'OPEN'`);
    // Turning-18 lists and the time-based task sweep read minors by date of birth.
    await q.query(`CREATE INDEX minors_dob_idx ON minors (date_of_birth) WHERE date_of_birth IS NOT NULL`);
    // Dashboards count open cases only; the archive of closed cases is never scanned.
    await q.query(`CREATE INDEX cases_open_state_idx ON cases (state, id)
      WHERE state NOT IN ('CLOSED_LOCAL_SOLUTION', 'CLOSED_REINTEGRATED', 'WITHDRAWN', 'AGED_OUT', 'REJECTED')`);
    // The visibility check (visibleCasePredicate) per case, answered from the index alone.
    await q.query(`CREATE INDEX case_grants_visibility_idx ON case_grants (case_id, relation) INCLUDE (user_id, organisation_id, expires_at)`);
    // Approval queues: risk checks waiting for a supervisor.
    await q.query(`CREATE INDEX risk_checks_pending_idx ON risk_checks (created_at) WHERE approved_by IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS risk_checks_pending_idx, case_grants_visibility_idx, cases_open_state_idx`);
    await q.query(`DROP INDEX IF EXISTS minors_dob_idx`);
    await q.query(`DROP INDEX IF EXISTS tasks_due_idx, tasks_case_open_idx`);
    await q.query(`DROP INDEX IF EXISTS tasks_open_owner_idx`);
    await q.query(`ALTER TABLE tasks DROP COLUMN detail, DROP COLUMN created_by, DROP COLUMN updated_at, DROP COLUMN closed_at, DROP COLUMN closed_by`);
    await q.query(`DROP TABLE IF EXISTS document_contents, documents CASCADE`);
    await q.query(`DROP FUNCTION IF EXISTS document_immutable`);
  }
}
