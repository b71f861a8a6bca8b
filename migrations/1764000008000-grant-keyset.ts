import type { MigrationInterface, QueryRunner } from 'typeorm';

// The case list of a user who sees a few cases through one relation (a caseworker's assignments, a
// guardian's wards, a social-services office's or a court's cases) walked the country's keyset
// index on cases and probed a grant for each case until a page was full: ~1,600 probes for a
// caseworker who sees 2 % of 100,000 cases, on every page (docs/performance.md F5). Each grant now
// carries its case's `updated_at`, kept by triggers, and is indexed per person and per
// organisation in list order, so a page is one range of the grant index.
export class GrantKeyset1764000008000 implements MigrationInterface {
  name = 'GrantKeyset1764000008000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_grants ADD COLUMN case_updated_at timestamptz`);
    await q.query(`UPDATE case_grants g SET case_updated_at = c.updated_at FROM cases c WHERE c.id = g.case_id`);
    await q.query(`ALTER TABLE case_grants ALTER COLUMN case_updated_at SET NOT NULL`);

    // A new grant takes its case's current value, whatever the inserting statement says.
    await q.query(`
      CREATE FUNCTION case_grants_take_case_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT c.updated_at INTO NEW.case_updated_at FROM cases c WHERE c.id = NEW.case_id;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER case_grants_case_updated_at BEFORE INSERT OR UPDATE OF case_id ON case_grants
        FOR EACH ROW EXECUTE FUNCTION case_grants_take_case_updated_at()`);

    // A case's change of updated_at reaches its grants in the same transaction.
    await q.query(`
      CREATE FUNCTION cases_push_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE case_grants SET case_updated_at = NEW.updated_at WHERE case_id = NEW.id;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER cases_updated_at_to_grants AFTER UPDATE OF updated_at ON cases
        FOR EACH ROW WHEN (OLD.updated_at IS DISTINCT FROM NEW.updated_at) EXECUTE FUNCTION cases_push_updated_at()`);

    await q.query(`CREATE INDEX case_grants_user_keyset_idx ON case_grants (user_id, relation, case_updated_at DESC, case_id DESC) INCLUDE (expires_at) WHERE user_id IS NOT NULL`);
    await q.query(`CREATE INDEX case_grants_org_keyset_idx ON case_grants (organisation_id, relation, case_updated_at DESC, case_id DESC) INCLUDE (expires_at) WHERE organisation_id IS NOT NULL`);
    await q.query(`ANALYZE case_grants`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX case_grants_org_keyset_idx`);
    await q.query(`DROP INDEX case_grants_user_keyset_idx`);
    await q.query(`DROP TRIGGER cases_updated_at_to_grants ON cases`);
    await q.query(`DROP FUNCTION cases_push_updated_at()`);
    await q.query(`DROP TRIGGER case_grants_case_updated_at ON case_grants`);
    await q.query(`DROP FUNCTION case_grants_take_case_updated_at()`);
    await q.query(`ALTER TABLE case_grants DROP COLUMN case_updated_at`);
  }
}
