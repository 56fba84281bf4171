import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { commonNameOf, describeCertificate, NAME_OID } from './certificate-facts.ts';
import { openPkcs12, Pkcs12Error, type Pkcs12FailureReason } from './pkcs12.ts';

/**
 * The firm's seal: an RSA key (PKCS#8) and its X.509 certificate, both DER. Bytes rather than
 * CryptoKey objects so an identity can be stored, passed between processes and compared; the
 * signer imports the key once when it needs it.
 */
export type SealIdentity = {
  privateKeyPkcs8: Uint8Array;
  certificateDer: Uint8Array;
  commonName: string;
  notAfter: Date;
  /** The CA certificates above the seal's, DER, its issuer first (from a bought .p12); none when self-signed. */
  chainDer?: Uint8Array[];
};

/** The one signature scheme of the seal: what PAdES validators expect of an RSA key today. */
export const SEAL_KEY_ALGORITHM = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;

const OID = {
  keyUsage: '2.5.29.15',
  basicConstraints: '2.5.29.19',
} as const;

/** pkijs's engine over Node's WebCrypto (globalThis.crypto), passed explicitly so nothing relies on a global setEngine. */
const engine = (): pkijs.ICryptoEngine => pkijs.getCrypto(true);

/** Who a self-signed seal names: the firm, its country, and its SIREN as organisation identifier. */
export type SelfSignedSubject = {
  commonName: string;
  organization?: string;
  /** « NTRFR-<SIREN> » (ETSI EN 319 412-1), when the firm has a SIREN. */
  organizationIdentifier?: string;
  /** ISO 3166 code, « FR ». */
  country?: string;
};

/**
 * UTF8String, not PrintableString: "Cabinet Dupré & Associés" has characters PrintableString lacks
 * (the country is a PrintableString, as X.520 requires). One RDN per attribute (C, O,
 * organizationIdentifier, then CN, as X.500 orders them): pkijs would put them all in one
 * multi-valued RDN ("CN=…+O=…"); decoded from our DER, it keeps and re-emits that DER.
 */
const name = (subject: SelfSignedSubject): pkijs.RelativeDistinguishedNames => {
  const rdn = (type: string, value: pkijs.AttributeValueType) =>
    new asn1js.Set({ value: [new pkijs.AttributeTypeAndValue({ type, value }).toSchema()] });
  const utf8 = (value: string) => new asn1js.Utf8String({ value });
  const rdns: asn1js.Set[] = [];
  if (subject.country)
    rdns.push(rdn(NAME_OID.country, new asn1js.PrintableString({ value: subject.country })));
  if (subject.organization) rdns.push(rdn(NAME_OID.organization, utf8(subject.organization)));
  if (subject.organizationIdentifier)
    rdns.push(rdn(NAME_OID.organizationIdentifier, utf8(subject.organizationIdentifier)));
  rdns.push(rdn(NAME_OID.commonName, utf8(subject.commonName)));
  return pkijs.RelativeDistinguishedNames.fromBER(new asn1js.Sequence({ value: rdns }).toBER(false));
};

/** RFC 5280 4.1.2.5: UTCTime up to 2049, GeneralizedTime from 2050 on. */
const time = (value: Date): pkijs.Time =>
  new pkijs.Time({ type: value.getUTCFullYear() < 2050 ? 0 : 1, value });

/** A serial must be positive (RFC 5280): first byte 0x01-0x7F, so no sign bit and no leading zero. */
const randomSerial = (): asn1js.Integer => {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  bytes[0] = (bytes[0]! & 0x7f) | 0x01;
  return new asn1js.Integer({ valueHex: bytes });
};

/** The seal's name and expiry, as the certificate itself says them (all its facts: certificate-facts.ts). */
export const certificateFacts = (certificateDer: Uint8Array): { commonName: string; notAfter: Date } => {
  const { commonName, notAfter } = describeCertificate(certificateDer);
  return { commonName, notAfter };
};

// toSchema() without its flag re-emits the signed TBS bytes as they are, whoever encoded them.
const identityOf = (privateKeyPkcs8: Uint8Array, certificate: pkijs.Certificate): SealIdentity => ({
  privateKeyPkcs8,
  certificateDer: new Uint8Array(certificate.toSchema().toBER(false)),
  commonName: commonNameOf(certificate),
  notAfter: certificate.notAfter.value,
});

/**
 * A self-signed seal for a firm that has not imported a certificate issued for it (and for tests):
 * the PDF still proves it was not changed since sealing, but readers say the issuer is not trusted.
 */
export const createSelfSignedIdentity = async (
  input: SelfSignedSubject & { at: Date; years?: number },
): Promise<SealIdentity> => {
  const keys = await globalThis.crypto.subtle.generateKey(
    { ...SEAL_KEY_ALGORITHM, modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) },
    true,
    ['sign', 'verify'],
  );
  const certificate = new pkijs.Certificate();
  certificate.version = 2;
  certificate.serialNumber = randomSerial();
  certificate.subject = name(input);
  certificate.issuer = name(input);
  certificate.notBefore = time(input.at);
  const notAfter = new Date(input.at);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + (input.years ?? 10));
  certificate.notAfter = time(notAfter);
  // digitalSignature (bit 0) + nonRepudiation (bit 1): a seal signs documents, nothing else.
  const keyUsage = new asn1js.BitString({ valueHex: new Uint8Array([0xc0]), unusedBits: 6 });
  certificate.extensions = [
    new pkijs.Extension({ extnID: OID.keyUsage, critical: true, extnValue: keyUsage.toBER(false) }),
    new pkijs.Extension({
      extnID: OID.basicConstraints,
      critical: true,
      extnValue: new pkijs.BasicConstraints({ cA: false }).toSchema().toBER(false),
    }),
  ];
  await certificate.subjectPublicKeyInfo.importKey(keys.publicKey, engine());
  await certificate.sign(keys.privateKey, 'SHA-256', engine());
  const pkcs8 = await globalThis.crypto.subtle.exportKey('pkcs8', keys.privateKey);
  return identityOf(new Uint8Array(pkcs8), certificate);
};

/**
 * Reads the .p12/.pfx exported by `openssl pkcs12 -export` (see pkcs12.ts): the seal's key and
 * certificate, and the CA certificates that came with it, which every seal then carries.
 */
export const readPkcs12 = async (bytes: Uint8Array, password: string): Promise<SealIdentity> => {
  const { privateKeyPkcs8, certificate, chain } = await openPkcs12(bytes, password);
  return {
    ...identityOf(privateKeyPkcs8, certificate),
    chainDer: chain.map((c) => new Uint8Array(c.toSchema().toBER(false))),
  };
};

/** The PdfSealer port's import: a PKCS#12's failure is a reason, any other error a bug. */
export const openFirmPkcs12 = async (
  bytes: Uint8Array,
  password: string,
): Promise<{ ok: true; identity: SealIdentity } | { ok: false; reason: Pkcs12FailureReason }> => {
  try {
    return { ok: true, identity: await readPkcs12(bytes, password) };
  } catch (error) {
    if (error instanceof Pkcs12Error) return { ok: false, reason: error.reason };
    throw error;
  }
};
