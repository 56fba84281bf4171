import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { signingCertificateV2 } from '../../src/adapters/signing/cms-signer.ts';

/**
 * The stand-in authority's reply made in this process with pkijs, from the same TSA key and
 * certificates as `openssl ts -reply` uses (tsa-server.ts): what a real authority's answer holds
 * (TSTInfo with the query's imprint and nonce, ESS signingCertificateV2, the chain on request),
 * without spawning openssl per query. The bench uses it, so that the figure is Lettrine's work and
 * not the time of a process start on a loaded machine (a real authority's time is not counted either).
 */
const OID = {
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  policy: '1.3.6.1.4.1.99999.1',
} as const;

export type InProcessTsa = { reply(query: Uint8Array): Promise<Uint8Array> };

export const createInProcessTsa = async (input: {
  keyPkcs8: Uint8Array;
  certificateDer: Uint8Array;
  rootDer: Uint8Array;
}): Promise<InProcessTsa> => {
  const key = await globalThis.crypto.subtle.importKey(
    'pkcs8',
    new Uint8Array(input.keyPkcs8),
    { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const certificate = pkijs.Certificate.fromBER(new Uint8Array(input.certificateDer));
  const root = pkijs.Certificate.fromBER(new Uint8Array(input.rootDer));
  const certHash = new Uint8Array(createHash('sha256').update(input.certificateDer).digest());
  let serial = 1;
  return {
    async reply(query) {
      const request = pkijs.TimeStampReq.fromBER(new Uint8Array(query));
      const info = new pkijs.TSTInfo({
        version: 1,
        policy: OID.policy,
        messageImprint: request.messageImprint,
        serialNumber: new asn1js.Integer({ value: serial++ }),
        // Whole seconds, as openssl writes them: DER forbids a fraction's trailing zeros.
        genTime: new Date(Math.floor(Date.now() / 1000) * 1000),
        accuracy: new pkijs.Accuracy({ seconds: 1 }),
        ...(request.nonce ? { nonce: request.nonce } : {}),
      });
      const content = new Uint8Array(info.toSchema().toBER(false));
      const attribute = (type: string, value: asn1js.BaseBlock) =>
        new pkijs.Attribute({ type, values: [value] });
      const signed = new pkijs.SignedData({
        version: 3,
        encapContentInfo: new pkijs.EncapsulatedContentInfo({
          eContentType: OID.tstInfo,
          eContent: new asn1js.OctetString({ valueHex: content }),
        }),
        signerInfos: [
          new pkijs.SignerInfo({
            version: 1,
            sid: new pkijs.IssuerAndSerialNumber({
              issuer: certificate.issuer,
              serialNumber: certificate.serialNumber,
            }),
            signedAttrs: new pkijs.SignedAndUnsignedAttributes({
              type: 0,
              attributes: [
                attribute(OID.contentType, new asn1js.ObjectIdentifier({ value: OID.tstInfo })),
                attribute(
                  OID.messageDigest,
                  new asn1js.OctetString({ valueHex: createHash('sha256').update(content).digest() }),
                ),
                attribute(OID.signingCertificateV2, signingCertificateV2(certificate, certHash)),
              ],
            }),
          }),
        ],
        certificates: request.certReq ? [certificate, root] : undefined,
      });
      await signed.sign(key, 0, 'SHA-256');
      const response = new pkijs.TimeStampResp({
        status: new pkijs.PKIStatusInfo({ status: pkijs.PKIStatus.granted }),
        timeStampToken: new pkijs.ContentInfo({
          contentType: OID.signedData,
          content: signed.toSchema(true),
        }),
      });
      return new Uint8Array(response.toSchema().toBER(false));
    },
  };
};
