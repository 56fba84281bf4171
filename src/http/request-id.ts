import { randomUUID } from 'node:crypto';
import { type FastifyInstance, LogController } from 'fastify';
import { isRequestId, type RequestContext } from '../application/ports/index.ts';

/**
 * Every request has an id (issue 13): the one a proxy or a client sent in X-Request-Id when it is a
 * sane token (isRequestId), else a new UUID. It is `requestId` on each of the request's log lines,
 * it goes back in the X-Request-Id response header, and the jobs the request queues carry it.
 */
export const requestIdOptions = () => ({
  requestIdHeader: false as const,
  logController: new LogController({ requestIdLogLabel: 'requestId' }),
  genReqId: (request: { headers: Record<string, string | string[] | undefined> }) => {
    const header = request.headers['x-request-id'];
    return isRequestId(header) ? header : randomUUID();
  },
});

/**
 * Echoes the id and runs the rest of the request under it, so that the store reads it when a use
 * case queues a job. The first hook of all: Fastify runs the later hooks, the body's parsing (it
 * binds the parser's callbacks to the context it started in) and the handler inside `done`.
 */
export const carryRequestId = (app: FastifyInstance, context: RequestContext | undefined) => {
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    if (context) context.run(request.id, done);
    else done();
  });
};
