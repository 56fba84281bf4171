/** The column builders the tables share. */
import { bigint, customType, timestamp } from 'drizzle-orm/pg-core';

export const cents = (name: string) => bigint(name, { mode: 'number' });
export const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
export const created = () => at('created_at').notNull().defaultNow();
/** Binary content (PDFs, logos): pg hands back a Buffer, PGlite a Uint8Array; both are Uint8Array. */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/**
 * An array of binary values (a certificate chain). Written as an array literal of hex strings, read
 * as each driver hands it back: drizzle's own `.array()` of a custom type splits the values wrongly.
 */
export const byteaArray = customType<{ data: Uint8Array[]; driverData: string | Uint8Array[] }>({
  dataType: () => 'bytea[]',
  toDriver: (values) => `{${values.map((v) => `"\\\\x${Buffer.from(v).toString('hex')}"`).join(',')}}`,
  fromDriver: (values) => {
    // pg and PGlite both parse a bytea[] into an array of bytes; a string would be a driver's change.
    if (typeof values === 'string') throw new Error('bytea[] read back as text: unexpected driver');
    return values.map((value) => new Uint8Array(value));
  },
});
