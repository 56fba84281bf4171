import { and, desc, eq, getTableColumns, sql } from 'drizzle-orm';
import type { FirmScope, RegisterImport } from '../../application/ports/index.ts';
import type { RegisterEntry } from '../../domain/vigilance/screening.ts';
import type { Db } from './database.ts';
import { vigilanceRegisterImports } from './schema/index.ts';

const { entries: _e, firmId: _f, ...importColumns } = getTableColumns(vigilanceRegisterImports);

/** R-F5: the register's imports and the entries a match names, read without loading a whole register. */
export const registerEntryRepo = (
  db: Db,
  firmId: string,
): Pick<FirmScope['vigilance'], 'listRegisterImports' | 'listRegisterEntries'> => ({
  async listRegisterImports() {
    const rows = await db
      .select(importColumns)
      .from(vigilanceRegisterImports)
      .where(eq(vigilanceRegisterImports.firmId, firmId))
      .orderBy(desc(vigilanceRegisterImports.importedAt), desc(vigilanceRegisterImports.id));
    return rows as RegisterImport[];
  },
  async listRegisterEntries(registerId, entryIds) {
    if (entryIds.length === 0) return [];
    // A comparison with a sequence is existential in SQL/JSON paths: any of the ids named.
    const ids = JSON.stringify([...new Set(entryIds)]);
    const rows = await db
      .select({
        entry: sql<RegisterEntry>`jsonb_path_query(${vigilanceRegisterImports.entries}, '$[*] ? (@.id == $ids[*])', jsonb_build_object('ids', ${ids}::jsonb))`,
      })
      .from(vigilanceRegisterImports)
      .where(and(eq(vigilanceRegisterImports.firmId, firmId), eq(vigilanceRegisterImports.id, registerId)));
    return rows.map((row) => row.entry);
  },
});
