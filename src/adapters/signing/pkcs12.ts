import type * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

/** A PKCS#12 opened: the seal's key (PKCS#8), its certificate, and the rest of the chain, issuer first. */
export type Pkcs12Contents = {
  privateKeyPkcs8: Uint8Array;
  certificate: pkijs.Certificate;
  chain: pkijs.Certificate[];
};

const OID = {
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

/** Why a PKCS#12 does not open: the import in the product says it in the associé's words. */
export type Pkcs12FailureReason =
  | 'unreadable'
  | 'wrong_password'
  | 'legacy'
  | 'no_key'
  | 'key_mismatch'
  | 'not_rsa';

/** Its message speaks to the operator (SEAL_P12_PATH); `reason` lets the product say it otherwise. */
export class Pkcs12Error extends Error {
  constructor(
    readonly reason: Pkcs12FailureReason,
    message: string,
  ) {
    super(message);
  }
}

const failure = (reason: Pkcs12FailureReason): Pkcs12Error =>
  new Pkcs12Error(
    reason,
    reason === 'legacy'
      ? P12_LEGACY
      : reason === 'unreadable' || reason === 'wrong_password'
        ? P12_UNREADABLE
        : P12_NO_RSA_PAIR,
  );

const engine = (): pkijs.ICryptoEngine => pkijs.getCrypto(true);

const rsaModulus = (integer: asn1js.Integer): string =>
  Buffer.from(integer.valueBlock.valueHexView).toString('hex');

const der = (certificate: pkijs.Certificate): string =>
  Buffer.from(certificate.toSchema().toBER(false)).toString('hex');

/** Legacy PKCS#12 encryption (1.2.840.113549.1.12.1.x) needs RC2/3DES, which WebCrypto does not have. */
const refuseLegacy = (algorithm: pkijs.AlgorithmIdentifier): void => {
  if (algorithm.algorithmId.startsWith('1.2.840.113549.1.12.1.')) throw failure('legacy');
};

/**
 * The certificates other than the leaf, each once, in the order a validator walks them: the leaf's
 * issuer, then its issuer, and so on up to the root when the file has it; any certificate that is
 * not on that path comes after, in the file's order (kept: it may be a cross-certificate).
 */
const chainOf = (leaf: pkijs.Certificate, certificates: pkijs.Certificate[]): pkijs.Certificate[] => {
  const seen = new Set([der(leaf)]);
  const rest: pkijs.Certificate[] = [];
  for (const certificate of certificates) {
    const bytes = der(certificate);
    if (seen.has(bytes)) continue;
    seen.add(bytes);
    rest.push(certificate);
  }
  const chain: pkijs.Certificate[] = [];
  for (let current = leaf; ; ) {
    if (current.issuer.isEqual(current.subject)) break;
    const issuer = rest.find((c) => !chain.includes(c) && c.subject.isEqual(current.issuer));
    if (!issuer) break;
    chain.push(issuer);
    current = issuer;
  }
  return [...chain, ...rest.filter((c) => !chain.includes(c))];
};

/**
 * Reads the .p12/.pfx exported by `openssl pkcs12 -export` (OpenSSL 3 default: PBES2, AES-256-CBC,
 * PBKDF2-SHA256, SHA-256 MAC). The seal's certificate is the one whose public key is the key's;
 * the others (intermediate CAs, the root if there) are its chain, which the seal must carry.
 */
export const openPkcs12 = async (bytes: Uint8Array, password: string): Promise<Pkcs12Contents> => {
  const secret = new TextEncoder().encode(password).buffer as ArrayBuffer;
  let pfx: pkijs.PFX;
  try {
    pfx = pkijs.PFX.fromBER(new Uint8Array(bytes));
  } catch {
    throw failure('unreadable');
  }
  try {
    // The MAC is checked first: a wrong password fails here, before anything is decrypted.
    await pfx.parseInternalValues({ password: secret, checkIntegrity: true }, engine());
  } catch {
    throw failure('wrong_password');
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
    throw error instanceof Pkcs12Error ? error : failure('unreadable');
  }
  if (keys.length === 0) throw failure('no_key');
  for (const { pkcs8, info } of keys) {
    if (info.privateKeyAlgorithm.algorithmId !== OID.rsaEncryption || !info.parsedKey) continue;
    const modulus = rsaModulus((info.parsedKey as pkijs.RSAPrivateKey).modulus);
    const certificate = certificates.find((c) => {
      const publicKey = c.subjectPublicKeyInfo.parsedKey;
      return publicKey instanceof pkijs.RSAPublicKey && rsaModulus(publicKey.modulus) === modulus;
    });
    if (certificate)
      return { privateKeyPkcs8: pkcs8, certificate, chain: chainOf(certificate, certificates) };
  }
  const hasRsaKey = keys.some((key) => key.info.privateKeyAlgorithm.algorithmId === OID.rsaEncryption);
  throw failure(hasRsaKey ? 'key_mismatch' : 'not_rsa');
};
