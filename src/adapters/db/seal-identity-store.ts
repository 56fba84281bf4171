import { and, eq } from 'drizzle-orm';
import type { FirmScope } from '../../application/ports/index.ts';
import type { SealIdentity } from '../../application/records.ts';
import { isEnvelope, type Keyring } from '../security/envelope.ts';
import type { Db } from './database.ts';
import { sealIdentities } from './schema/index.ts';

/** The envelope's context: a seal key copied into another firm's row does not open there. */
const contextOf = (firmId: string) => `seal-identity|${firmId}`;

/**
 * A firm's seal identity. Its private key is stored encrypted (src/adapters/security/envelope.ts)
 * and decrypted when read; a key stored in clear before encryption is still read, and
 * `protectSealKeys` encrypts it at the next start or rotation.
 */
export const sealIdentityRepo = (db: Db, firmId: string, keyring: Keyring): FirmScope['sealIdentity'] => ({
  async find() {
    const [row] = await db.select().from(sealIdentities).where(eq(sealIdentities.firmId, firmId));
    return (
      row && {
        privateKeyPkcs8: keyring.open(row.privateKeyPkcs8, contextOf(firmId)),
        certificateDer: row.certificateDer,
        commonName: row.commonName,
        ...(row.notAfter ? { notAfter: row.notAfter } : {}),
        ...(row.chainDer?.length ? { chainDer: row.chainDer } : {}),
        source: row.source,
        createdAt: row.createdAt,
      }
    );
  },
  async insertIfAbsent(identity, at) {
    await db
      .insert(sealIdentities)
      .values({ ...columnsOf(identity, keyring, firmId), firmId, createdAt: at })
      .onConflictDoNothing({ target: sealIdentities.firmId });
    const kept = await this.find();
    if (!kept) throw new Error(`seal identity of firm ${firmId} vanished`);
    return kept;
  },
  async replace(identity, input) {
    const values = {
      ...columnsOf(identity, keyring, firmId),
      source: input.source,
      issuer: input.issuer,
      createdAt: input.at,
    };
    if (input.replacing) {
      const updated = await db
        .update(sealIdentities)
        .set(values)
        .where(and(eq(sealIdentities.firmId, firmId), eq(sealIdentities.certificateDer, input.replacing)))
        .returning({ firmId: sealIdentities.firmId });
      return updated.length > 0;
    }
    await db
      .insert(sealIdentities)
      .values({ ...values, firmId })
      .onConflictDoUpdate({ target: sealIdentities.firmId, set: values });
    return true;
  },
});

/** The row's columns of an identity: its key sealed under the firm's context, its chain kept. */
const columnsOf = (identity: SealIdentity, keyring: Keyring, firmId: string) => ({
  privateKeyPkcs8: keyring.seal(identity.privateKeyPkcs8, contextOf(firmId)),
  certificateDer: identity.certificateDer,
  commonName: identity.commonName,
  notAfter: identity.notAfter ?? null,
  chainDer: identity.chainDer ?? [],
});

export type SealKeysProtection = { total: number; encrypted: number; rewrapped: number };

/**
 * Every seal key under the current master key: keys in clear (stored before encryption) are
 * encrypted, keys wrapped by a previous key are re-wrapped (only their data key changes). Run at
 * each start and by `lettrine secrets rotate`; each row is written only if nobody changed it since
 * it was read, so servers starting together do it once. A key no configured master key opens
 * stops it with UnknownSecretsKeyError, which says which key to put back.
 */
export const protectSealKeys = async (db: Db, keyring: Keyring): Promise<SealKeysProtection> => {
  const rows = await db
    .select({ firmId: sealIdentities.firmId, key: sealIdentities.privateKeyPkcs8 })
    .from(sealIdentities);
  const outcome: SealKeysProtection = { total: rows.length, encrypted: 0, rewrapped: 0 };
  for (const row of rows) {
    if (!keyring.needsRewrap(row.key)) continue;
    const inClear = !isEnvelope(row.key);
    await db
      .update(sealIdentities)
      .set({ privateKeyPkcs8: keyring.rewrap(row.key, contextOf(row.firmId)) })
      .where(and(eq(sealIdentities.firmId, row.firmId), eq(sealIdentities.privateKeyPkcs8, row.key)));
    if (inClear) outcome.encrypted += 1;
    else outcome.rewrapped += 1;
  }
  return outcome;
};
