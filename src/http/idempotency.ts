import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../application/app-error.ts';
import type { Deps } from '../application/ports.ts';
import { requireActor } from './auth-hook.ts';

/** A first attempt still pending after this long died with its process: a retry takes over. */
const ABANDONED_AFTER_MS = 2 * 60 * 1000;

/**
 * A create request carrying an Idempotency-Key runs once: a repeat with the same body gets the
 * stored response, another body gets 422, a repeat while the first still runs gets 409. A failed
 * first attempt releases the key so that the client may retry.
 */
export const idempotent =
  <T>(deps: Deps, status: number, handler: (request: FastifyRequest) => Promise<T>) =>
  async (request: FastifyRequest, reply: FastifyReply) => {
    const key = request.headers['idempotency-key'];
    if (typeof key !== 'string' || key.length === 0) return reply.status(status).send(await handler(request));
    const actor = requireActor(request);
    if (key.length > 200)
      throw new AppError('REQUEST.VALIDATION_FAILED', { fields: [{ field: 'Idempotency-Key' }] });
    const requestHash = createHash('sha256')
      .update(
        `${request.method} ${request.routeOptions.url} ${JSON.stringify(request.params)} ${JSON.stringify(request.body)}`,
      )
      .digest('hex');
    const store = deps.store.read(actor.firmId).idempotency;
    const scopedKey = `${actor.userId}:${key}`;
    const now = deps.clock.now();
    const claim = await store.claim(scopedKey, requestHash, {
      now,
      abandonedBefore: new Date(now.getTime() - ABANDONED_AFTER_MS),
    });
    if (claim.state !== 'new' && claim.requestHash !== requestHash)
      throw new AppError('IDEMPOTENCY.KEY_REUSED');
    if (claim.state === 'pending') throw new AppError('IDEMPOTENCY.IN_PROGRESS');
    if (claim.state === 'done') {
      return reply.status(claim.statusCode).header('idempotent-replayed', 'true').send(claim.response);
    }
    let result: T;
    try {
      result = await handler(request);
    } catch (error) {
      await store.release(scopedKey);
      throw error;
    }
    // Once the use case has committed, the key is never released: if storing the answer fails,
    // the key stays pending and a retry waits (409) rather than creating a second time.
    await store.complete(scopedKey, status, JSON.parse(JSON.stringify(result)));
    return reply.status(status).send(result);
  };
