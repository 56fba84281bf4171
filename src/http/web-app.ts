import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** Where `vite build` writes the web app (web/vite.config.ts). */
export const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

export const hasWebBuild = (dist = WEB_DIST): boolean => existsSync(join(dist, 'index.html'));

/**
 * The pages of the app (web/src/app.tsx), each answered with index.html so a bookmarked or reloaded
 * page opens the app. They are listed rather than caught by a wildcard: a wildcard would also catch
 * the API's malformed paths, which must keep their own problem answers.
 */
export const WEB_PAGES = [
  '/',
  '/login',
  '/engagements',
  '/engagements/:id',
  '/documents/:id',
  '/catalogue',
  '/terms',
  '/firm',
  '/users',
  '/courriels',
  '/campagnes',
  '/campagnes/:id',
  '/renouvellements',
  '/echeancier',
  '/honoraires',
  '/vigilance/revues',
  '/vigilance/correspondances',
  '/vigilance/purge',
  '/webhooks',
  // Public pages: a signer's personal link, and the verification of a PDF.
  '/signer/:token',
  '/verifier',
  // « Mot de passe oublié ? » and the page of its link (the token rides in the fragment).
  '/mot-de-passe-oublie',
  '/mot-de-passe/nouveau',
  // « Créer votre cabinet », the page of the link an empty installation prints at its start.
  '/installation',
] as const;

/** The web app: hashed assets cached for a year, index.html (never cached) for its pages. */
export const webApp = (dist = WEB_DIST) => {
  // Read on every request (a small file the OS caches): a rebuild while the server runs names new
  // assets, and a cached index.html would point at deleted ones.
  const index = () => readFileSync(join(dist, 'index.html'), 'utf8');
  return async (app: FastifyInstance) => {
    await app.register(fastifyStatic, {
      root: join(dist, 'assets'),
      prefix: '/assets/',
      immutable: true,
      maxAge: '365d',
      // The build writes .br and .gz beside each asset (web/build-if-stale.mjs).
      preCompressed: true,
      decorateReply: false,
    });
    const favicon = join(dist, 'favicon.svg');
    if (existsSync(favicon)) {
      const icon = readFileSync(favicon);
      app.get('/favicon.svg', { schema: { hide: true } }, (_request, reply) =>
        reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(icon),
      );
    }
    const sendIndex = (reply: FastifyReply, cacheControl: string) =>
      reply
        .type('text/html; charset=utf-8')
        .header('cache-control', cacheControl)
        // A signing link's token is in the address: no page the signer opens from it may receive it.
        .header('referrer-policy', 'no-referrer')
        .send(index());
    for (const page of WEB_PAGES) {
      // A signer's page is reached by a personal link: no cache, shared or not, keeps a copy of it.
      const cacheControl = page === '/signer/:token' ? 'no-store' : 'no-cache';
      app.get(page, { schema: { hide: true } }, (_request, reply) => sendIndex(reply, cacheControl));
    }
  };
};
