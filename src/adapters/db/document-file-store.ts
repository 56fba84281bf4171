import { and, eq } from 'drizzle-orm';
import type { FirmScope } from '../../application/ports/index.ts';
import type { Db } from './database.ts';
import { documentFiles } from './schema/index.ts';

export const documentFileRepo = (db: Db, firmId: string): FirmScope['documentFiles'] => ({
  async find(documentId, purpose) {
    const [row] = await db
      .select()
      .from(documentFiles)
      .where(
        and(
          eq(documentFiles.firmId, firmId),
          eq(documentFiles.documentId, documentId),
          eq(documentFiles.purpose, purpose),
        ),
      );
    return (
      row && {
        documentId: row.documentId,
        purpose: row.purpose,
        contentType: row.contentType,
        bytes: row.content,
        sha256: row.sha256,
        createdAt: row.createdAt,
      }
    );
  },
  async insert(file) {
    await db.insert(documentFiles).values({
      firmId,
      documentId: file.documentId,
      purpose: file.purpose,
      contentType: file.contentType,
      content: file.bytes,
      sha256: file.sha256,
      byteSize: file.bytes.byteLength,
      createdAt: file.createdAt,
    });
  },
});
