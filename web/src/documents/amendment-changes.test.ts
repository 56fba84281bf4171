import { describe, expect, it } from 'vitest';
import type { DocumentLine } from '../api/types.ts';
import { changesOf, changesReadable } from './amendment-changes.tsx';

const line = { id: 'l1', quantity: '1', unitPriceCents: 100000 } as DocumentLine;

describe('R-C2 an amendment’s changes to its letter’s lines', () => {
  it('R-C2 a modification carries only what differs, read the French way', () => {
    const draft = { edits: { l1: { quantity: '2', price: '1 250,50', removed: false } }, added: [] };
    expect(changesOf([line], draft)).toEqual([
      { op: 'modify', targetLineId: 'l1', quantity: '2', unitPriceCents: 125050 },
    ]);
    expect(changesReadable(draft)).toBe(true);
  });

  it('R-C2 an unreadable price or quantity is never sent, and the draft is not readable', () => {
    const draft = { edits: { l1: { quantity: '2', price: '12x', removed: false } }, added: [] };
    expect(changesOf([line], draft)).toEqual([{ op: 'modify', targetLineId: 'l1', quantity: '2' }]);
    expect(changesReadable(draft)).toBe(false);
    const tooBig = { edits: { l1: { quantity: '1,2345', price: '20 000 000', removed: false } }, added: [] };
    expect(changesOf([line], tooBig)).toEqual([]);
    expect(changesReadable(tooBig)).toBe(false);
  });

  it('R-C2 a removed line is removed whatever its fields hold', () => {
    const draft = { edits: { l1: { quantity: 'x', price: 'y', removed: true } }, added: [] };
    expect(changesOf([line], draft)).toEqual([{ op: 'remove', targetLineId: 'l1' }]);
    expect(changesReadable(draft)).toBe(true);
  });
});
