import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

/**
 * The extensions the migrations create (0014: the client list's trigram index). PGlite loads an
 * extension's code only when it is given at creation: every PGlite that opens Lettrine's data
 * (the server, a backup, a restore, the tests' template) must be created with these.
 */
export const pgliteExtensions = { pg_trgm, btree_gin };
