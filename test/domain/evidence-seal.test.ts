import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/domain/documents/content/blocks.ts';
import { groupThousands, sealProofBlocks } from '../../src/domain/documents/content/evidence-seal.ts';
import { aSignedFacts } from '../builders/signed-facts.ts';

const rowsOf = (blocks: Block[]): Record<string, string> =>
  Object.fromEntries(blocks.flatMap((block) => (block.type === 'fields' ? block.rows : [])));

describe('the seal on the evidence page (issue 15, items 1 and 2)', () => {
  it('R-S15-TIME says the times are the server clock’s when no authority timestamped the copy', () => {
    const blocks = sealProofBlocks(aSignedFacts({ timestamp: null, sentCopy: null }));
    expect(rowsOf(blocks)['Source de l’heure']).toMatch(/^horloge du serveur Lettrine \(aucune autorité/);
    expect(blocks.some((block) => block.type === 'paragraph')).toBe(false);
  });

  it('R-S15-TIME gives the authority’s time and name, and the token’s attachment, when it did', () => {
    const rows = rowsOf(
      sealProofBlocks(
        aSignedFacts({
          timestamp: {
            authority: 'Certigna TSA',
            at: '2026-11-29T10:05:03Z',
            fileName: 'LM-2026-0001-envoye.tst',
          },
        }),
      ),
    );
    expect(rows['Horodatage de l’exemplaire envoyé']).toBe(
      '29/11/2026 à 11:05:03 (heure de Paris), par l’autorité d’horodatage « Certigna TSA » (jeton RFC 3161 joint : LM-2026-0001-envoye.tst)',
    );
    expect(rows['Horodatage du sceau']).toContain('PAdES-B-T');
    expect(rows['Source de l’heure']).toBeUndefined();
  });

  it('R-S15-SOURCE names the sent PDF carried in the file, with its size in bytes', () => {
    const blocks = sealProofBlocks(
      aSignedFacts({ sentCopy: { fileName: 'LM-2026-0001-envoye.pdf', byteSize: 123456 } }),
    );
    expect(rowsOf(blocks)['Exemplaire envoyé, joint au présent fichier']).toBe(
      'LM-2026-0001-envoye.pdf (123\u202f456 octets, même empreinte SHA-256 que ci-dessus)',
    );
    expect(blocks[0]).toMatchObject({ type: 'paragraph', text: expect.stringContaining('octet pour octet') });
    expect(groupThousands(999)).toBe('999');
    expect(groupThousands(1234567)).toBe('1\u202f234\u202f567');
  });
});
