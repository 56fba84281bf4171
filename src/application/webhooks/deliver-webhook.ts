import type { Deps } from '../ports/index.ts';
import type { WebhookDelivery } from '../records.ts';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The stored payload is jsonb, which reorders keys; the body puts the readable ones first again. */
const ordered = (value: unknown, keys: readonly string[]): unknown =>
  isObject(value)
    ? Object.fromEntries([
        ...keys.filter((key) => key in value).map((key) => [key, value[key]]),
        ...Object.entries(value).filter(([key]) => !keys.includes(key)),
      ])
    : value;

const bodyOf = (payload: unknown): string => {
  const top = ordered(payload, ['id', 'type', 'createdAt', 'data']);
  const dataKeys = ['engagementId', 'documentId', 'document', 'before', 'after', 'details'];
  return JSON.stringify(
    isObject(top) && isObject(top.data) ? { ...top, data: ordered(top.data, dataKeys) } : top,
  );
};

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" under the endpoint's secret>` (docs/webhooks.md). */
export const signatureHeader = (deps: Pick<Deps, 'secrets'>, secret: string, at: Date, body: string) => {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${deps.secrets.hmacSha256(secret, `${t}.${body}`)}`;
};

/** `final`: the delivery is failed now, whatever attempts the queue has left (a refused target). */
type Attempt = { delivered: boolean; statusCode: number | null; error: string | null; final?: boolean };

const attemptDelivery = async (
  deps: Deps,
  delivery: WebhookDelivery,
  endpoint: { url: string; secret: string },
): Promise<Attempt> => {
  const body = bodyOf(delivery.payload);
  const headers = {
    'Lettrine-Signature': signatureHeader(deps, endpoint.secret, deps.clock.now(), body),
    'Lettrine-Event': delivery.eventType,
    'Lettrine-Delivery': delivery.id,
  };
  const sent = await deps.webhookSender.post(endpoint.url, { body, headers });
  // Only the status and fixed words are kept: the receiver's answer is neither read nor stored.
  if (sent.outcome === 'refused') {
    return { delivered: false, statusCode: null, error: `Envoi refusé : ${sent.reason}.`, final: true };
  }
  if (sent.outcome === 'unreachable') {
    return { delivered: false, statusCode: null, error: `Destinataire injoignable : ${sent.reason}` };
  }
  const { status } = sent;
  if (status >= 200 && status < 300) return { delivered: true, statusCode: status, error: null };
  const redirect = status >= 300 && status < 400 ? ' (redirection non suivie)' : '';
  return { delivered: false, statusCode: status, error: `Le destinataire a répondu ${status}${redirect}.` };
};

/**
 * Writes one attempt in its own short transaction, from the row as it is now: a concurrent run of
 * the same job (the queue delivers at least once) neither loses an attempt nor undoes a success.
 */
const recordAttempt = (
  deps: Deps,
  input: { firmId: string; deliveryId: string },
  attempt: Attempt & { counts: boolean; final: boolean },
) =>
  deps.store.transaction(input.firmId, async (scope) => {
    const current = await scope.webhooks.findDelivery(input.deliveryId);
    if (!current) return;
    const attempts = current.attempts + (attempt.counts ? 1 : 0);
    // Delivered by a concurrent run meanwhile: this attempt changes nothing but the count.
    if (current.status === 'delivered') return scope.webhooks.updateDelivery(input.deliveryId, { attempts });
    const at = deps.clock.now();
    await scope.webhooks.updateDelivery(input.deliveryId, {
      status: attempt.delivered ? 'delivered' : attempt.final ? 'failed' : 'pending',
      attempts,
      lastStatusCode: attempt.statusCode,
      lastError: attempt.error,
      ...(attempt.counts ? { lastAttemptAt: at } : {}),
      ...(attempt.delivered ? { deliveredAt: at } : {}),
    });
  });

/**
 * The `webhook.deliver` job: posts the delivery's event, signed, to its endpoint, outside any
 * transaction (a receiver may take the sender's whole timeout, 5 s by default). A failure is
 * recorded, then thrown so that the queue tries again later; on the queue's last try (`retry.final`)
 * the delivery is marked failed and nothing is thrown, and so it is at once when the sender refuses
 * the target (a name that resolves to a private address: trying again would change nothing). A
 * delivery no longer pending (delivered, failed) is left alone.
 */
export const deliverWebhook = async (
  deps: Deps,
  input: { firmId: string; deliveryId: string },
  retry: { final: boolean },
): Promise<void> => {
  const webhooks = deps.store.read(input.firmId).webhooks;
  const delivery = await webhooks.findDelivery(input.deliveryId);
  if (delivery?.status !== 'pending') return;
  const endpoint = await webhooks.findEndpoint(delivery.endpointId);
  const secret = endpoint?.isActive ? await webhooks.findSecret(delivery.endpointId) : undefined;
  if (!endpoint || secret === undefined) {
    const error = endpoint
      ? 'Webhook désactivé : l’envoi est abandonné. Réactivez-le puis rejouez la livraison.'
      : 'Webhook supprimé : l’envoi est abandonné.';
    await recordAttempt(deps, input, {
      delivered: false,
      statusCode: null,
      error,
      counts: false,
      final: true,
    });
    return;
  }
  const attempt = await attemptDelivery(deps, delivery, { url: endpoint.url, secret });
  const final = retry.final || attempt.final === true;
  await recordAttempt(deps, input, { ...attempt, counts: true, final });
  if (!attempt.delivered && !final) {
    throw new Error(`Livraison de webhook ${delivery.id} en échec : ${attempt.error}`);
  }
};
