import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

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
};

/** The one signature scheme of the seal: what PAdES validators expect of an RSA key today. */
export const SEAL_KEY_ALGORITHM = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;

const OID = {
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
  keyUsage: '2.5.29.15',
  basicConstraints: '2.5.29.19',
  pkcs8ShroudedKeyBag: '1.2.840.113549.1.12.10.1.2',
  certBag: '1.2.840.113549.1.12.10.1.3',
  x509Certificate: '1.2.840.113549.1.9.22.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
} as const;

const P12_UNREADABLE =
  'Fichier PKCS#12 illisible ou mot de passe incorrect : vérifiez SEAL_P12_PATH et SEAL_P12_PASSWORD.';
const P12_LEGACY =
  'Fichier PKCS#12 chiffré à l’ancienne (RC2/3DES, « openssl pkcs12 -legacy ») : réexportez-le avec ' +
  'OpenSSL 3 sans -legacy (AES), puis vérifiez SEAL_P12_PATH et SEAL_P12_PASSWORD.';
const P12_NO_RSA_PAIR =
  'Le fichier PKCS#12 ne contient pas une clé RSA et son certificat : vérifiez SEAL_P12_PATH.';

/** pkijs's engine over Node's WebCrypto (globalThis.crypto), passed explicitly so nothing relies on a global setEngine. */
const engine = (): pkijs.ICryptoEngine => pkijs.getCrypto(true);

/**
 * UTF8String, not PrintableString: "Cabinet Dupré & Associés" has characters PrintableString lacks.
 * One RDN per attribute (O, then CN, as X.500 orders them): pkijs would put them all in one
 * multi-valued RDN ("CN=…+O=…"); decoded from our DER, it keeps and re-emits that DER.
 */
