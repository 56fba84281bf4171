import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { WebhookPostOutcome, WebhookSender } from '../../application/ports/index.ts';
import { isPublicAddress, refusalOf, type TargetPolicy } from './target-policy.ts';

/**
 * A receiver has this long to be connected to and to answer its status (DNS included); a slow one
 * counts as a failure, tried again later, and holds a worker no longer than that.
 */
const TIMEOUT_MS = 5_000;

export type ResolvedAddress = { address: string; family: number };
/** Every address of a name (the system resolver by default; a test gives its own). */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

const systemResolver: Resolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/** The name resolves to an address webhooks may not reach: not worth trying again. */
class TargetRefusedError extends Error {
  override name = 'TargetRefusedError';
}

/**
 * The connection's own DNS lookup: resolves once, checks every address, and hands the socket only
 * those checked addresses, so that a second answer (DNS rebinding) cannot swap in another one.
 */
const pinnedLookup =
  (resolve: Resolver, allowPrivateTargets: boolean): LookupFunction =>
  (hostname, options, callback) => {
    resolve(hostname).then(
      (found) => {
        const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family;
        const addresses = found.filter((a) => !family || a.family === family);
        const first = addresses[0];
        if (!first) return callback(Object.assign(new Error(hostname), { code: 'ENOTFOUND' }), '', 0);
        if (!allowPrivateTargets && found.some((a) => !isPublicAddress(a.address))) {
          return callback(new TargetRefusedError(hostname), '', 0);
        }
        if (options.all) return callback(null, addresses);
        callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };

const REFUSED_REASON =
  'adresse refusée : le nom du destinataire désigne une adresse privée, locale ou interne';

/**
 * A short fixed description of what went wrong: never the receiver's words nor the addresses the
 * error message carries (the delivery log is no window on the network behind the receiver).
 */
const reasonOf = (error: unknown, timeoutMs: number): WebhookPostOutcome => {
  if (error instanceof TargetRefusedError) return { outcome: 'refused', reason: REFUSED_REASON };
  const code = String((error as NodeJS.ErrnoException | undefined)?.code ?? '');
  const reason =
    code === 'ETIMEDOUT'
      ? `pas de réponse en ${timeoutMs / 1000} s`
      : code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'ENODATA'
        ? 'nom de domaine introuvable'
        : code === 'ECONNREFUSED'
          ? 'connexion refusée'
          : code === 'ECONNRESET' || code === 'EPIPE'
            ? 'connexion interrompue'
            : code === 'EHOSTUNREACH' || code === 'ENETUNREACH'
              ? 'hôte inaccessible'
              : /CERT|TLS|SSL|SELF_SIGNED|VERIFY/.test(code)
                ? 'certificat TLS refusé'
                : 'erreur réseau';
  return { outcome: 'unreachable', reason };
};

/** One POST; resolves with its status as soon as the headers arrive (the body is never read). */
const postOnce = (
  target: URL,
  input: { body: string; headers: Record<string, string> },
  options: { timeoutMs: number; lookup: LookupFunction },
): Promise<WebhookPostOutcome> =>
  new Promise((resolve) => {
    const transport = target.protocol === 'https:' ? https : http;
    const request = transport.request(target, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Lettrine-Webhooks/1',
        ...input.headers,
        'content-length': Buffer.byteLength(input.body),
      },
      // A connection of its own: no pooled socket to an address resolved for another delivery.
      agent: false,
      lookup: options.lookup,
    });
    const timer = setTimeout(
      () => request.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })),
      options.timeoutMs,
    );
    request.on('response', (response) => {
      clearTimeout(timer);
      // A redirect is an answer (3xx, not delivered), never followed; the body is not kept.
      resolve({ outcome: 'answered', status: response.statusCode ?? 0 });
      response.destroy();
    });
    request.on('error', (error) => {
      clearTimeout(timer);
      resolve(reasonOf(error, options.timeoutMs));
    });
    request.end(input.body);
  });

export const createWebhookSender = (
  options: Partial<TargetPolicy> & { timeoutMs?: number; resolver?: Resolver } = {},
): WebhookSender => {
  const policy: TargetPolicy = {
    allowPrivateTargets: options.allowPrivateTargets ?? false,
    requireHttps: options.requireHttps ?? false,
  };
  const timeoutMs = options.timeoutMs ?? TIMEOUT_MS;
  const lookup = pinnedLookup(options.resolver ?? systemResolver, policy.allowPrivateTargets);
  const parse = (url: string): URL | undefined => {
    try {
      return new URL(url);
    } catch {
      return undefined;
    }
  };
  return {
    checkTarget(url) {
      const target = parse(url);
      const refusal = target ? refusalOf(target, policy) : 'private_address';
      return refusal ? { allowed: false, refusal } : { allowed: true };
    },
    async post(url, input) {
      const target = parse(url);
      if (!target || (target.protocol !== 'https:' && target.protocol !== 'http:')) {
        return { outcome: 'refused', reason: 'adresse invalide' };
      }
      const refusal = refusalOf(target, policy);
      if (refusal === 'https_required') {
        return { outcome: 'refused', reason: 'adresse refusée : https est exigé en production' };
      }
      // An address written as such skips the lookup: it is checked here instead.
      if (refusal) return { outcome: 'refused', reason: REFUSED_REASON };
      return postOnce(target, input, { timeoutMs, lookup });
    },
  };
};
