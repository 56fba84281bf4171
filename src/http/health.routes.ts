import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

export const READINESS_CHECKS = ['database', 'migrations', 'jobs'] as const;

export type ReadinessCheck = {
  name: (typeof READINESS_CHECKS)[number];
  ok: boolean;
  /** What an operator reads: French, with the figure that failed. */
  detail: string;
};

/** Runs the composition root's checks; the app knows neither the database nor the queue. */
export type Readiness = () => Promise<ReadinessCheck[]>;

/** A check that does not answer in time is a failed one: a load balancer must not wait on it. */
const CHECK_TIMEOUT_MS = 2_000;

const withinTime = (readiness: Readiness): Promise<ReadinessCheck[]> =>
  Promise.race([
    readiness(),
    new Promise<ReadinessCheck[]>((resolve) =>
      setTimeout(
        () =>
          resolve([
            { name: 'database', ok: false, detail: `pas de réponse en ${CHECK_TIMEOUT_MS / 1000} s` },
          ]),
        CHECK_TIMEOUT_MS,
      ).unref(),
    ),
  ]);

const checksOut = z.array(z.object({ name: z.enum(READINESS_CHECKS), ok: z.boolean(), detail: z.string() }));
const readyOut = z.object({ status: z.enum(['ready', 'not_ready']), checks: checksOut });

/**
 * For the load balancer and the orchestrator, outside the API and its sessions: /healthz says the
 * process answers (restart it if not), /readyz that it can serve (send it traffic, or not yet).
 */
export const healthRoutes =
  (readiness: Readiness): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['Exploitation'];
    app.get(
      '/healthz',
      {
        schema: {
          tags,
          summary: 'Le processus répond',
          response: { 200: z.object({ status: z.literal('ok') }) },
        },
      },
      (_request, reply) => {
        reply.header('cache-control', 'no-store');
        return { status: 'ok' as const };
      },
    );
    app.get(
      '/readyz',
      {
        schema: {
          tags,
          summary: 'Prêt à servir : base joignable, migrations appliquées, tâches de fond lancées',
          response: { 200: readyOut, 503: readyOut },
        },
      },
      async (_request, reply) => {
        const checks = await withinTime(readiness).catch((error: Error) => [
          { name: 'database' as const, ok: false, detail: error.message },
        ]);
        const ready = checks.every((check) => check.ok);
        reply.header('cache-control', 'no-store');
        return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not_ready', checks });
      },
    );
  };
