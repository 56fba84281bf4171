import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

/**
 * What a validator needs, years from now, to check the seal without going online (PAdES-B-LT): every
 * certificate the signature and its timestamp carry, and the revocation data their issuers publish.
 */
export type ValidationData = {
  /** The CMS of the signature, as /Contents holds it (trailing zeros included): the VRI key hashes it. */
  contents: Uint8Array;
  certificates: Uint8Array[];
  crls: Uint8Array[];
};

const OID = {
  signatureTimeStampToken: '1.2.840.113549.1.9.16.2.14',
  crlDistributionPoints: '2.5.29.31',
} as const;

const URI = 6;

/** The /Contents of the last signature of the file, found through its /ByteRange. */
export const lastSignatureContents = (pdf: Uint8Array): Uint8Array => {
  const text = Buffer.from(pdf).toString('latin1');
  const ranges = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  const last = ranges[ranges.length - 1];
  if (!last) throw new Error('PDF sans signature');
  const [start, end] = [Number(last[2]) + 1, Number(last[3]) - 1];
  return new Uint8Array(Buffer.from(text.slice(start, end), 'hex'));
};

const signedDataOf = (der: Uint8Array | ArrayBuffer): pkijs.SignedData => {
  const info = new pkijs.ContentInfo({ schema: asn1js.fromBER(der).result });
  return new pkijs.SignedData({ schema: info.content });
};

const certificatesOf = (signed: pkijs.SignedData): pkijs.Certificate[] =>
  (signed.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);

/** The signature's certificates, then those of its timestamp token (the authority's and its CAs'). */
const allCertificates = (contents: Uint8Array): pkijs.Certificate[] => {
  const signed = signedDataOf(contents);
  const tokens = (signed.signerInfos[0]?.unsignedAttrs?.attributes ?? [])
    .filter((attribute) => attribute.type === OID.signatureTimeStampToken)
    .flatMap((attribute) => attribute.values.map((value) => signedDataOf(value.toBER(false))));
  return [...certificatesOf(signed), ...tokens.flatMap(certificatesOf)];
};

/** The http(s) addresses of the CRLs a certificate names (its CRL distribution points). */
const crlAddresses = (certificate: pkijs.Certificate): string[] => {
  const extension = certificate.extensions?.find((e) => e.extnID === OID.crlDistributionPoints);
  const points =
    (extension?.parsedValue as pkijs.CRLDistributionPoints | undefined)?.distributionPoints ?? [];
  return points
    .flatMap((point) => (Array.isArray(point.distributionPoint) ? point.distributionPoint : []))
    .filter((name) => name.type === URI && /^https?:\/\//.test(String(name.value)))
    .map((name) => String(name.value));
};

/**
 * A CRL, or nothing: revocation data is added where the chain provides it, and a CRL server that
 * does not answer must not cost the seal (the certificates are still embedded; B-T stands).
 */
const fetchCrl = async (url: string, timeoutMs: number): Promise<Uint8Array | undefined> => {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) return undefined;
    const der = new Uint8Array(await response.arrayBuffer());
    pkijs.CertificateRevocationList.fromBER(der);
    return der;
  } catch {
    return undefined;
  }
};

/** The validation data of the file's last signature: its certificates, each once, and their CRLs. */
export const collectValidationData = async (
  pdf: Uint8Array,
  options: { timeoutMs?: number } = {},
): Promise<ValidationData> => {
  const contents = lastSignatureContents(pdf);
  const seen = new Set<string>();
  const certificates: Uint8Array[] = [];
  const addresses = new Set<string>();
  for (const certificate of allCertificates(contents)) {
    const der = new Uint8Array(certificate.toSchema().toBER(false));
    const key = Buffer.from(der).toString('base64');
    if (seen.has(key)) continue;
    seen.add(key);
    certificates.push(der);
    for (const url of crlAddresses(certificate)) addresses.add(url);
  }
  const crls = await Promise.all([...addresses].map((url) => fetchCrl(url, options.timeoutMs ?? 5_000)));
  return { contents, certificates, crls: crls.filter((crl): crl is Uint8Array => crl !== undefined) };
};
