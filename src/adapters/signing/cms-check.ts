import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { PdfSignatureCheck, SignerCertificate } from '../../application/ports/index.ts';

const OID = {
  signedData: '1.2.840.113549.1.7.2',
  messageDigest: '1.2.840.113549.1.9.4',
  signatureTimeStampToken: '1.2.840.113549.1.9.16.2.14',
  rsaEncryption: '1.2.840.113549.1.1.1',
} as const;

const NAMES: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.97': 'organizationIdentifier',
  '2.5.4.5': 'serialNumber',
  '1.2.840.113549.1.9.1': 'E',
};

const engine = () => pkijs.getCrypto(true);

const attributeOf = (certificate: pkijs.Certificate, oid: string): string | null => {
  const entry = certificate.subject.typesAndValues.find((tv) => tv.type === oid);
  return entry ? String(entry.value.valueBlock.value) : null;
};

/** The subject as people read it (RFC 4514 order: the common name first). */
export const certificateOf = (certificate: pkijs.Certificate): SignerCertificate => {
  const der = new Uint8Array(certificate.toSchema().toBER(false));
  return {
    subject: certificate.subject.typesAndValues
      .map((tv) => `${NAMES[tv.type] ?? tv.type}=${String(tv.value.valueBlock.value)}`)
      .reverse()
      .join(', '),
    commonName: attributeOf(certificate, '2.5.4.3'),
    organization: attributeOf(certificate, '2.5.4.10'),
    sha256Fingerprint: createHash('sha256').update(der).digest('hex'),
  };
};

/** The CMS SignedData in /Contents; the zeros padding the placeholder are not part of it. */
const signedDataOf = (cms: Uint8Array): pkijs.SignedData | undefined => {
  const parsed = asn1js.fromBER(new Uint8Array(cms));
  if (parsed.offset === -1) return undefined;
  const info = new pkijs.ContentInfo({ schema: parsed.result });
  return info.contentType === OID.signedData ? new pkijs.SignedData({ schema: info.content }) : undefined;
};

/** The signer's certificate among those the CMS carries, by issuer and serial (else the first). */
const signerCertificateOf = (signedData: pkijs.SignedData): pkijs.Certificate | undefined => {
  const certificates = (signedData.certificates ?? []).filter(
    (c): c is pkijs.Certificate => c instanceof pkijs.Certificate,
  );
  const sid = signedData.signerInfos[0]?.sid;
  const named =
    sid instanceof pkijs.IssuerAndSerialNumber
      ? certificates.find((c) => c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber))
      : undefined;
  return named ?? certificates[0];
};

const hashName = (signerInfo: pkijs.SignerInfo): string =>
  engine().getAlgorithmByOID<Algorithm>(signerInfo.digestAlgorithm.algorithmId, true).name;

/** The signed ranges hashed where they lie: a large file is not copied to be checked. */
export const digestOfRanges = (pdf: Uint8Array, byteRange: readonly number[], hash: string): Uint8Array => {
  const digest = createHash(hash.replace('-', '').toLowerCase());
  digest.update(pdf.subarray(byteRange[0], byteRange[0]! + byteRange[1]!));
  digest.update(pdf.subarray(byteRange[2], byteRange[2]! + byteRange[3]!));
  return new Uint8Array(digest.digest());
};

/** An RFC 3161 token (a signature timestamp, or a document timestamp) checked against `data`. */
const checkTimestampToken = async (
  token: pkijs.SignedData,
  data: Uint8Array,
): Promise<{ at: Date; authority: string | null; valid: boolean } | null> => {
  const eContent = token.encapContentInfo.eContent;
  if (!eContent) return null;
  const info = pkijs.TSTInfo.fromBER(eContent.getValue());
  const authority = signerCertificateOf(token);
  const valid = await token
    .verify({ signer: 0, data: new Uint8Array(data).buffer, checkChain: false }, engine())
    .catch(() => false);
  return { at: info.genTime, authority: authority ? certificateOf(authority).subject : null, valid };
};

const signatureTimestamp = async (signerInfo: pkijs.SignerInfo) => {
  const attribute = signerInfo.unsignedAttrs?.attributes.find((a) => a.type === OID.signatureTimeStampToken);
  if (!attribute) return null;
  const info = new pkijs.ContentInfo({ schema: attribute.values[0] });
  const token = new pkijs.SignedData({ schema: info.content });
  return checkTimestampToken(token, signerInfo.signature.valueBlock.valueHexView);
};

type CmsCheck = Pick<PdfSignatureCheck, 'outcome' | 'certificate' | 'timestamp'>;

/**
 * A CAdES detached signature over the signed ranges: the messageDigest attribute must be the digest
 * of those bytes, and the signature over the signed attributes must verify with the certificate's key.
 */
export const checkSignature = async (
  pdf: Uint8Array,
  byteRange: readonly number[],
  cms: Uint8Array,
): Promise<CmsCheck> => {
  const signedData = signedDataOf(cms);
  const signerInfo = signedData?.signerInfos[0];
  const signer = signedData && signerCertificateOf(signedData);
  if (!signerInfo?.signedAttrs || !signer)
    return { outcome: 'malformed', certificate: null, timestamp: null };
  const certificate = certificateOf(signer);
  const hash = hashName(signerInfo);
  const stated = signerInfo.signedAttrs.attributes.find((a) => a.type === OID.messageDigest)?.values[0];
  const digest = Buffer.from(digestOfRanges(pdf, byteRange, hash));
  const timestamp = await signatureTimestamp(signerInfo).catch(() => null);
  if (!(stated instanceof asn1js.OctetString) || !digest.equals(Buffer.from(stated.valueBlock.valueHexView)))
    return { outcome: 'digest_mismatch', certificate, timestamp };
  const verified = await engine()
    .verifyWithPublicKey(
      signerInfo.signedAttrs.encodedValue,
      signerInfo.signature,
      signer.subjectPublicKeyInfo,
      signerInfo.signatureAlgorithm,
      signerInfo.signatureAlgorithm.algorithmId === OID.rsaEncryption ? hash : undefined,
    )
    .catch(() => false);
  return { outcome: verified ? 'valid' : 'bad_signature', certificate, timestamp };
};

/** A document timestamp (/DocTimeStamp): the token's message imprint is the digest of the ranges. */
export const checkDocumentTimestamp = async (
  pdf: Uint8Array,
  byteRange: readonly number[],
  cms: Uint8Array,
): Promise<CmsCheck> => {
  const token = signedDataOf(cms);
  const signer = token && signerCertificateOf(token);
  if (!token || !signer) return { outcome: 'malformed', certificate: null, timestamp: null };
  const data = Buffer.concat([
    pdf.subarray(byteRange[0], byteRange[0]! + byteRange[1]!),
    pdf.subarray(byteRange[2], byteRange[2]! + byteRange[3]!),
  ]);
  const timestamp = await checkTimestampToken(token, data).catch(() => null);
  return {
    outcome: timestamp?.valid ? 'valid' : 'digest_mismatch',
    certificate: certificateOf(signer),
    timestamp,
  };
};
