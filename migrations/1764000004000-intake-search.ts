import type { MigrationInterface, QueryRunner } from 'typeorm';

// Duplicate search across transliterations, and the indexes behind the case list filters.
//
// translit_token() folds one normalised word to a transliteration key. The rules cover the
// spellings of West-African (French and English), Arabic (Egyptian, Maghrebi, Levantine) and
// Bengali names that Italian reception staff write down by ear:
//   doubled letters (Mohammed = Mohamed), French ou (Youssef, Ousmane, Abdoulaye), dj and di+vowel
//   for the j sound (Djallo, Diallo = Jallow), sh/ch (Cheikh = Sheikh), q/ck/c = k, c+e/i = s
//   (Ceesay = Sisay), kh/gh/dh/th/ph, the ai/ei diphthong kept as a y (Hossain = Hossein, but not
//   Hassan), y after a consonant as a vowel (Dmytro = Dmitrii), all vowels as one class (Arabic
//   does not write short vowels: Ahmed = Ahmad, Yusuf = Youssef), and trailing vowels, h and w
//   dropped (Jalloh, Jallow, Abdullahi = Abdoulaye). Abbreviations (Md., Med) map to Muhammad.
// translit_tokens() drops the Arabic article (El-Sayed = Sayed, al-Sayyid) and glues particles to
// the next word (Ben Ali = Benali, Abdul Rahman = Abdelrahman).
// minor_names holds one row per minor name and alias with its key (GIN trigram index: similar
// keys) and its phonetic key (sorted double-metaphone codes of the folded words, btree: exact
// phonetic match in any word order). A trigger keeps it in step with minors.
export class IntakeSearch1764000004000 implements MigrationInterface {
  name = 'IntakeSearch1764000004000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION translit_token(tok text) RETURNS text LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT AS $$
      DECLARE t text := tok;
      BEGIN
        t := CASE t
          WHEN 'md' THEN 'muhammad' WHEN 'mohd' THEN 'muhammad' WHEN 'mhd' THEN 'muhammad' WHEN 'med' THEN 'muhammad'
          WHEN 'mohamet' THEN 'muhammad' WHEN 'mahamat' THEN 'muhammad' WHEN 'mouhamet' THEN 'muhammad'
          ELSE t END;
        t := regexp_replace(t, '(.)\\1+', '\\1', 'g');
        t := replace(t, 'xh', 'j');
        t := replace(t, 'x', 'ks');
        t := regexp_replace(t, 's?(sh|ch)', 'x', 'g');
        t := replace(t, 'ph', 'f');
        t := replace(t, 'kh', 'k');
        t := replace(t, 'gh', 'g');
        t := replace(t, 'dh', 'd');
        t := replace(t, 'th', 't');
        t := replace(t, 'ck', 'k');
        t := replace(t, 'q', 'k');
        t := regexp_replace(t, 'c([eiy])', 's\\1', 'g');
        t := replace(t, 'c', 'k');
        t := replace(t, 'dj', 'j');
        t := regexp_replace(t, '^d[iy]([aeiou])', 'j\\1');
        t := replace(t, 'ou', 'u');
        t := regexp_replace(t, '([aeiou])w$', '\\1');
        t := regexp_replace(t, '([ae])[iy]([^aeiou]|$)', '\\1y\\2', 'g');
        t := regexp_replace(t, '([^aeiouy])y', '\\1i', 'g');
        t := regexp_replace(t, '[aeiou]+', 'a', 'g');
        t := regexp_replace(t, '(.)\\1+', '\\1', 'g');
        WHILE length(t) > 3 AND t ~ '[aehwy]$' LOOP
          t := left(t, -1);
        END LOOP;
        RETURN t;
      END $$`);
    await q.query(`
      CREATE FUNCTION translit_tokens(name text) RETURNS text[] LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT AS $$
      DECLARE
        words text[] := regexp_split_to_array(btrim(regexp_replace(public.norm_name(name), '\\s+', ' ', 'g')), ' ');
        result text[] := '{}';
        pending text := '';
        w text;
      BEGIN
        FOREACH w IN ARRAY words LOOP
          CONTINUE WHEN w = '' OR w IN ('el', 'al', 'ul', 'ed', 'ad');
          IF length(w) >= 6 AND w ~ '^(el|al)' AND w !~ '^(al|el)(i|y)' THEN w := substr(w, 3); END IF;
          IF w IN ('ben', 'bin', 'ibn', 'abu', 'abou', 'abd', 'abdel', 'abdul', 'abdoul', 'abdal', 'abdou') THEN
            pending := pending || w;
            CONTINUE;
          END IF;
          result := result || public.translit_token(pending || w);
          pending := '';
        END LOOP;
        IF pending <> '' THEN result := result || public.translit_token(pending); END IF;
        RETURN result;
      END $$`);
    await q.query(`
      CREATE FUNCTION translit_key(name text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$ SELECT array_to_string(public.translit_tokens(name), ' ') $$`);
    await q.query(`
      CREATE FUNCTION phonetic_key(name text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$ SELECT coalesce(string_agg(DISTINCT public.dmetaphone(w), ' ' ORDER BY public.dmetaphone(w)), '')
            FROM unnest(public.translit_tokens(name)) AS w WHERE w <> '' $$`);

    await q.query(`
      CREATE TABLE minor_names (
        minor_id uuid NOT NULL REFERENCES minors(id) ON DELETE CASCADE,
        is_alias boolean NOT NULL,
        name_norm text NOT NULL,
        name_key text NOT NULL,
        phon_key text NOT NULL,
        PRIMARY KEY (minor_id, name_key)
      )`);
    await q.query(`CREATE INDEX minor_names_key_trgm ON minor_names USING gin (name_key gin_trgm_ops)`);
    await q.query(`CREATE INDEX minor_names_phon_idx ON minor_names (phon_key)`);
    // The primary name first, so a key shared with an alias is recorded as the name itself.
    await q.query(`
      CREATE FUNCTION minor_names_sync() RETURNS trigger LANGUAGE plpgsql AS $$
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
    // Backfill by touching every minor through the trigger's own code path.
    await q.query(`UPDATE minors SET aliases = aliases`);

    // Case list filters and the minor → cases lookups of the duplicate search.
    await q.query(`CREATE INDEX cases_minor_idx ON cases (minor_id)`);
    await q.query(`CREATE INDEX cases_requesting_org_idx ON cases (requesting_organisation_id, updated_at DESC, id DESC)`);
    await q.query(`CREATE INDEX minors_nationality_idx ON minors (nationality)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS minors_nationality_idx, cases_requesting_org_idx, cases_minor_idx`);
    await q.query(`DROP TRIGGER IF EXISTS minor_names_sync ON minors`);
    await q.query(`DROP TABLE IF EXISTS minor_names`);
    await q.query(`DROP FUNCTION IF EXISTS minor_names_sync(), phonetic_key(text), translit_key(text), translit_tokens(text), translit_token(text)`);
  }
}
