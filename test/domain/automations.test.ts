import { describe, expect, it } from 'vitest';
import { automationsAfterSignature } from '../../src/domain/documents/automations.ts';
import type { EngagementState } from '../../src/domain/engagements/engagement.ts';

describe('automationsAfterSignature', () => {
  it.each<EngagementState>(['prospect', 'client'])(
    'R-B2 a signed proposal creates the draft engagement letter (%s)',
    (engagementState) => {
      expect(automationsAfterSignature({ kind: 'proposal', engagementState })).toEqual([
        { type: 'create_letter_from_proposal' },
      ]);
    },
  );

  it('R-A4 the first signed engagement letter of a prospect converts it to a client', () => {
    expect(automationsAfterSignature({ kind: 'engagement_letter', engagementState: 'prospect' })).toEqual([
      { type: 'convert_engagement' },
    ]);
  });

  it('R-A5 a signed proposal alone does not convert a prospect', () => {
    const automations = automationsAfterSignature({ kind: 'proposal', engagementState: 'prospect' });
    expect(automations).not.toContainEqual({ type: 'convert_engagement' });
  });

  it('R-A6 a letter signed on a client engagement sets nothing off', () => {
    expect(automationsAfterSignature({ kind: 'engagement_letter', engagementState: 'client' })).toEqual([]);
  });

  it('R-D1 a signed replacement letter retires the letters it replaces', () => {
    expect(automationsAfterSignature({ kind: 'replacement_letter', engagementState: 'client' })).toEqual([
      { type: 'replace_letters' },
    ]);
  });

  it.each(['amendment', 'work_order'] as const)('R-C4 a signed %s sets nothing off', (kind) => {
    expect(automationsAfterSignature({ kind, engagementState: 'client' })).toEqual([]);
  });
});