const name = (commonName: string, organization?: string): pkijs.RelativeDistinguishedNames => {
  const rdn = (type: string, value: string) =>
    new asn1js.Set({
      value: [new pkijs.AttributeTypeAndValue({ type, value: new asn1js.Utf8String({ value }) }).toSchema()],
    });
  const rdns = organization ? [rdn(OID.organization, organization)] : [];
  rdns.push(rdn(OID.commonName, commonName));
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

const commonNameOf = (certificate: pkijs.Certificate): string => {
  const cn = certificate.subject.typesAndValues.find((tv) => tv.type === OID.commonName);
  return cn ? String(cn.value.valueBlock.value) : '';
};

/** What a certificate says of itself: the seal's facts come from it, never from a copy beside it. */
export const certificateFacts = (certificateDer: Uint8Array): { commonName: string; notAfter: Date } => {
  const certificate = pkijs.Certificate.fromBER(new Uint8Array(certificateDer));
  return { commonName: commonNameOf(certificate), notAfter: certificate.notAfter.value };
};

// toSchema() without its flag re-emits the signed TBS bytes as they are, whoever encoded them.
const identityOf = (privateKeyPkcs8: Uint8Array, certificate: pkijs.Certificate): SealIdentity => ({
  privateKeyPkcs8,
  certificateDer: new Uint8Array(certificate.toSchema().toBER(false)),
  commonName: commonNameOf(certificate),
  notAfter: certificate.notAfter.value,
});

/**
 * A self-signed seal for a firm without a qualified certificate yet (and for tests): the PDF still
 * proves it was not changed since sealing, but readers say the issuer is not trusted.
 */
export const createSelfSignedIdentity = async (input: {
  commonName: string;
  organization?: string;
  at: Date;
  years?: number;
}): Promise<SealIdentity> => {
  const keys = await globalThis.crypto.subtle.generateKey(
    { ...SEAL_KEY_ALGORITHM, modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) },
    true,
    ['sign', 'verify'],
  );
  const certificate = new pkijs.Certificate();
  certificate.version = 2;
  certificate.serialNumber = randomSerial();
  certificate.subject = name(input.commonName, input.organization);
  certificate.issuer = name(input.commonName, input.organization);
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

const rsaModulus = (integer: asn1js.Integer): string =>
  Buffer.from(integer.valueBlock.valueHexView).toString('hex');

/** Legacy PKCS#12 encryption (1.2.840.113549.1.12.1.x) needs RC2/3DES, which WebCrypto does not have. */
const refuseLegacy = (algorithm: pkijs.AlgorithmIdentifier): void => {
  if (algorithm.algorithmId.startsWith('1.2.840.113549.1.12.1.')) throw new Error(P12_LEGACY);
};

/**
 * Reads the .p12/.pfx exported by `openssl pkcs12 -export` (OpenSSL 3 default: PBES2, AES-256-CBC,
 * PBKDF2-SHA256, SHA-256 MAC). Several certificates may come with the key (the chain): the seal's
 * is the one whose public key is the key's.
 */
export const readPkcs12 = async (bytes: Uint8Array, password: string): Promise<SealIdentity> => {
  const secret = new TextEncoder().encode(password).buffer as ArrayBuffer;
  let pfx: pkijs.PFX;
  try {
    pfx = pkijs.PFX.fromBER(new Uint8Array(bytes));
    await pfx.parseInternalValues({ password: secret, checkIntegrity: true }, engine());
  } catch {
    throw new Error(P12_UNREADABLE);
  }
  const keys: { pkcs8: Uint8Array; info: pkijs.PrivateKeyInfo }[] = [];
  const certificates: pkijs.Certificate[] = [];
  try {
    const safe = pfx.parsedValue!.authenticatedSafe!;
    for (const content of safe.safeContents) {
      if (content.contentType !== pkijs.ContentInfo.ENCRYPTED_DATA) continue;
      // Decoded from a copy: pkijs's fromSchema strips the parsed ASN.1 it is given, and
      // parseInternalValues below needs it intact.
      const encrypted = pkijs.EncryptedData.fromBER(content.content.toBER(false));
      refuseLegacy(encrypted.encryptedContentInfo.contentEncryptionAlgorithm);
    }
    await safe.parseInternalValues(
      { safeContents: safe.safeContents.map(() => ({ password: secret })) },
      engine(),
    );
    for (const { value } of safe.parsedValue!.safeContents) {
      for (const bag of value.safeBags) {
        if (bag.bagId === OID.pkcs8ShroudedKeyBag) {
          const shrouded = bag.bagValue as pkijs.PKCS8ShroudedKeyBag;
          refuseLegacy(shrouded.encryptionAlgorithm);
          // What the bag's own (protected) parseInternalValues does, keeping the decrypted PKCS#8 bytes.
          const encrypted = new pkijs.EncryptedData({
            encryptedContentInfo: new pkijs.EncryptedContentInfo({
              contentEncryptionAlgorithm: shrouded.encryptionAlgorithm,
              encryptedContent: shrouded.encryptedData,
            }),
          });
          const pkcs8 = new Uint8Array(await encrypted.decrypt({ password: secret }, engine()));
          keys.push({ pkcs8, info: pkijs.PrivateKeyInfo.fromBER(pkcs8) });
        } else if (bag.bagId === OID.certBag) {
          const certBag = bag.bagValue as pkijs.CertBag;
          if (certBag.certId === OID.x509Certificate)
            certificates.push(certBag.parsedValue as pkijs.Certificate);
        }
      }
    }
  } catch (error) {
    throw new Error(error instanceof Error && error.message === P12_LEGACY ? P12_LEGACY : P12_UNREADABLE);
  }
  for (const { pkcs8, info } of keys) {
    if (info.privateKeyAlgorithm.algorithmId !== OID.rsaEncryption || !info.parsedKey) continue;
    const modulus = rsaModulus((info.parsedKey as pkijs.RSAPrivateKey).modulus);
    const certificate = certificates.find((c) => {
      const publicKey = c.subjectPublicKeyInfo.parsedKey;
      return publicKey instanceof pkijs.RSAPublicKey && rsaModulus(publicKey.modulus) === modulus;
    });
    if (certificate) return identityOf(pkcs8, certificate);
  }
  throw new Error(P12_NO_RSA_PAIR);
};
