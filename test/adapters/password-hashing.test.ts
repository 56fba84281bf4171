import { describe, expect, it } from 'vitest';
import { isCommonPassword } from '../../src/adapters/security/password-blocklist.ts';
import { createSecrets } from '../../src/adapters/security/secrets.ts';

describe('the shipped list of common passwords', () => {
  it('knows the usual ones, French ones included, in any case', () => {
    for (const password of ['123456789', 'motdepasse', 'AZERTYUIOP', 'doudou', 'Marseille', 'qwertyuiop'])
      expect(isCommonPassword(password), password).toBe(true);
  });

  it('sees through digits and symbols around a common word', () => {
    for (const password of ['Soleil2024!', '!!azerty123', 'Chocolat 2026', 'password1234'])
      expect(isCommonPassword(password), password).toBe(true);
  });

  it('lets a passphrase through, and a short core (« abc1234567 ») that is not a word of the list', () => {
    for (const password of ['cheval-agrafe-pile-correct', 'une phrase à moi', 'xyz1234567890'])
      expect(isCommonPassword(password), password).toBe(false);
  });
});

describe('scrypt hashes', () => {
  const secrets = createSecrets({ cost: 1024 });

  it('verify in NFC, keep their parameters, and say when they need making again', async () => {
    const hash = await secrets.hashPassword('crème brûlée'.normalize('NFD'));
    expect(hash.startsWith('scrypt$1024$8$1$')).toBe(true);
    expect(await secrets.verifyPassword('crème brûlée'.normalize('NFC'), hash)).toBe(true);
    expect(await secrets.verifyPassword('creme brulee', hash)).toBe(false);
    expect(secrets.needsRehash(hash)).toBe(false);
    expect(secrets.needsRehash(await createSecrets({ cost: 512 }).hashPassword('x'))).toBe(true);
  });

  it('refuse what is not one of theirs, without running an absurd cost', async () => {
    for (const stored of [
      '',
      'bcrypt$2b$10$abc',
      'scrypt$x$8$1$c2Fs$aGFzaA==',
      `scrypt$${2 ** 24}$8$1$c2Fs$aGFzaA==`,
    ]) {
      expect(await secrets.verifyPassword('x', stored), stored).toBe(false);
      expect(secrets.needsRehash(stored)).toBe(true);
    }
  });
});
