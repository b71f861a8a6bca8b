import type { MigrationInterface, QueryRunner } from 'typeorm';

// Portals, inbox, statistics and oversight (issue 5): the requests social services send through
// the portal, the minor's views relayed by the guardian, requests for continuation of support at
// 18, and the indexes the inbox (read receipts from the audit trail), the DPO's access logs and
// the statistics need. report_disclosures.acknowledged_at/_by exist since 1764000003000; here they
// are tied together.
export class Portals1764000007000 implements MigrationInterface {
  name = 'Portals1764000007000';

  async up(q: QueryRunner): Promise<void> {
    // A family-tracing request sent by a social-services office: it opened the case (one per case).
    await q.query(`
      CREATE TABLE external_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL UNIQUE REFERENCES cases(id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        submitted_by uuid NOT NULL REFERENCES users(id),
        submitted_at timestamptz NOT NULL,
        channel text NOT NULL CHECK (channel IN ('DG_MLPS','OTHER')),
        questions jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(questions) = 'array'),
        family_information text
      )`);
    await q.query(`CREATE INDEX external_requests_submitted_idx ON external_requests (submitted_at DESC, id DESC)`);

    // The minor's views in the minor's own words, relayed by the guardian (domain §8 rule 12).
    await q.query(`
      CREATE TABLE minor_views (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        context text NOT NULL CHECK (context IN ('GENERAL','TRACING','LIFE_IN_ITALY','RETURN','COURT_HEARING','REINTEGRATION_PLAN')),
        words text NOT NULL CHECK (length(btrim(words)) >= 3),
        language text NOT NULL,
        mediator_present boolean NOT NULL,
        mediator_name text,
        expressed_on date NOT NULL,
        relayed_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL,
        CHECK (NOT mediator_present OR mediator_name IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX minor_views_case_idx ON minor_views (case_id, created_at DESC)`);

    // Social services ask for continuation of support after 18 (L. 47/2017 art. 13).
    await q.query(`
      CREATE TABLE prosieguo_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        requested_by uuid NOT NULL REFERENCES users(id),
        reasons text NOT NULL CHECK (length(btrim(reasons)) >= 10),
        requested_until date,
        submitted_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX prosieguo_requests_case_idx ON prosieguo_requests (case_id, submitted_at DESC)`);

    // An acknowledgement names who gave it.
    await q.query(`ALTER TABLE report_disclosures ADD CONSTRAINT report_disclosures_ack_by CHECK ((acknowledged_at IS NULL) = (acknowledged_by IS NULL))`);

    // Read receipts: the first download of a disclosed version (REPORT_DOWNLOADED rows name it).
    await q.query(`CREATE INDEX audit_event_disclosure_read_idx ON audit_event ((detail->>'disclosureId'), seq) WHERE action = 'REPORT_DOWNLOADED'`);
    // The DPO's views: refused reads name the case only as their entity; filters by action.
    await q.query(`CREATE INDEX audit_event_entity_idx ON audit_event (entity_type, entity_id, seq)`);
    await q.query(`CREATE INDEX audit_event_action_idx ON audit_event (action, seq)`);
    // Statistics count transitions by target state and time.
    await q.query(`CREATE INDEX case_history_transition_idx ON case_history (to_state, at) WHERE kind = 'TRANSITION'`);
    // The inbox: a recipient's disclosures, newest first.
    await q.query(`CREATE INDEX report_disclosures_user_inbox_idx ON report_disclosures (recipient_user_id, released_at DESC, id DESC) WHERE recipient_user_id IS NOT NULL`);
    await q.query(`CREATE INDEX report_disclosures_org_inbox_idx ON report_disclosures (recipient_organisation_id, released_at DESC, id DESC) WHERE recipient_organisation_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS report_disclosures_org_inbox_idx, report_disclosures_user_inbox_idx, case_history_transition_idx`);
    await q.query(`DROP INDEX IF EXISTS audit_event_action_idx, audit_event_entity_idx, audit_event_disclosure_read_idx`);
    await q.query(`ALTER TABLE report_disclosures DROP CONSTRAINT IF EXISTS report_disclosures_ack_by`);
    await q.query(`DROP TABLE IF EXISTS prosieguo_requests, minor_views, external_requests`);
  }
}
