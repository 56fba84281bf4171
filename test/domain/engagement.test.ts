import { describe, expect, it } from 'vitest';
import { DOCUMENT_KINDS, type DocumentKind } from '../../src/domain/documents/kinds.ts';
import {
  ALLOWED_DOCUMENT_KINDS,
  assertDocumentKindAllowed,
  type ConversionOrigin,
  decideConversion,
  ENGAGEMENT_STATES,
  formatClientCode,
} from '../../src/domain/engagements/engagement.ts';

const letterSigned: ConversionOrigin = { type: 'letter_signed', documentId: 'lm-1' };
const manual: ConversionOrigin = { type: 'manual', reason: 'Lettre signée sur papier' };

describe('engagement state', () => {
  it('R-A1 an engagement is a prospect or a client', () => {
    expect(ENGAGEMENT_STATES).toEqual(['prospect', 'client']);
  });

  it.each<DocumentKind>(['proposal', 'engagement_letter'])('R-A2 a prospect may hold a %s', (kind) => {
    expect(assertDocumentKindAllowed('prospect', kind)).toEqual({ ok: true, value: true });
  });

  it.each<DocumentKind>(['amendment', 'replacement_letter', 'work_order'])(
    'R-A2 refuses a %s on a prospect',
    (kind) => {
      expect(assertDocumentKindAllowed('prospect', kind)).toEqual({
        ok: false,
        error: {
          code: 'ENGAGEMENT.DOCUMENT_KIND_NOT_ALLOWED',
          details: { state: 'prospect', kind, allowed: ['proposal', 'engagement_letter'] },
        },
      });
    },
  );

  it('R-C2 refuses an amendment on a prospect: amendments are for clients only', () => {
    expect(assertDocumentKindAllowed('prospect', 'amendment').ok).toBe(false);
    expect(assertDocumentKindAllowed('client', 'amendment').ok).toBe(true);
  });

  const FIVE_KINDS = DOCUMENT_KINDS.filter((kind) => kind !== 'termination_letter');

  it.each(FIVE_KINDS)('R-A3 a client may hold a %s', (kind) => {
    expect(assertDocumentKindAllowed('client', kind).ok).toBe(true);
  });

  it('R-A3 a client holds all five kinds', () => {
    expect([...ALLOWED_DOCUMENT_KINDS.client].sort()).toEqual([...FIVE_KINDS].sort());
  });

  it('R-G1 a letter of termination is created with its termination, never by hand', () => {
    expect(assertDocumentKindAllowed('client', 'termination_letter').ok).toBe(false);
    expect(assertDocumentKindAllowed('prospect', 'termination_letter').ok).toBe(false);
  });
});

describe('conversion to client', () => {
  it('R-A4 a signed letter turns a prospect client', () => {
    expect(decideConversion({ state: 'prospect' }, letterSigned)).toEqual({ ok: true, value: 'convert' });
  });

  it('R-A6 a later signed letter changes nothing on a client', () => {
    expect(decideConversion({ state: 'client' }, letterSigned)).toEqual({ ok: true, value: 'unchanged' });
  });

  it('R-A7 a user converts a prospect by hand, with a reason', () => {
    expect(decideConversion({ state: 'prospect' }, manual)).toEqual({ ok: true, value: 'convert' });
  });

  it('R-A7 refuses converting a client by hand', () => {
    expect(decideConversion({ state: 'client' }, manual)).toEqual({
      ok: false,
      error: { code: 'ENGAGEMENT.ALREADY_CLIENT' },
    });
  });

  it('R-A7 there is no way back: no origin ever leads a client back to prospect', () => {
    for (const origin of [letterSigned, manual]) {
      const result = decideConversion({ state: 'client' }, origin);
      expect(result.ok ? result.value : result.error.code).not.toBe('convert');
    }
  });

  it('R-A4 formats the client code from the firm prefix and a five-digit sequence', () => {
    expect(formatClientCode('DUP', 42)).toBe('DUP00042');
    expect(formatClientCode('DUP', 123456)).toBe('DUP123456');
  });
});
