import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../application/app-error.ts';
import type { Deps } from '../application/ports/index.ts';
import { requireActor } from './auth-hook.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A create route: an Idempotency-Key makes a repeated request answer once. */
    idempotent?: boolean;
  }
  interface FastifyRequest {
    idempotencyKey?: { scoped: string; firmId: string } | 'replayed' | 'settled';
  }
}

/** A first attempt still pending after this long died with its process: a retry takes over. */
const ABANDONED_AFTER_MS = 2 * 60 * 1000;

const requestHashOf = (request: FastifyRequest) =>
  createHash('sha256')
    .update(
      `${request.method} ${request.routeOptions.url} ${JSON.stringify(request.params)} ${JSON.stringify(request.body)}`,
    )
    .digest('hex');

/**
 * A create request carrying an Idempotency-Key runs once: a repeat with the same body gets the
 * stored answer, another body gets 422, a repeat while the first still runs gets 409. The claim is
 * taken before the handler (preHandler) and settled with the answer (onSend), so the routes keep
 * their ordinary, typed handlers and only say `config: { idempotent: true }`.
 */
export const idempotencyHooks = (deps: Deps) => ({
  preHandler: async (request: FastifyRequest, reply: FastifyReply) => {
    const key = request.headers['idempotency-key'];
    if (!request.routeOptions.config.idempotent || typeof key !== 'string' || key.length === 0) return;
    if (key.length > 200) {
      throw new AppError('REQUEST.VALIDATION_FAILED', {
        fields: [
          { field: 'Idempotency-Key', message: 'Clé d’idempotence trop longue : 200 caractères au plus.' },
        ],
      });
    }
    const actor = requireActor(request);
    const scoped = `${actor.userId}:${key}`;
    const requestHash = requestHashOf(request);
    const now = deps.clock.now();
    const claim = await deps.store.read(actor.firmId).idempotency.claim(scoped, requestHash, {
      now,
      abandonedBefore: new Date(now.getTime() - ABANDONED_AFTER_MS),
    });
    if (claim.state !== 'new' && claim.requestHash !== requestHash)
      throw new AppError('IDEMPOTENCY.KEY_REUSED');
    if (claim.state === 'pending') throw new AppError('IDEMPOTENCY.IN_PROGRESS');
    if (claim.state === 'done') {
      request.idempotencyKey = 'replayed';
      return reply.status(claim.statusCode).header('idempotent-replayed', 'true').send(claim.response);
    }
    request.idempotencyKey = { scoped, firmId: actor.firmId };
  },

  onSend: async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const claimed = request.idempotencyKey;
    if (typeof claimed !== 'object') return payload;
    // Settled once: an error below makes Fastify answer 500 and call this hook again.
    request.idempotencyKey = 'settled';
    const store = deps.store.read(claimed.firmId).idempotency;
    if (reply.statusCode >= 400) {
      // Refused or failed: nothing was created, the client may retry with the same key.
      await store.release(claimed.scoped);
      return payload;
    }
    // The use case has committed: the key is never released now. If storing the answer fails, the
    // key stays pending, and a retry gets 409 until the claim is taken over as abandoned.
    try {
      await store.complete(claimed.scoped, reply.statusCode, JSON.parse(String(payload)));
    } catch (error) {
      request.log.error({ err: error }, 'idempotency answer not stored');
    }
    return payload;
  },
});
