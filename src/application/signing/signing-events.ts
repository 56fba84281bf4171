import {
  browserSummary,
  describeTrailEntry,
  inTimeOrder,
  type SigningEventType,
  type TrailData,
  type TrailEntry,
} from '../../domain/signing/signing-trail.ts';
import type { Actor } from '../actor.ts';
import { found } from '../app-error.ts';
import type { Deps, FirmScope } from '../ports/index.ts';
import type { Signature, SigningRequest } from '../records.ts';

/** The longest user agent kept: enough to tell a browser, not a place to store a novel. */
const USER_AGENT_MAX = 500;

type SigningStep = {
  documentId: string;
  request: Pick<SigningRequest, 'id'> | null;
  type: SigningEventType;
  at: Date;
  ip?: string | null;
  userAgent?: string | null;
  data?: TrailData;
};

const toRecord = (input: SigningStep) => ({
  documentId: input.documentId,
  requestId: input.request?.id ?? null,
  type: input.type,
  at: input.at,
  ip: input.ip ?? null,
  userAgent: input.userAgent?.slice(0, USER_AGENT_MAX) ?? null,
  data: input.data ?? {},
});

/**
 * Appends steps to the signature trail, in the caller's transaction (habit 5): the step and its
 * trace commit together or not at all. Several steps of one request (the consent, then the
 * signature) are written in their order by one statement.
 */
export const recordSigningEvent = (scope: FirmScope, ...steps: SigningStep[]): Promise<void> =>
  scope.signingEvents.append(...steps.map(toRecord));

/**
 * The whole trail of a document: the recorded steps, each told with its signer, and a signature
 * recorded in the product (paper, in person, the associé in their session) which has no step of its
 * own: the signature row is its record, written in the same transaction.
 */
export const trailOfDocument = async (
  scope: FirmScope,
  input: { documentId: string; requests: SigningRequest[]; signatures: Signature[] },
): Promise<TrailEntry[]> => {
  const events = await scope.signingEvents.listByDocument(input.documentId);
  const signerOf = (requestId: string | null) => input.requests.find((r) => r.id === requestId);
  const recorded: TrailEntry[] = events.map((event) => {
    const request = signerOf(event.requestId);
    return {
      type: event.type,
      at: event.at.toISOString(),
      side: request?.side ?? null,
      signerName: request?.signerName ?? null,
      ip: event.ip,
      userAgent: event.userAgent,
      data: event.data,
    };
  });
  const signedSides = new Set(recorded.filter((e) => e.type === 'signed').map((e) => e.side));
  const inProduct: TrailEntry[] = input.signatures
    .filter((signature) => !signedSides.has(signature.side))
    .map((signature) => {
      const request = input.requests.find((r) => r.side === signature.side);
      const ownSession = signature.method === 'electronic';
      return {
        type: 'signed',
        at: signature.recordedAt.toISOString(),
        side: signature.side,
        signerName: signature.signatoryName,
        ip: ownSession ? (request?.completedIp ?? null) : null,
        userAgent: ownSession ? (request?.completedUserAgent ?? null) : null,
        data: { method: ownSession ? 'product' : signature.method },
      };
    });
  return [...recorded, ...inProduct];
};

/** The trail as the firm reads it on the document's page, in time order. */
export const listSigningTrail = async (deps: Deps, actor: Actor, input: { documentId: string }) => {
  const scope = deps.store.read(actor.firmId);
  const doc = found(await scope.documents.find(input.documentId), 'document');
  const [requests, signatures] = await Promise.all([
    scope.signingRequests.listByDocument(doc.id),
    scope.signatures.listByDocument(doc.id),
  ]);
  const trail = await trailOfDocument(scope, { documentId: doc.id, requests, signatures });
  const events = inTimeOrder(trail).map((entry) => ({
    ...entry,
    at: new Date(entry.at),
    description: describeTrailEntry(entry),
    browser: browserSummary(entry.userAgent),
  }));
  return { transactionId: doc.id, events };
};
