import type { MigrationInterface, QueryRunner } from 'typeorm';

// Fuzzy name search at national scale (docs/performance.md F8, ADR 0009). Over a million people
// the commonest names ("Mohamed Ibrahim") share their trigrams with tens of thousands of rows:
// the GIN index on minor_names returned 60,738 candidates to recheck, and every survivor fetched
// its minor for the date of birth. Names repeat, so:
// - minor_name_keys holds each distinct transliteration key once (less than half the rows at the
//   bench volume); the trigram search runs there, and the rows of the similar keys are read from the
//   btree on minor_names (name_key).
// - minor_names carries the minor's date of birth (and whether it is a 1 January default), kept
//   by the same trigger, so a candidate is scored without reading minors; only the ten kept are.
// The set of candidates and their scores are unchanged: a key is similar to the query whether it
// is read from one table or the other.
//
// The dictionary only grows from the trigger (INSERT … ON CONFLICT DO NOTHING takes no lock on a
// key that exists). A key that no row uses any more (a name corrected, an alias removed) leads
// to no one; prune_minor_name_keys() removes such keys under a SHARE lock on minor_names, so that
// no transaction can add a row with a key while it is being removed. The server runs it at start.
export class NameKeyDictionary1764000009000 implements MigrationInterface {
  name = 'NameKeyDictionary1764000009000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE minor_names ADD COLUMN date_of_birth date, ADD COLUMN dob_is_default_jan1 boolean NOT NULL DEFAULT false`);
    await q.query(`
      UPDATE minor_names n SET date_of_birth = m.date_of_birth, dob_is_default_jan1 = m.dob_is_default_jan1
        FROM minors m WHERE m.id = n.minor_id AND (m.date_of_birth IS NOT NULL OR m.dob_is_default_jan1)`);
    await q.query(`CREATE TABLE minor_name_keys (name_key text PRIMARY KEY)`);
    await q.query(`INSERT INTO minor_name_keys (name_key) SELECT DISTINCT name_key FROM minor_names`);
    await q.query(`CREATE INDEX minor_name_keys_trgm ON minor_name_keys USING gin (name_key gin_trgm_ops)`);
    await q.query(`CREATE INDEX minor_names_key_idx ON minor_names (name_key)`);
    await q.query(`DROP INDEX minor_names_key_trgm`);

    await q.query(`
      CREATE OR REPLACE FUNCTION minor_names_sync() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM minor_names WHERE minor_id = NEW.id;
        INSERT INTO minor_names (minor_id, is_alias, name_norm, name_key, phon_key, date_of_birth, dob_is_default_jan1)
          SELECT NEW.id, n.is_alias, public.norm_name(n.name), public.translit_key(n.name), public.phonetic_key(n.name), NEW.date_of_birth, NEW.dob_is_default_jan1
            FROM (SELECT false AS is_alias, NEW.first_name || ' ' || NEW.last_name AS name, 0 AS ord
                  UNION ALL SELECT true, a, o FROM unnest(NEW.aliases) WITH ORDINALITY AS x(a, o)) n
           WHERE public.translit_key(n.name) <> ''
           ORDER BY n.ord
        ON CONFLICT (minor_id, name_key) DO NOTHING;
        INSERT INTO minor_name_keys (name_key)
          SELECT DISTINCT n.name_key FROM minor_names n WHERE n.minor_id = NEW.id ORDER BY 1
        ON CONFLICT (name_key) DO NOTHING;
        RETURN NULL;
      END $$`);
    await q.query(`DROP TRIGGER minor_names_sync ON minors`);
    await q.query(`
      CREATE TRIGGER minor_names_sync AFTER INSERT OR UPDATE OF first_name, last_name, aliases, date_of_birth, dob_is_default_jan1 ON minors
        FOR EACH ROW EXECUTE FUNCTION minor_names_sync()`);

    await q.query(`
      CREATE FUNCTION prune_minor_name_keys() RETURNS integer LANGUAGE plpgsql AS $$
      DECLARE pruned integer;
      BEGIN
        LOCK TABLE minor_names IN SHARE MODE;
        DELETE FROM minor_name_keys k WHERE NOT EXISTS (SELECT 1 FROM minor_names n WHERE n.name_key = k.name_key);
        GET DIAGNOSTICS pruned = ROW_COUNT;
        RETURN pruned;
      END $$`);
    await q.query(`ANALYZE minor_names`);
    await q.query(`ANALYZE minor_name_keys`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS prune_minor_name_keys()`);
    await q.query(`DROP TRIGGER IF EXISTS minor_names_sync ON minors`);
    await q.query(`
      CREATE OR REPLACE FUNCTION minor_names_sync() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM minor_names WHERE minor_id = NEW.id;
        INSERT INTO minor_names (minor_id, is_alias, name_norm, name_key, phon_key)
          SELECT NEW.id, n.is_alias, public.norm_name(n.name), public.translit_key(n.name), public.phonetic_key(n.name)
            FROM (SELECT false AS is_alias, NEW.first_name || ' ' || NEW.last_name AS name, 0 AS ord
                  UNION ALL SELECT true, a, o FROM unnest(NEW.aliases) WITH ORDINALITY AS x(a, o)) n
           WHERE public.translit_key(n.name) <> ''
           ORDER BY n.ord
        ON CONFLICT (minor_id, name_key) DO NOTHING;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER minor_names_sync AFTER INSERT OR UPDATE OF first_name, last_name, aliases ON minors FOR EACH ROW EXECUTE FUNCTION minor_names_sync()`);
    await q.query(`CREATE INDEX minor_names_key_trgm ON minor_names USING gin (name_key gin_trgm_ops)`);
    await q.query(`DROP INDEX IF EXISTS minor_names_key_idx`);
    await q.query(`DROP TABLE IF EXISTS minor_name_keys`);
    await q.query(`ALTER TABLE minor_names DROP COLUMN date_of_birth, DROP COLUMN dob_is_default_jan1`);
  }
}
