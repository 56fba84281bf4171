import { describe, expect, it } from 'vitest';
import {
  assessImportedCertificate,
  type CertificateFacts,
  isSelfSignedSubjectCurrent,
  sealOrganizationIdentifier,
} from '../../src/domain/signing/seal-certificate.ts';

const aCertificate = (overrides: Partial<CertificateFacts> = {}): CertificateFacts => ({
  subject: 'C=FR, O=Cabinet Dupré, CN=Cabinet Dupré',
  issuer: 'C=FR, O=AC, CN=AC',
  commonName: 'Cabinet Dupré',
  organizationIdentifier: 'NTRFR-812345676',
  country: 'FR',
  fingerprintSha256: 'AA:BB',
  notBefore: new Date('2026-01-01T00:00:00Z'),
  notAfter: new Date('2028-01-01T00:00:00Z'),
  selfSigned: false,
  keyUsage: { digitalSignature: true, nonRepudiation: true },
  ...overrides,
});

const at = new Date('2026-11-29T09:00:00Z');

describe('the seal certificate (issue 15)', () => {
  it('names a French firm by « NTRFR- » and its SIREN (ETSI EN 319 412-1), nothing without a SIREN', () => {
    expect(sealOrganizationIdentifier('812 345 676')).toBe('NTRFR-812345676');
    expect(sealOrganizationIdentifier(null)).toBeNull();
  });

  it('a self-signed seal is current when it names the firm, FR and its SIREN; not before, nor after a change', () => {
    const firm = { name: 'Cabinet Dupré', siren: '812345676' };
    expect(isSelfSignedSubjectCurrent(aCertificate(), firm)).toBe(true);
    expect(isSelfSignedSubjectCurrent(aCertificate({ country: null }), firm)).toBe(false);
    expect(isSelfSignedSubjectCurrent(aCertificate({ organizationIdentifier: null }), firm)).toBe(false);
    expect(isSelfSignedSubjectCurrent(aCertificate(), { ...firm, name: 'Dupré Associés' })).toBe(false);
    expect(
      isSelfSignedSubjectCurrent(aCertificate({ organizationIdentifier: null }), { ...firm, siren: null }),
    ).toBe(true);
  });

  it('refuses an imported certificate not yet valid, or expired', () => {
    expect(assessImportedCertificate(aCertificate({ notBefore: new Date('2026-12-01') }), at)).toMatchObject({
      ok: false,
      error: { code: 'SEAL.CERTIFICATE_NOT_YET_VALID' },
    });
    expect(assessImportedCertificate(aCertificate({ notAfter: new Date('2026-11-01') }), at)).toMatchObject({
      ok: false,
      error: { code: 'SEAL.CERTIFICATE_EXPIRED' },
    });
  });

  it('keeps a certificate valid today, warning when it is not for signatures or issued by the firm itself', () => {
    expect(assessImportedCertificate(aCertificate(), at)).toEqual({ ok: true, value: [] });
    expect(assessImportedCertificate(aCertificate({ keyUsage: null }), at)).toEqual({ ok: true, value: [] });
    const encipherOnly = aCertificate({
      keyUsage: { digitalSignature: false, nonRepudiation: false },
      selfSigned: true,
    });
    expect(assessImportedCertificate(encipherOnly, at)).toEqual({
      ok: true,
      value: ['KEY_USAGE_MISSING', 'SELF_SIGNED'],
    });
  });
});
