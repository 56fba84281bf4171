import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/domain/documents/content/blocks.ts';
import { documentContent, textOfContent } from '../../src/domain/documents/content/document-content.ts';
import { termsBodyBlocks } from '../../src/domain/documents/content/terms-annex.ts';
import { formatOrdinal } from '../../src/domain/documents/content/wording.ts';
import { DOCUMENT_KINDS } from '../../src/domain/documents/kinds.ts';
import { aDocumentFacts } from '../builders/document-facts.ts';

/** Issue 14, item 13: the typography and idioms of the documents, read as a French reader would. */

const wordsOf = (kind: (typeof DOCUMENT_KINDS)[number]): string[] =>
  textOfContent(documentContent(aDocumentFacts({ kind }))).map((text) =>
    text.replace(/[\u00a0\u202f]/g, ' '),
  );

const count = (texts: readonly string[], needle: string): number =>
  texts.filter((text) => text.includes(needle)).length;

describe('the typography of every document', () => {
  it.each(DOCUMENT_KINDS)('a %s prints the firm’s identity once, at the top of page one', (kind) => {
    const words = wordsOf(kind);
    expect(count(words, '24 rue de la République, 69002 Lyon')).toBe(1);
    expect(count(words, 'RCS Lyon 812 345 676')).toBe(1);
    expect(count(words, 'Responsabilité civile professionnelle : MMA IARD')).toBe(1);
    // The parties still name the firm, its form and who represents it.
    expect(words).toContain('Cabinet Dupré & Associés, SAS d’expertise comptable');
  });

  it.each(DOCUMENT_KINDS)('a %s groups the SIREN by three, and the firm’s typed RCS number too', (kind) => {
    const facts = aDocumentFacts({ kind, firm: { ...aDocumentFacts().firm, rcs: 'Lyon 812345676' } });
    const words = textOfContent(documentContent(facts)).map((text) => text.replace(/[\u00a0\u202f]/g, ' '));
    expect(words.join('\n')).toContain('SIREN 442 135 877');
    expect(words.join('\n')).toContain('RCS Lyon 812 345 676');
    expect(words.join('\n')).not.toMatch(/\b\d{9}\b/);
  });

  it.each(DOCUMENT_KINDS)(
    'a %s speaks of « le client » and « le cabinet », never « vous » or « nous »',
    (kind) => {
      expect(wordsOf(kind).join('\n')).not.toMatch(/\b(vous|votre|vos|nous|notre|nos)\b/i);
    },
  );

  it('no capital after a colon inside a sentence: the limits of a mission are a run-in heading', () => {
    const content = documentContent(aDocumentFacts());
    const limits = content.blocks.find(
      (block): block is Extract<Block, { type: 'paragraph' }> =>
        block.type === 'paragraph' && block.lead === 'Ce que la mission n’est pas.',
    );
    expect(limits?.text).toBe('Cette mission n’est ni un audit ni un examen limité des comptes.');
    expect(wordsOf('engagement_letter').join('\n')).not.toContain('n’est pas : Cette');
  });

  it('writes ordinals as French does: 1er, 1re, 3ᵉ', () => {
    expect([formatOrdinal(1), formatOrdinal(1, 'feminine'), formatOrdinal(3), formatOrdinal(12)]).toEqual([
      '1er',
      '1re',
      '3ᵉ',
      '12ᵉ',
    ]);
  });
});

describe('the conditions générales annexed', () => {
  it('makes each numbered title a heading (printed in bold) and keeps its text below it', () => {
    const blocks = termsBodyBlocks(
      '1. Objet\nLes présentes conditions s’appliquent.\n\n4. Honoraires et conditions de paiement\nLes honoraires sont fixés.\n\nUn paragraphe sans titre.',
    );
    expect(blocks).toEqual([
      { type: 'heading', level: 3, text: '1. Objet' },
      { type: 'paragraph', text: 'Les présentes conditions s’appliquent.', tone: 'small' },
      { type: 'heading', level: 3, text: '4. Honoraires et conditions de paiement' },
      { type: 'paragraph', text: 'Les honoraires sont fixés.', tone: 'small' },
      { type: 'paragraph', text: 'Un paragraphe sans titre.', tone: 'small' },
    ]);
  });

  it('keeps « Article 3 — Honoraires. » as a bold run-in heading of its paragraph', () => {
    expect(termsBodyBlocks('Article 3 — Honoraires. Les honoraires sont révisables.')).toEqual([
      {
        type: 'paragraph',
        lead: 'Article 3 — Honoraires.',
        text: 'Les honoraires sont révisables.',
        tone: 'small',
      },
    ]);
  });

  it('does not take a numbered sentence for a title', () => {
    expect(termsBodyBlocks('2 exemplaires sont remis au client.\nIls sont signés.')).toEqual([
      { type: 'paragraph', text: '2 exemplaires sont remis au client.\nIls sont signés.', tone: 'small' },
    ]);
  });
});
