import { describe, expect, it } from 'vitest';
import type { FrozenDocument } from '../../src/domain/documents/document.ts';
import type { DocumentKind } from '../../src/domain/documents/kinds.ts';
import type { DocumentStatus } from '../../src/domain/documents/lifecycle.ts';
import {
  decideSignature,
  postedByRegisteredMail,
  REQUIRED_SIGNATURES,
  requiredSignaturesOf,
  type SignatureSide,
} from '../../src/domain/documents/signatures.ts';

type SignatureInput = Parameters<typeof decideSignature>[0];

const aSignature = (overrides: Partial<SignatureInput> = {}): SignatureInput => ({
  kind: 'engagement_letter',
  status: 'sent',
  alreadySigned: [],
  side: 'client',
  signerIsAssocie: false,
  signingDeadline: new Date('2026-12-29T09:00:00Z'),
  now: new Date('2026-11-29T09:00:00Z'),
  ...overrides,
});

describe('R-B3 required signatures', () => {
  it('R-B3 a proposal and a work order need the client; letters and amendments need both sides', () => {
    expect(REQUIRED_SIGNATURES).toEqual({
      proposal: ['client'],
      work_order: ['client'],
      engagement_letter: ['client', 'firm'],
      amendment: ['client', 'firm'],
      replacement_letter: ['client', 'firm'],
      termination_letter: ['client', 'firm'],
    });
  });

  it.each<DocumentKind>(['proposal', 'work_order'])('R-B3 the client’s signature completes a %s', (kind) => {
    expect(decideSignature(aSignature({ kind }))).toEqual({
      ok: true,
      value: { completesDocument: true, missingSides: [] },
    });
  });

  it.each<DocumentKind>(['engagement_letter', 'amendment', 'replacement_letter'])(
    'R-B3 a %s is signed only once the client and an associé have both signed',
    (kind) => {
      expect(decideSignature(aSignature({ kind }))).toEqual({
        ok: true,
        value: { completesDocument: false, missingSides: ['firm'] },
      });
      expect(
        decideSignature(aSignature({ kind, alreadySigned: ['client'], side: 'firm', signerIsAssocie: true })),
      ).toEqual({ ok: true, value: { completesDocument: true, missingSides: [] } });
    },
  );

  it('R-B3 the firm may sign first; the client then completes the letter', () => {
    const first = decideSignature(aSignature({ side: 'firm', signerIsAssocie: true }));
    expect(first).toEqual({ ok: true, value: { completesDocument: false, missingSides: ['client'] } });
    const second = decideSignature(aSignature({ alreadySigned: ['firm'], side: 'client' }));
    expect(second.ok && second.value.completesDocument).toBe(true);
  });
});

describe('R-B3 refused signatures', () => {
  it('R-B3 only an associé signs for the firm', () => {
    const result = decideSignature(aSignature({ side: 'firm', signerIsAssocie: false }));
    expect(result).toEqual({ ok: false, error: { code: 'DOCUMENT.FIRM_SIGNATORY_NOT_ASSOCIE' } });
  });

  it.each<DocumentKind>(['proposal', 'work_order'])('R-B3 a %s takes no firm signature', (kind) => {
    const result = decideSignature(aSignature({ kind, side: 'firm', signerIsAssocie: true }));
    expect(result).toEqual({
      ok: false,
      error: { code: 'DOCUMENT.SIGNATURE_NOT_REQUIRED', details: { side: 'firm' } },
    });
  });

  it.each<SignatureSide>(['client', 'firm'])('R-B3 the %s side signs only once', (side) => {
    const result = decideSignature(aSignature({ side, alreadySigned: [side], signerIsAssocie: true }));
    expect(result).toEqual({
      ok: false,
      error: { code: 'DOCUMENT.SIGNATURE_ALREADY_RECORDED', details: { side } },
    });
  });

  it.each<DocumentStatus>(['draft', 'signed', 'refused', 'expired', 'cancelled', 'replaced'])(
    'R-B3 a document in %s cannot be signed',
    (status) => {
      expect(decideSignature(aSignature({ status }))).toEqual({
        ok: false,
        error: { code: 'DOCUMENT.TRANSITION_NOT_ALLOWED', details: { status, action: 'sign' } },
      });
    },
  );
});

describe('DOMAIN.md B a document past its signing deadline is not signed', () => {
  const deadline = new Date('2026-12-29T09:00:00Z');

  it('refuses a signature after the deadline, before the sweep has expired the document', () => {
    expect(
      decideSignature(aSignature({ signingDeadline: deadline, now: new Date('2026-12-29T09:00:01Z') })),
    ).toEqual({
      ok: false,
      error: { code: 'DOCUMENT.SIGNING_DEADLINE_PASSED', details: { deadline: '2026-12-29T09:00:00.000Z' } },
    });
  });

  it('accepts a signature at the deadline itself, and any for a document sent before deadlines existed', () => {
    expect(decideSignature(aSignature({ signingDeadline: deadline, now: deadline })).ok).toBe(true);
    expect(
      decideSignature(aSignature({ signingDeadline: null, now: new Date('2030-01-01T00:00:00Z') })).ok,
    ).toBe(true);
  });
});

describe('R-G1 a letter of termination posted as a registered letter', () => {
  const posted = {
    frozenAt: '2027-02-10T09:00:00.000Z',
    lines: [],
    totals: { htCents: 0, vatCents: 0, ttcCents: 0 },
    termsVersionId: null,
    facts: { termination: { registeredMail: { number: '1A 123', sentOn: '2027-02-10' } } },
  } as unknown as FrozenDocument;

  it('R-G1 needs no signature once posted: its receipt is the proof', () => {
    expect(postedByRegisteredMail({ frozen: posted })).toBe(true);
    expect(postedByRegisteredMail({ frozen: null })).toBe(false);
    expect(requiredSignaturesOf({ kind: 'termination_letter', frozen: posted })).toEqual([]);
    expect(requiredSignaturesOf({ kind: 'termination_letter', frozen: null })).toEqual(['client', 'firm']);
  });

  it.each<SignatureSide>(['client', 'firm'])('R-G1 the %s side is not asked to sign it', (side) => {
    expect(
      decideSignature(
        aSignature({
          kind: 'termination_letter',
          frozen: posted,
          side,
          signerIsAssocie: true,
          signingDeadline: null,
        }),
      ),
    ).toMatchObject({ ok: false, error: { code: 'DOCUMENT.SIGNATURE_NOT_REQUIRED' } });
  });
});
