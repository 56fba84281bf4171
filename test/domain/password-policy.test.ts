import { describe, expect, it } from 'vitest';
import { API_TOKEN_DAYS, tokenScopes } from '../../src/domain/firm/api-tokens.ts';
import { checkNewPassword } from '../../src/domain/firm/password-policy.ts';
import { passwordResetMail } from '../../src/domain/firm/password-reset-mail.ts';

const COMMON = new Set(['motdepasse', 'soleil']);
const check = (password: string, email = 'claire.fontaine@cabinet.fr') =>
  checkNewPassword(password, { email, field: 'newPassword', isCommon: (p) => COMMON.has(p.toLowerCase()) });

describe('a new password (issue 20, item 14)', () => {
  it('is accepted when it is neither common nor built on the e-mail', () => {
    expect(check('une phrase à moi')).toEqual({ ok: true, value: true });
  });

  it('is refused when the list says it is common, or when it is one character repeated', () => {
    expect(check('MotDePasse')).toEqual({
      ok: false,
      error: { code: 'USER.PASSWORD_TOO_COMMON', details: { field: 'newPassword' } },
    });
    expect(check('zzzzzzzzzzzz').ok).toBe(false);
  });

  it('is refused when it contains the e-mail’s local part, compared in NFC and lower case', () => {
    expect(check('2026-Claire.Fontaine!')).toEqual({
      ok: false,
      error: { code: 'USER.PASSWORD_CONTAINS_EMAIL', details: { field: 'newPassword' } },
    });
    const decomposed = 'éloïse.durand'.normalize('NFD');
    expect(check('ÉLOÏSE.DURAND-2026', `${decomposed}@cabinet.fr`).ok).toBe(false);
  });

  it('ignores a local part of one or two letters, found in too many good passwords', () => {
    expect(check('jdupont-ne-le-devinera-pas', 'jd@cabinet.fr').ok).toBe(true);
    expect(check('une phrase à moi', 'sans-arobase').ok).toBe(true);
  });
});

describe('API token scopes and lifetime (issue 20, item 15)', () => {
  it('always read, write with admin, in the catalogue’s order', () => {
    expect(tokenScopes([])).toEqual(['read']);
    expect(tokenScopes(['write'])).toEqual(['read', 'write']);
    expect(tokenScopes(['admin'])).toEqual(['read', 'write', 'admin']);
    expect(tokenScopes(['admin', 'read', 'admin'])).toEqual(['read', 'write', 'admin']);
  });

  it('90 days by default, a year at most', () => {
    expect(API_TOKEN_DAYS).toEqual({ default: 90, max: 365 });
  });
});

describe('the « Mot de passe oublié ? » mail', () => {
  const mail = passwordResetMail({
    firmName: 'Cabinet Dupré & Associés',
    userName: 'Claire <Dupré>',
    link: 'https://lettrine.test/mot-de-passe/nouveau#abc"def',
    validMinutes: 60,
  });

  it('gives the link, its hour, and what to do when one did not ask', () => {
    expect(mail.text).toContain('https://lettrine.test/mot-de-passe/nouveau#abc"def');
    expect(mail.text).toContain('60');
    expect(mail.text).toContain('ignorez ce message');
    expect(mail.text).toContain('Cabinet Dupré & Associés');
  });

  it('escapes what it writes in HTML', () => {
    expect(mail.html).toContain('Claire &lt;Dupré&gt;');
    expect(mail.html).toContain('href="https://lettrine.test/mot-de-passe/nouveau#abc&quot;def"');
    expect(mail.html).not.toContain('<Dupré>');
  });
});
