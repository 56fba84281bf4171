import { describe, expect, it } from 'vitest';
import { assertKeepsActiveAssocie, type Member } from '../../src/domain/firm/associes.ts';

const aMember = (overrides: Partial<Member> = {}): Member => ({
  id: 'u-1',
  role: 'associe',
  isActive: true,
  ...overrides,
});

describe('the firm keeps an active associé', () => {
  const alone = [aMember(), aMember({ id: 'u-2', role: 'collaborateur' })];

  it('refuses to demote the last active associé', () => {
    expect(assertKeepsActiveAssocie(alone, aMember({ role: 'lecture' }))).toEqual({
      ok: false,
      error: { code: 'USER.LAST_ASSOCIE', details: { userId: 'u-1' } },
    });
  });

  it('refuses to deactivate the last active associé', () => {
    expect(assertKeepsActiveAssocie(alone, aMember({ isActive: false })).ok).toBe(false);
  });

  it('does not count an inactive associé', () => {
    const members = [...alone, aMember({ id: 'u-3', isActive: false })];
    expect(assertKeepsActiveAssocie(members, aMember({ role: 'collaborateur' })).ok).toBe(false);
  });

  it('lets an associé step down when another one is active', () => {
    const members = [...alone, aMember({ id: 'u-3' })];
    expect(assertKeepsActiveAssocie(members, aMember({ role: 'collaborateur' }))).toEqual({
      ok: true,
      value: true,
    });
  });

  it('accepts any change of a user who is not an associé', () => {
    expect(assertKeepsActiveAssocie(alone, aMember({ id: 'u-2', role: 'lecture', isActive: false })).ok).toBe(
      true,
    );
  });
});
