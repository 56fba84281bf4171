import { createHash, randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

/** Where the RFC 3161 timestamping authority answers, and how long it may take. */
export type TimestampSettings = {
  url: string;
  /** HTTP Basic credentials, for the authorities that sell their tokens by account. */
  username?: string;
  password?: string;
  timeoutMs?: number;
};

/** A token the authority signed over a SHA-256: its DER (a CMS ContentInfo), its time and its name. */
export type Timestamp = { token: Uint8Array; time: Date; authority: string };

/** Why a token was not obtained: said in French, it ends in the document's history (seal_failed). */
export class TimestampError extends Error {
  override readonly name = 'TimestampError';
}

const SHA256 = '2.16.840.1.101.3.4.2.1';
const COMMON_NAME = '2.5.4.3';
const ORGANIZATION = '2.5.4.10';

const hex = (bytes: ArrayBuffer | Uint8Array): string => Buffer.from(new Uint8Array(bytes)).toString('hex');

/** A positive nonce of 64 bits whose first byte is 0x01–0x7f, so its DER has no sign byte to strip. */
const newNonce = (): Uint8Array<ArrayBuffer> => {
  const nonce = new Uint8Array(randomBytes(8));
  nonce[0] = (nonce[0]! % 0x7f) + 1;
  return nonce;
};

const requestOf = (sha256: Uint8Array, nonce: Uint8Array): Uint8Array<ArrayBuffer> => {
  const request = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({
        algorithmId: SHA256,
        algorithmParams: new asn1js.Null(),
      }),
      hashedMessage: new asn1js.OctetString({ valueHex: sha256 }),
    }),
    nonce: new asn1js.Integer({ valueHex: nonce }),
    // certReq: the token carries the authority's certificate, which a validator needs to check it.
    certReq: true,
  });
  return new Uint8Array(request.toSchema().toBER(false));
};

/** The authority as a reader names it: its certificate's organisation and common name. */
const authorityName = (signed: pkijs.SignedData): string => {
  // The token's signer, named by issuer and serial: the token may carry its CAs too, in any order.
  const sid = signed.signerInfos[0]?.sid;
  const certificate = (signed.certificates ?? []).find(
    (c): c is pkijs.Certificate =>
      c instanceof pkijs.Certificate &&
      (!(sid instanceof pkijs.IssuerAndSerialNumber) ||
        (c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber))),
  );
  const part = (oid: string) =>
    certificate?.subject.typesAndValues.find((tv) => tv.type === oid)?.value.valueBlock.value as
      | string
      | undefined;
  const names = [part(ORGANIZATION), part(COMMON_NAME)].filter((name): name is string => !!name);
  return [...new Set(names)].join(', ') || 'autorité sans nom';
};

const refuse = (message: string): never => {
  throw new TimestampError(`Horodatage refusé : ${message}.`);
};

/**
 * Checks what RFC 3161 §2.4.2 asks of a client: the status granted, the token a SignedData over a
 * TSTInfo, its imprint our SHA-256 and its nonce ours (no replayed answer); and the token's own
 * signature, by the certificate it carries (whether that certificate is trusted is the reader's call).
 */
const readResponse = async (
  body: Uint8Array<ArrayBuffer>,
  data: Uint8Array<ArrayBuffer>,
  sha256: Uint8Array<ArrayBuffer>,
  nonce: Uint8Array<ArrayBuffer>,
): Promise<Timestamp> => {
  const response = pkijs.TimeStampResp.fromBER(body);
  const status = response.status.status;
  if (status !== pkijs.PKIStatus.granted && status !== pkijs.PKIStatus.grantedWithMods)
    refuse(`statut ${status} de l’autorité`);
  if (!response.timeStampToken) return refuse('réponse sans jeton');
  const signed = new pkijs.SignedData({ schema: response.timeStampToken.content });
  const content = signed.encapContentInfo.eContent;
  if (signed.encapContentInfo.eContentType !== pkijs.id_eContentType_TSTInfo || !content)
    refuse('le jeton ne contient pas de TSTInfo');
  const info = pkijs.TSTInfo.fromBER(content!.getValue());
  const imprint = info.messageImprint;
  if (imprint.hashAlgorithm.algorithmId !== SHA256 || hex(imprint.hashedMessage.getValue()) !== hex(sha256))
    refuse('empreinte différente de celle demandée');
  if (!info.nonce || hex(info.nonce.valueBlock.valueHexView) !== hex(nonce))
    refuse('nonce différent de celui envoyé');
  const verified = await signed
    .verify({ signer: 0, data: data.buffer, checkChain: false, extendedMode: true })
    .catch(() => ({ signatureVerified: false }));
  if (!verified.signatureVerified) refuse('signature du jeton invalide');
  return {
    token: new Uint8Array(response.timeStampToken.toSchema().toBER(false)),
    time: info.genTime,
    authority: authorityName(signed),
  };
};

/**
 * The RFC 3161 client: a DER TimeStampReq posted as application/timestamp-query, the reply checked
 * (readResponse). Any failure, the network's included, is a TimestampError: the seal job retries.
 */
export const createTimestampClient = (settings: TimestampSettings) => ({
  /** A token over these bytes (their SHA-256 is what the authority sees). */
  async stamp(bytes: Uint8Array): Promise<Timestamp> {
    // A copy on its own ArrayBuffer: pkijs's verify reads the whole buffer, not the view.
    const data: Uint8Array<ArrayBuffer> = new Uint8Array(bytes);
    const sha256: Uint8Array<ArrayBuffer> = new Uint8Array(createHash('sha256').update(data).digest());
    const nonce = newNonce();
    const headers: Record<string, string> = {
      'content-type': 'application/timestamp-query',
      accept: 'application/timestamp-reply',
    };
    if (settings.username !== undefined)
      headers.authorization = `Basic ${Buffer.from(`${settings.username}:${settings.password ?? ''}`).toString('base64')}`;
    let body: Uint8Array<ArrayBuffer>;
    try {
      const answer = await fetch(settings.url, {
        method: 'POST',
        headers,
        body: requestOf(sha256, nonce),
        signal: AbortSignal.timeout(settings.timeoutMs ?? 10_000),
      });
      if (!answer.ok) refuse(`l’autorité répond HTTP ${answer.status}`);
      body = new Uint8Array(await answer.arrayBuffer());
    } catch (error) {
      if (error instanceof TimestampError) throw error;
      throw new TimestampError(`Autorité d’horodatage injoignable (${(error as Error).message}).`);
    }
    try {
      return await readResponse(body, data, sha256, nonce);
    } catch (error) {
      if (error instanceof TimestampError) throw error;
      return refuse(`réponse illisible (${(error as Error).message})`);
    }
  },
});

export type TimestampClient = ReturnType<typeof createTimestampClient>;
