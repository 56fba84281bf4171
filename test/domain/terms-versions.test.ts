import { describe, expect, it } from 'vitest';
import { assertEffectiveFromFollows, nextTermsVersion } from '../../src/domain/firm/terms-versions.ts';

describe('R-D6 terms versions', () => {
  it('R-D6 numbers the first version 1 and each next one the previous plus one', () => {
    expect(nextTermsVersion(undefined)).toBe(1);
    expect(nextTermsVersion({ version: 4, effectiveFrom: '2026-01-01' })).toBe(5);
  });

  it('R-D6 accepts any date for the first version, and the same or a later date afterwards', () => {
    expect(assertEffectiveFromFollows(undefined, '2020-01-01')).toEqual({ ok: true, value: '2020-01-01' });
    const latest = { version: 2, effectiveFrom: '2026-06-01' };
    expect(assertEffectiveFromFollows(latest, '2026-06-01').ok).toBe(true);
    expect(assertEffectiveFromFollows(latest, '2027-01-01').ok).toBe(true);
  });

  it('R-D6 refuses a version taking effect before the previous one', () => {
    expect(assertEffectiveFromFollows({ version: 2, effectiveFrom: '2026-06-01' }, '2026-05-31')).toEqual({
      ok: false,
      error: {
        code: 'TERMS.EFFECTIVE_DATE_BEFORE_PREVIOUS',
        details: { effectiveFrom: '2026-05-31', previousVersion: 2, previousEffectiveFrom: '2026-06-01' },
      },
    });
  });
});
