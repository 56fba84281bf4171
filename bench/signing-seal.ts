import { createHash } from 'node:crypto';
import { createPdfRenderer } from '../src/adapters/pdf/pdf-renderer.ts';
import { createSealer } from '../src/adapters/signing/sealer.ts';
import { createTimestampClient, type TimestampSettings } from '../src/adapters/signing/timestamp-client.ts';
import { documentContent } from '../src/domain/documents/content/document-content.ts';
import { aSignedFacts } from '../test/builders/signed-facts.ts';
import type { SigningBench } from './signing-setup.ts';

/** The baselines of signing.ts's first measure: a seal's bare work, and one token's cost. */

/** The bare work of a seal: the letter's frozen facts, signed, rendered and sealed; no database, no queue. */
export const bareSeal = async (
  bench: SigningBench,
  letterId: string,
  timestamp: TimestampSettings | undefined,
) => {
  const reader = bench.ctx.deps.store.read(bench.firm.firmId);
  const [doc, firm, identity] = await Promise.all([
    reader.documents.find(letterId),
    reader.firm.get(),
    reader.sealIdentity.find(),
  ]);
  if (!doc?.frozen?.facts || !identity) throw new Error('letter not frozen, or no seal identity yet');
  const renderer = createPdfRenderer();
  const sealer = createSealer({ timestamp });
  const frozen = await reader.documentFiles.find(letterId, 'frozen');
  const at = new Date();
  const start = performance.now();
  // The same work as the job's: the sent PDF's token (with an authority), the render with it attached, the seal.
  const token = timestamp && frozen ? await createTimestampClient(timestamp).stamp(frozen.bytes) : undefined;
  const signed = { ...doc.frozen.facts, signed: aSignedFacts({ sealedBy: firm.name }) };
  const attach = (name: string, bytes: Uint8Array) => ({
    name,
    bytes,
    mimeType: 'application/octet-stream',
    description: name,
    relationship: 'Source' as const,
    createdAt: at,
  });
  const pdf = await renderer.render(documentContent(signed), {
    at,
    watermark: null,
    accentColor: firm.accentColor,
    logo: null,
    attachments: [
      ...(frozen ? [attach('envoye.pdf', frozen.bytes)] : []),
      ...(token ? [attach('envoye.tst', token.token)] : []),
    ],
  });
  const bytes = await sealer.seal(pdf.bytes, identity, { reason: 'Lettre signée', name: firm.name, at });
  return { ms: performance.now() - start, bytes };
};

/** What one token costs from the stand-in authority (signed in this process), apart from the rest. */
export const tsaLatency = async (timestamp: TimestampSettings): Promise<string> => {
  const client = createTimestampClient(timestamp);
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    await client.stamp(createHash('sha256').update(String(i)).digest());
    times.push(performance.now() - start);
  }
  return [...times].sort((a, b) => a - b)[2]!.toFixed(0);
};
