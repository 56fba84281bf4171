-- Issue 19: the client list searches through a trigram index (pg_trgm) that leads with firm_id
-- (btree_gin gives uuid a GIN operator class). Both ship with PostgreSQL 15 and as PGlite contribs.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS btree_gin;
--> statement-breakpoint
-- Lower case without accents or ligatures, so that « societe gen » finds « Société Générale ».
-- translate() and lower() are immutable (unaccent() is not, and needs its rules file): the
-- function can be indexed. Upper-case accents are listed too, since lower() leaves non-ASCII
-- letters as they are under the C locale.
CREATE OR REPLACE FUNCTION lettrine_fold(text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ select replace(replace(translate(lower($1),
  'àâäáãåçéèêëíìîïñóòôöõúùûüýÿÀÂÄÁÃÅÇÉÈÊËÍÌÎÏÑÓÒÔÖÕÚÙÛÜÝŸ',
  'aaaaaaceeeeiiiinooooouuuuyyaaaaaaceeeeiiiinooooouuuuyy'), 'œ', 'oe'), 'æ', 'ae') $$;
