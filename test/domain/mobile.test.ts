import { describe, expect, it } from 'vitest';
import { maskMobile, normaliseMobile, signatureCodeSms } from '../../src/domain/signing/mobile.ts';

describe('the signer’s mobile number (issue 15, code by SMS)', () => {
  it('keeps a French mobile in E.164 however it is typed', () => {
    for (const typed of [
      '06 12 34 56 42',
      '06.12.34.56.42',
      '+33 6 12 34 56 42',
      '0033612345642',
      '+33 (0)6 12 34 56 42',
    ])
      expect(normaliseMobile(typed), typed).toBe('+33612345642');
    expect(normaliseMobile('07 00 00 00 01')).toBe('+33700000001');
  });

  it('refuses a French landline, a short number and letters; takes a foreign number as given', () => {
    expect(normaliseMobile('04 78 42 17 30')).toBeNull();
    expect(normaliseMobile('+33478421730')).toBeNull();
    expect(normaliseMobile('06 12 34')).toBeNull();
    expect(normaliseMobile('mobile')).toBeNull();
    expect(normaliseMobile('+32 470 12 34 56')).toBe('+32470123456');
  });

  it('shows the signer only the start and the last two digits', () => {
    expect(maskMobile('+33612345642')).toBe('06 •• •• •• 42');
    expect(maskMobile('+32470123456')).toBe('+32 ••• •• 56');
  });
});

describe('the SMS carrying the signing code', () => {
  it('says the code first, the document and the firm, in one SMS even for a long firm name', () => {
    const sms = signatureCodeSms({
      firmName: 'Cabinet Dupré & Associés, expertise comptable et commissariat aux comptes',
      document: { kindLabel: 'Lettre de mission', number: 'LM-2026-0001' },
      code: '123456',
      validMinutes: 10,
    });
    expect(sms).toMatch(
      /^123456 est votre code de signature \(Lettre de mission LM-2026-0001, Cabinet Dupré/,
    );
    expect(sms).toContain('…). Valable 10 min.');
    expect(sms.length).toBeLessThanOrEqual(160);
    expect(
      signatureCodeSms({
        firmName: 'Cabinet Martin',
        document: { kindLabel: 'Offre', number: 'OS-1' },
        code: '1',
        validMinutes: 5,
      }),
    ).toContain('Cabinet Martin). Valable 5 min.');
  });
});
