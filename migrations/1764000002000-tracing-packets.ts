import type { MigrationInterface, QueryRunner } from 'typeorm';

// Tracing packets (issue 3): what a request was built from (the minor's consent, the approved
// risk check, the targeted relatives), the packet's digest, who recorded the outcome, which
// relative a contact attempt concerned, which request a family consent was collected under, and
// the translation's provenance on the family assessment.
export class TracingPackets1764000002000 implements MigrationInterface {
  name = 'TracingPackets1764000002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tracing_requests
      ADD COLUMN minor_consent_id uuid REFERENCES consents(id),
      ADD COLUMN risk_check_id uuid REFERENCES risk_checks(id),
      ADD COLUMN target_member_ids uuid[] NOT NULL DEFAULT '{}',
      ADD COLUMN packet_sha256 text CHECK (packet_sha256 ~ '^[0-9a-f]{64}$'),
      ADD COLUMN outcome_recorded_at timestamptz,
      ADD COLUMN outcome_recorded_by uuid REFERENCES users(id),
      ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);

    await q.query(`ALTER TABLE contact_attempts ADD COLUMN family_member_id uuid REFERENCES family_members(id) ON DELETE SET NULL`);
    await q.query(`CREATE INDEX contact_attempts_request_idx ON contact_attempts (tracing_request_id, attempted_at)`);

    await q.query(`ALTER TABLE consents ADD COLUMN tracing_request_id uuid REFERENCES tracing_requests(id) ON DELETE SET NULL`);
    await q.query(`CREATE INDEX consents_tracing_request_idx ON consents (tracing_request_id) WHERE tracing_request_id IS NOT NULL`);

    // translated_from_version: the assessment version the translation was saved at; a later change
    // of the original makes it differ, and the translation shows as outdated.
    await q.query(`ALTER TABLE family_assessments
      ADD COLUMN updated_by uuid REFERENCES users(id),
      ADD COLUMN translated_at timestamptz,
      ADD COLUMN translated_from_version integer`);
    await q.query(`CREATE INDEX family_assessments_request_idx ON family_assessments (tracing_request_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS family_assessments_request_idx`);
    await q.query(`ALTER TABLE family_assessments DROP COLUMN updated_by, DROP COLUMN translated_at, DROP COLUMN translated_from_version`);
    await q.query(`DROP INDEX IF EXISTS consents_tracing_request_idx`);
    await q.query(`ALTER TABLE consents DROP COLUMN tracing_request_id`);
    await q.query(`DROP INDEX IF EXISTS contact_attempts_request_idx`);
    await q.query(`ALTER TABLE contact_attempts DROP COLUMN family_member_id`);
    await q.query(`ALTER TABLE tracing_requests DROP COLUMN minor_consent_id, DROP COLUMN risk_check_id, DROP COLUMN target_member_ids,
      DROP COLUMN packet_sha256, DROP COLUMN outcome_recorded_at, DROP COLUMN outcome_recorded_by, DROP COLUMN updated_at`);
  }
}
