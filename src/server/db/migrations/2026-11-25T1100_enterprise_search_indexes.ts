// Frozen migration: two registry search indexes measured at a million enterprises — names by two-character pieces (a two-character Chinese query has no trigram) and held tags covered for the tag filter.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Every distinct two-character piece of a name, lower-cased: 湖州织里 → {湖州, 州织, 织里}. Containment of one piece is
  // exactly "the name contains these two characters", so 织里 is answered from the index instead of a scan.
  await sql`
    CREATE FUNCTION enterprise_name_bigrams(text) RETURNS text[]
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
      AS $$ SELECT coalesce(array_agg(DISTINCT substr(lower($1), i, 2)), '{}') FROM generate_series(1, char_length($1) - 1) AS i $$`.execute(db);
  await sql`CREATE INDEX enterprises_name_bigrams_idx ON enterprises USING gin (enterprise_name_bigrams(name))`.execute(db);
  // The tag filter: with the validity columns in the index, the enterprises holding a tag on a date come from an
  // index-only scan of that tag (measured 25 ms at 212,000 tags) instead of a scan of the whole tags table (150–800 ms).
  await sql`CREATE INDEX enterprise_tags_held_idx ON enterprise_tags (tag, enterprise_id) INCLUDE (valid_from, valid_until, revoked_at)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('frozen migrations are not reversed; restore from backup instead');
}
