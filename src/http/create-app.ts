import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { InstallationInput } from '../application/firms/installation-setup.ts';
import type { StarterKit } from '../application/firms/provision-firm.ts';
import type { Deps, RequestContext } from '../application/ports/index.ts';
import { authRoutes } from './auth.routes.ts';
import { guardAccess, requireActor, resolveActor } from './auth-hook.ts';
import { billingRoutes } from './billing.routes.ts';
import { campaignRoutes } from './campaigns.routes.ts';
import { refuseCrossSiteWrites } from './cross-origin.ts';
import { documentFileRoutes } from './document-files.routes.ts';
import { documentRoutes } from './documents.routes.ts';
import { engagementRoutes } from './engagements.routes.ts';
import { firmRoutes } from './firm.routes.ts';
import { healthRoutes, type Readiness } from './health.routes.ts';
import { homePage } from './home-page.ts';
import { idempotencyHooks } from './idempotency.ts';
import { installationRoutes } from './installation.routes.ts';
import { refuseDuplicateKeys } from './json-body.ts';
import { notificationRoutes } from './notifications.routes.ts';
import { errorHandler, sendProblem } from './problem.ts';
import { carryRequestId, requestIdOptions } from './request-id.ts';
import { securityHeaders } from './security-headers.ts';
import { serviceRoutes } from './services.routes.ts';
import { sharedRateLimitStore } from './shared-rate-limit.ts';
import { signingRoutes } from './signing.routes.ts';
import { signingAdminRoutes } from './signing-admin.routes.ts';
import { termsRoutes } from './terms.routes.ts';
import { userRoutes } from './users.routes.ts';
import { vigilanceRoutes } from './vigilance.routes.ts';
import { hasWebBuild, webApp } from './web-app.ts';
import { webhookRoutes } from './webhooks.routes.ts';

export type AppOptions = {
  logger?: FastifyServerOptions['logger'];
  secureCookies?: boolean;
  /**
   * Behind reverse proxies, which hops of X-Forwarded-For are theirs: a number of hops counted from
   * the server, or their addresses and ranges. None by default: the socket's address is the
   * client's. Every reader of the client's address (limits, signing evidence, history, logs) reads
   * `request.ip`, which this setting resolves; never the header itself.
   */
  trustProxy?: false | number | readonly string[];
  /** Production: HSTS and upgrade-insecure-requests; /docs and /openapi.json need a login. */
  production?: boolean;
  /** In production, leaves /docs and /openapi.json open to anyone (API_DOCS_PUBLIC). */
  apiDocsPublic?: boolean;
  /** The checks behind /readyz: the database, its migrations, the job queue. */
  readiness?: Readiness;
  /** What a firm created by the installation link starts from: terms, and the catalogue if asked. */
  starterKit?: (choice: InstallationInput['catalogue'], firmEmail: string) => StarterKit;
  /**
   * The request limits (the public signing routes) counted in the database, shared by every server
   * on it, as `lettrine start` does. Off, each app counts in its memory (tests that build many apps
   * on one database).
   */
  sharedRateLimits?: boolean;
  /**
   * Each request runs under its id (request-id.ts), which the store writes into the jobs it queues:
   * the same context the store and the job queue were given.
   */
  requestContext?: RequestContext;
};

