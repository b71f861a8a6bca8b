import type { MigrationInterface, QueryRunner } from 'typeorm';

// The database reads the app's clock (issue 11, docs/testing.md "Dates"). Every connection of the
// app carries `app.clock_offset_ms` (database/data-source.ts): 0 in production, and outside
// production the distance between TEST_NOW and the real time when the app started. app_now() is
// the app's instant and app_today() its calendar day in Italy; SQL never uses now() or
// current_date (current_date would be the UTC day on these UTC connections: wrong for an hour or
// two around midnight in Rome). Column defaults move to app_now() too, so a row stamped by a
// default and a row stamped by the server agree on the day.
//
// Both functions are plain SQL and STABLE: the planner inlines them, and a comparison with an
// indexed column still uses the index.
export class AppClock1764000010000 implements MigrationInterface {
  name = 'AppClock1764000010000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION public.app_now() RETURNS timestamptz LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT pg_catalog.now() + coalesce(nullif(pg_catalog.current_setting('app.clock_offset_ms', true), '')::bigint, 0) * interval '1 millisecond'
      $$`);
    await q.query(`
      CREATE FUNCTION public.app_today() RETURNS date LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT (public.app_now() AT TIME ZONE 'Europe/Rome')::date
      $$`);
    await q.query(`
      DO $$
      DECLARE c record;
      BEGIN
        FOR c IN SELECT table_name, column_name FROM information_schema.columns
                  WHERE table_schema = 'public' AND column_default = 'now()'
        LOOP
          EXECUTE format('ALTER TABLE public.%I ALTER COLUMN %I SET DEFAULT public.app_now()', c.table_name, c.column_name);
        END LOOP;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$
      DECLARE c record;
      BEGIN
        FOR c IN SELECT table_name, column_name FROM information_schema.columns
                  WHERE table_schema = 'public' AND column_default = 'app_now()'
        LOOP
          EXECUTE format('ALTER TABLE public.%I ALTER COLUMN %I SET DEFAULT now()', c.table_name, c.column_name);
        END LOOP;
      END $$`);
    await q.query(`DROP FUNCTION public.app_today()`);
    await q.query(`DROP FUNCTION public.app_now()`);
  }
}
