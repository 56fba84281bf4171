import { ok, type Refusal, type Result, refuse } from '../shared/result.ts';

/** What a seal certificate says of itself, read by the seal adapter (the domain decodes no DER). */
export type CertificateFacts = {
  /** The subject as one line, common name first (RFC 4514): « CN=Cabinet Dupré, O=Cabinet Dupré, C=FR ». */
  subject: string;
  issuer: string;
  commonName: string;
  /** X.520 organizationIdentifier (2.5.4.97), « NTRFR-<SIREN> » for a French company; null when absent. */
  organizationIdentifier: string | null;
  country: string | null;
  /** SHA-256 of the certificate's DER, uppercase hex pairs joined by « : » (as browsers show it). */
  fingerprintSha256: string;
  notBefore: Date;
  notAfter: Date;
  selfSigned: boolean;
  /** The key usages the certificate names; null when it has no keyUsage extension (any use). */
  keyUsage: { digitalSignature: boolean; nonRepudiation: boolean } | null;
};

/** Where a firm's seal comes from: made by Lettrine, imported by an associé, or the install's PKCS#12. */
export type SealSource = 'self_signed' | 'imported' | 'installation';

/**
 * ETSI EN 319 412-1 § 5.1.4: a legal person's identifier is its national scheme « NTR », its country
 * and its registration number, so a French firm's is « NTRFR- » and its SIREN.
 */
export const sealOrganizationIdentifier = (siren: string | null): string | null =>
  siren ? `NTRFR-${siren.replace(/\s/g, '')}` : null;

/**
 * The subject a self-signed seal must carry for its firm: its name, the country, and the SIREN as
 * organisation identifier when the firm has one. A seal made before (or before the SIREN was given)
 * is made again, once.
 */
export const isSelfSignedSubjectCurrent = (
  facts: Pick<CertificateFacts, 'organizationIdentifier' | 'country' | 'commonName'>,
  firm: { name: string; siren: string | null },
): boolean =>
  facts.country === 'FR' &&
  facts.commonName === firm.name &&
  facts.organizationIdentifier === sealOrganizationIdentifier(firm.siren);

/** Why an imported certificate is accepted but said to be doubtful. */
export type SealCertificateWarning = 'KEY_USAGE_MISSING' | 'SELF_SIGNED';

/**
 * Issue 15, an imported seal: a certificate not valid today would make every seal fail to verify, so
 * it is refused; one whose key usages leave out both digitalSignature and nonRepudiation, or one that
 * is self-signed, is kept (the firm may have nothing better) with a warning the associé reads.
 */
export const assessImportedCertificate = (
  facts: CertificateFacts,
  at: Date,
): Result<SealCertificateWarning[], Refusal> => {
  if (at < facts.notBefore)
    return refuse('SEAL.CERTIFICATE_NOT_YET_VALID', { notBefore: facts.notBefore.toISOString() });
  if (at > facts.notAfter)
    return refuse('SEAL.CERTIFICATE_EXPIRED', { notAfter: facts.notAfter.toISOString() });
  const warnings: SealCertificateWarning[] = [];
  if (facts.keyUsage && !facts.keyUsage.digitalSignature && !facts.keyUsage.nonRepudiation)
    warnings.push('KEY_USAGE_MISSING');
  if (facts.selfSigned) warnings.push('SELF_SIGNED');
  return ok(warnings);
};
