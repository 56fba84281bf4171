import { describe, expect, it } from 'vitest';
import { frenchSpaces } from './typography.ts';

describe('frenchSpaces', () => {
  it('binds « : ; ! ? » and the guillemets to their word', () => {
    expect(frenchSpaces('Trois étapes : votre accord ; « un code » ! Prêt ?')).toBe(
      'Trois étapes\u00a0: votre accord\u202f; «\u00a0un code\u00a0»\u202f! Prêt\u202f?',
    );
  });

  it('leaves what has no space before its sign alone', () => {
    expect(frenchSpaces('https://exemple.fr/signer 10:30')).toBe('https://exemple.fr/signer 10:30');
  });
});
