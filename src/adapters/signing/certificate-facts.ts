import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { CertificateFacts } from '../../domain/signing/seal-certificate.ts';

export const NAME_OID = {
  country: '2.5.4.6',
  organization: '2.5.4.10',
  commonName: '2.5.4.3',
  /** X.520 organizationIdentifier: « NTRFR-<SIREN> » for a French firm (ETSI EN 319 412-1). */
  organizationIdentifier: '2.5.4.97',
} as const;

const KEY_USAGE_OID = '2.5.29.15';

/** The short names a reader expects in a distinguished name; other attributes by their OID. */
const SHORT_NAMES: Record<string, string> = {
  [NAME_OID.country]: 'C',
  [NAME_OID.organization]: 'O',
  [NAME_OID.commonName]: 'CN',
  [NAME_OID.organizationIdentifier]: 'organizationIdentifier',
  '2.5.4.11': 'OU',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.5': 'serialNumber',
  '1.2.840.113549.1.9.1': 'E',
};

const attributeOf = (name: pkijs.RelativeDistinguishedNames, type: string): string | null => {
  const found = name.typesAndValues.find((tv) => tv.type === type);
  return found ? String(found.value.valueBlock.value) : null;
};

/** As people read a name (RFC 4514 order, the common name first), as the verification page shows it. */
const lineOf = (name: pkijs.RelativeDistinguishedNames): string =>
  name.typesAndValues
    .map((tv) => `${SHORT_NAMES[tv.type] ?? tv.type}=${String(tv.value.valueBlock.value)}`)
    .reverse()
    .join(', ');

/** RFC 5280 4.2.1.3: bit 0 digitalSignature, bit 1 nonRepudiation (contentCommitment). */
const keyUsageOf = (certificate: pkijs.Certificate): CertificateFacts['keyUsage'] => {
  const extension = certificate.extensions?.find((e) => e.extnID === KEY_USAGE_OID);
  if (!extension) return null;
  const bits = asn1js.fromBER(extension.extnValue.valueBlock.valueHexView).result as asn1js.BitString;
  const first = new Uint8Array(bits.valueBlock.valueHexView)[0] ?? 0;
  return { digitalSignature: (first & 0x80) !== 0, nonRepudiation: (first & 0x40) !== 0 };
};

export const commonNameOf = (certificate: pkijs.Certificate): string =>
  attributeOf(certificate.subject, NAME_OID.commonName) ?? '';

/** What a certificate says of itself: the seal's facts come from it, never from a copy beside it. */
export const describeCertificate = (certificateDer: Uint8Array): CertificateFacts => {
  const certificate = pkijs.Certificate.fromBER(new Uint8Array(certificateDer));
  const fingerprint = createHash('sha256').update(certificateDer).digest('hex').toUpperCase();
  return {
    subject: lineOf(certificate.subject),
    issuer: lineOf(certificate.issuer),
    commonName: commonNameOf(certificate),
    organizationIdentifier: attributeOf(certificate.subject, NAME_OID.organizationIdentifier),
    country: attributeOf(certificate.subject, NAME_OID.country),
    fingerprintSha256: fingerprint.match(/../g)!.join(':'),
    notBefore: certificate.notBefore.value,
    notAfter: certificate.notAfter.value,
    selfSigned: certificate.issuer.isEqual(certificate.subject),
    keyUsage: keyUsageOf(certificate),
  };
};
