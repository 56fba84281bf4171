import { describe, expect, it } from 'vitest';
import type { Member } from '../../src/domain/firm/associes.ts';
import {
  assertMaySignForFirm,
  defaultCapacity,
  documentSignatory,
  signatoryCapacity,
} from '../../src/domain/firm/signatory.ts';

/** Issue 14, item 7: the firm's signatory, chosen per document, in a capacity agreed with them. */

const members: Member[] = [
  { id: 'claire', role: 'associe', isActive: true },
  { id: 'marc', role: 'associe', isActive: true },
  { id: 'ines', role: 'collaborateur', isActive: true },
  { id: 'old', role: 'associe', isActive: false },
];

describe('the capacity a user signs in', () => {
  it('agrees with the form of address: experte-comptable associée, expert-comptable associé', () => {
    expect(defaultCapacity('associe', 'madame')).toBe('Experte-comptable associée');
    expect(defaultCapacity('associe', 'monsieur')).toBe('Expert-comptable associé');
    expect(defaultCapacity('associe', null)).toBe('Expert-comptable associé');
    expect(defaultCapacity('collaborateur', 'madame')).toBe('Collaboratrice du cabinet');
  });

  it('is the one typed when there is one, else the default', () => {
    expect(signatoryCapacity({ role: 'associe', formOfAddress: 'madame', signatoryCapacity: null })).toBe(
      'Experte-comptable associée',
    );
    expect(
      signatoryCapacity({ role: 'associe', signatoryCapacity: '  Commissaire aux comptes associée ' }),
    ).toBe('Commissaire aux comptes associée');
    expect(signatoryCapacity({ role: 'associe', signatoryCapacity: '   ' })).toBe('Expert-comptable associé');
  });
});

describe('who signs a document for the firm', () => {
  it('is the associé chosen on the document', () => {
    expect(documentSignatory(members, { chosenId: 'marc', responsibleUserId: 'claire' })?.id).toBe('marc');
  });

  it('falls back on R-B3 (the responsible associé, else the first) when none is chosen or the chosen one left', () => {
    expect(documentSignatory(members, { chosenId: null, responsibleUserId: 'marc' })?.id).toBe('marc');
    expect(documentSignatory(members, { chosenId: 'old', responsibleUserId: null })?.id).toBe('claire');
    expect(documentSignatory(members, { chosenId: 'ines', responsibleUserId: 'ines' })?.id).toBe('claire');
  });

  it('may be chosen only among the active associés', () => {
    expect(assertMaySignForFirm(members, 'marc')).toEqual({ ok: true, value: true });
    for (const id of ['ines', 'old', 'nobody'])
      expect(assertMaySignForFirm(members, id)).toEqual({
        ok: false,
        error: { code: 'DOCUMENT.FIRM_SIGNATORY_NOT_ASSOCIE', details: { userId: id } },
      });
  });
});