/** A signing link's token never reaches the logs: it is a signer's key to their document. */
export const redactTokens = (url: string): string =>
  url.replace(/\/(signer|signing)\/[^/?#]+/g, '/$1/[jeton]');

/**
 * Fastify ignores a bare hop count (it cannot check the peer): n hops become "the n nearest hops are
 * proxies", the socket's peer first, so the address read is the one the farthest proxy saw.
 */
const trustProxyOf = (setting: AppOptions['trustProxy']) => {
  if (typeof setting === 'number') return (_address: string, hop: number) => hop < setting;
  return setting ? [...setting] : false;
};

/** A route only a signed-in user (session or API token) may read. */
const loginRequired = (deps: Deps) => {
  const resolve = resolveActor(deps);
  return async (request: FastifyRequest, reply: FastifyReply) => {
    await resolve(request, reply);
    requireActor(request);
  };
};

/** The HTTP application: a factory with no globals, so tests build as many as they like. */
export const createApp = async (deps: Deps, options: AppOptions = {}) => {
  const app = Fastify({
    logger: options.logger
      ? {
          ...(typeof options.logger === 'object' ? options.logger : {}),
          serializers: {
            req: (request: { method: string; url: string; ip?: string }) => ({
              method: request.method,
              url: redactTokens(request.url),
              remoteAddress: request.ip,
            }),
          },
        }
      : false,
    trustProxy: trustProxyOf(options.trustProxy),
    ...requestIdOptions(),
    bodyLimit: 8 * 1024 * 1024,
    // The router's own refusals (an id too long, a bad %-escape) are problems of ours too.
    frameworkErrors: errorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((request, reply) => sendProblem(reply, request, 'REQUEST.ROUTE_NOT_FOUND'));
  refuseDuplicateKeys(app);
  carryRequestId(app, options.requestContext);

  await securityHeaders(app, { production: options.production ?? false });
  await app.register(cookie);
  app.decorateRequest('actor', null);
  await app.register(rateLimit, {
    global: false,
    hook: 'preHandler',
    ...(options.sharedRateLimits ? { store: sharedRateLimitStore(deps) } : {}),
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Lettrine API',
        description:
          'API du back-office Lettrine. Montants en centimes entiers, dates AAAA-MM-JJ, erreurs application/problem+json avec un code stable.',
        version: '1.0.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'lettrine_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
  });
  // In production the API's description is for the firm's users, unless the operator opens it.
  const docsHooks = options.production && !options.apiDocsPublic ? { onRequest: loginRequired(deps) } : {};
  await app.register(swaggerUi, { routePrefix: '/docs', uiHooks: docsHooks });
  app.get('/openapi.json', { schema: { hide: true }, ...docsHooks }, () => app.swagger());
  if (hasWebBuild()) await app.register(webApp());
  else
    app.get('/', { schema: { hide: true } }, (_request, reply) =>
      reply.type('text/html; charset=utf-8').send(homePage()),
    );

  await app.register(
    healthRoutes(
      options.readiness ??
        (async () => [{ name: 'jobs', ok: false, detail: 'aucune vérification fournie à ce serveur' }]),
    ),
  );
  await app.register(
    async (api) => {
      api.addHook('onRequest', refuseCrossSiteWrites(deps.settings.publicUrl));
      api.addHook('onRequest', resolveActor(deps));
      api.addHook('preValidation', guardAccess);
      const idempotency = idempotencyHooks(deps);
      api.addHook('preHandler', idempotency.preHandler);
      api.addHook('onSend', idempotency.onSend);
      await api.register(authRoutes(deps, { secureCookies: options.secureCookies ?? false }));
      await api.register(engagementRoutes(deps));
      await api.register(documentRoutes(deps));
      await api.register(documentFileRoutes(deps));
      await api.register(firmRoutes(deps));
      await api.register(userRoutes(deps));
      await api.register(serviceRoutes(deps));
      await api.register(termsRoutes(deps));
      await api.register(webhookRoutes(deps));
      await api.register(campaignRoutes(deps));
      await api.register(billingRoutes(deps));
      await api.register(vigilanceRoutes(deps));
      await api.register(signingAdminRoutes(deps));
      await api.register(notificationRoutes(deps));
    },
    { prefix: '/api/v1' },
  );
  // Signers and verifiers have no account: their routes sit outside the session hooks.
  await app.register(signingRoutes(deps), { prefix: '/api/v1/public' });
  await app.register(installationRoutes(deps, options.starterKit ?? (() => ({ services: [], terms: [] }))), {
    prefix: '/api/v1/public',
  });
  return app;
};

export type App = Awaited<ReturnType<typeof createApp>>;
