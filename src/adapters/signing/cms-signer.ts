import { Signer } from '@signpdf/utils';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { SEAL_KEY_ALGORITHM, type SealIdentity } from './seal-identity.ts';
import type { Timestamp } from './timestamp-client.ts';

/** All that signing needs of an identity: the key, the certificate it signs for and its CA chain. */
export type SealKey = Pick<SealIdentity, 'privateKeyPkcs8' | 'certificateDer' | 'chainDer'>;

const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  signatureTimeStampToken: '1.2.840.113549.1.9.16.2.14',
} as const;

/** What gives the seal its trusted time: an RFC 3161 authority (timestamp-client.ts). */
export type SignatureTimestamper = { stamp(bytes: Uint8Array): Promise<Timestamp> };

// new Uint8Array(…) copies onto a plain ArrayBuffer, which is what WebCrypto's types accept.
const sha256 = async (bytes: Uint8Array): Promise<Uint8Array> =>
  new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', new Uint8Array(bytes)));

const compareBytes = (a: Uint8Array, b: Uint8Array): number => {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
};

/**
 * ESS signingCertificateV2 (RFC 5035), which PAdES-B-B requires: it binds the signature to this
 * certificate, not just to a key. hashAlgorithm is left out because SHA-256 is its DER default;
 * issuerSerial is the certificate's issuer as a directoryName [4] and its serial.
 */
export const signingCertificateV2 = (
  certificate: pkijs.Certificate,
  certHash: Uint8Array,
): asn1js.Sequence => {
  const issuer = new asn1js.Constructed({
    idBlock: { tagClass: 3, tagNumber: 4 },
    value: [certificate.issuer.toSchema()],
  });
  const issuerSerial = new asn1js.Sequence({
    value: [new asn1js.Sequence({ value: [issuer] }), certificate.serialNumber],
  });
  const essCertIdV2 = new asn1js.Sequence({
    value: [new asn1js.OctetString({ valueHex: certHash }), issuerSerial],
  });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
};

/**
 * The signed attributes of PAdES-B-B, exactly: contentType, messageDigest, signingCertificateV2.
 * No signingTime: PAdES takes the time from the signature dictionary's /M instead (ETSI EN 319 142-1).
 * Sorted by encoding because DER encodes a SET OF in that order and validators re-encode to check.
 */
const signedAttributes = async (
  certificate: pkijs.Certificate,
  certificateDer: Uint8Array,
  digest: Uint8Array,
): Promise<pkijs.Attribute[]> => {
  const attributes = [
    new pkijs.Attribute({
      type: OID.contentType,
      values: [new asn1js.ObjectIdentifier({ value: OID.data })],
    }),
    new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: digest })] }),
    new pkijs.Attribute({
      type: OID.signingCertificateV2,
      values: [signingCertificateV2(certificate, await sha256(certificateDer))],
    }),
  ];
  const encoded = (attribute: pkijs.Attribute) => new Uint8Array(attribute.toSchema().toBER(false));
  return attributes.sort((a, b) => compareBytes(encoded(a), encoded(b)));
};

/**
 * The @signpdf Signer of the seal: a detached CMS SignedData over the PDF's signed byte ranges,
 * built with pkijs on WebCrypto. The stock signer-p12 goes through node-forge, which mangles
 * UTF-8 names such as "Cabinet Dupré & Associés"; pkijs keeps the certificate's bytes as they are.
 */
export class CmsSigner extends Signer {
  readonly #identity: SealKey;
  readonly #certificate: pkijs.Certificate;
  readonly #chain: pkijs.Certificate[];
  readonly #timestamper: SignatureTimestamper | undefined;
  #key: Promise<CryptoKey> | undefined;

  constructor(identity: SealKey, timestamper?: SignatureTimestamper) {
    super();
    this.#identity = identity;
    this.#timestamper = timestamper;
    this.#certificate = pkijs.Certificate.fromBER(new Uint8Array(identity.certificateDer));
    this.#chain = (identity.chainDer ?? []).map((der) => pkijs.Certificate.fromBER(new Uint8Array(der)));
  }

  /** Imported once per signer: importing an RSA key costs more than hashing a short document. */
  #privateKey(): Promise<CryptoKey> {
    this.#key ??= globalThis.crypto.subtle.importKey(
      'pkcs8',
      new Uint8Array(this.#identity.privateKeyPkcs8),
      SEAL_KEY_ALGORITHM,
      false,
      ['sign'],
    );
    return this.#key;
  }

  /** signingTime is ignored on purpose: a signingTime attribute is forbidden in PAdES-B-B. */
  override async sign(pdfBuffer: Buffer, _signingTime?: Date): Promise<Buffer> {
    const certificate = this.#certificate;
    const signedData = new pkijs.SignedData({
      version: 1,
      encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
      signerInfos: [
        new pkijs.SignerInfo({
          version: 1,
          sid: new pkijs.IssuerAndSerialNumber({
            issuer: certificate.issuer,
            serialNumber: certificate.serialNumber,
          }),
          signedAttrs: new pkijs.SignedAndUnsignedAttributes({
            type: 0,
            attributes: await signedAttributes(
              certificate,
              this.#identity.certificateDer,
              await sha256(pdfBuffer),
            ),
          }),
        }),
      ],
      // The seal's certificate first, then its CA chain: a reader that trusts only the root builds
      // the path from what the signature carries (pdfsig fetches no missing certificate).
      certificates: [certificate, ...this.#chain],
    });
    await signedData.sign(await this.#privateKey(), 0, 'SHA-256', undefined, pkijs.getCrypto(true));
    if (this.#timestamper) await this.#addSignatureTimestamp(signedData.signerInfos[0]!);
    const contentInfo = new pkijs.ContentInfo({
      contentType: OID.signedData,
      content: signedData.toSchema(),
    });
    return Buffer.from(contentInfo.toSchema().toBER(false));
  }

  /**
   * PAdES-B-T: the authority's token over the signature value, as the unsigned attribute
   * id-aa-signatureTimeStampToken (RFC 3161 appendix A). Unsigned, so added after signing: it proves
   * the signature existed at the authority's time, whatever the server's clock said.
   */
  async #addSignatureTimestamp(signerInfo: pkijs.SignerInfo): Promise<void> {
    const { token } = await this.#timestamper!.stamp(signerInfo.signature.valueBlock.valueHexView);
    signerInfo.unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({
      type: 1,
      attributes: [
        new pkijs.Attribute({ type: OID.signatureTimeStampToken, values: [asn1js.fromBER(token).result] }),
      ],
    });
  }
}
