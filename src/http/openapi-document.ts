import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

type Encoded = { identity: string; br: Buffer; gzip: Buffer };

/**
 * /openapi.json, compressed once: the description of the API is some hundreds of kilobytes of JSON
 * the web app reads on its pages (which routes the server offers), and it does not change while the
 * process lives. It is sent in brotli or gzip when the client takes them (a tenth of its size), as
 * is, otherwise.
 */
export const openApiDocument = (specOf: () => unknown) => {
  let encoded: Encoded | undefined;
  const encodings = (): Encoded => {
    if (!encoded) {
      const identity = JSON.stringify(specOf());
      encoded = {
        identity,
        br: brotliCompressSync(identity, {
          params: { [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT },
        }),
        gzip: gzipSync(identity),
      };
    }
    return encoded;
  };
  return (request: FastifyRequest, reply: FastifyReply) => {
    const accepted = String(request.headers['accept-encoding'] ?? '')
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, quality]) => quality?.trim() !== 'q=0')
      .map(([name]) => name?.trim().toLowerCase());
    const body = encodings();
    reply.header('vary', 'accept-encoding').type('application/json; charset=utf-8');
    if (accepted.includes('br')) return reply.header('content-encoding', 'br').send(body.br);
    if (accepted.includes('gzip')) return reply.header('content-encoding', 'gzip').send(body.gzip);
    return reply.send(body.identity);
  };
};
