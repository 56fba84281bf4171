import { describe, expect, it } from 'vitest';
import {
  describePdfChange,
  PDF_CHANGE_KINDS,
  type PdfChange,
  verificationVerdict,
} from '../../src/domain/signing/verification.ts';

const note: PdfChange = { kind: 'annotation_added', page: 2, subtype: 'Text' };

describe('the verdict of the public verification (issue 15, item 6)', () => {
  it('a valid seal and nothing appended: intact', () => {
    expect(verificationVerdict({ seal: { outcome: 'valid' }, knownCopy: 'sealed', changes: [] })).toBe(
      'intact',
    );
  });
  it('a valid seal under an appended annotation: changed afterwards', () => {
    expect(verificationVerdict({ seal: { outcome: 'valid' }, changes: [note] })).toBe('changed');
  });
  it.each(['digest_mismatch', 'bad_signature', 'malformed'] as const)(
    'a seal that does not verify (%s): damaged, even when the copy is known',
    (outcome) => {
      expect(verificationVerdict({ seal: { outcome }, knownCopy: 'sealed', changes: [] })).toBe('damaged');
    },
  );
  it('no Lettrine seal and bytes Lettrine never produced: unknown', () => {
    expect(verificationVerdict({ changes: [] })).toBe('unknown');
    expect(verificationVerdict({ knownCopy: 'sealed', changes: [] })).toBe('unknown');
  });
  it('the copy sent for signature, exactly: intact; with an update appended: changed', () => {
    expect(verificationVerdict({ knownCopy: 'frozen', changes: [] })).toBe('intact');
    expect(verificationVerdict({ knownCopy: 'frozen', changes: [note] })).toBe('changed');
  });
});

describe('what changed, said in French', () => {
  it('names the annotation and its page', () => {
    expect(describePdfChange(note)).toBe('Annotation ajoutée : une note (page 2).');
    expect(describePdfChange({ kind: 'annotation_changed', page: null, subtype: 'Bizarre' })).toBe(
      'Annotation modifiée : une annotation.',
    );
    expect(describePdfChange({ kind: 'annotation_added', page: 1, subtype: null })).toBe(
      'Annotation ajoutée : une annotation (page 1).',
    );
  });
  it('has one French sentence for every kind of change', () => {
    const sentences = PDF_CHANGE_KINDS.map((kind) => describePdfChange({ kind, page: 3, subtype: null }));
    expect(new Set(sentences).size).toBe(PDF_CHANGE_KINDS.length);
    for (const sentence of sentences) expect(sentence).toMatch(/^[A-ZÉ].*\.$/);
  });
});
