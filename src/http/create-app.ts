import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Deps } from '../application/ports/index.ts';
import { authRoutes } from './auth.routes.ts';
import { guardAccess, resolveActor } from './auth-hook.ts';
import { campaignRoutes } from './campaigns.routes.ts';
import { refuseCrossSiteWrites } from './cross-origin.ts';
import { documentFileRoutes } from './document-files.routes.ts';
import { documentRoutes } from './documents.routes.ts';
import { engagementRoutes } from './engagements.routes.ts';
import { firmRoutes } from './firm.routes.ts';
import { healthRoutes, type Readiness } from './health.routes.ts';
import { homePage } from './home-page.ts';
import { idempotencyHooks } from './idempotency.ts';
import { refuseDuplicateKeys } from './json-body.ts';
import { errorHandler, sendProblem } from './problem.ts';
import { serviceRoutes } from './services.routes.ts';
import { signingRoutes } from './signing.routes.ts';
import { signingAdminRoutes } from './signing-admin.routes.ts';
import { termsRoutes } from './terms.routes.ts';
import { userRoutes } from './users.routes.ts';
import { hasWebBuild, webApp } from './web-app.ts';
import { webhookRoutes } from './webhooks.routes.ts';

export type AppOptions = {
  logger?: FastifyServerOptions['logger'];
  secureCookies?: boolean;
  /** Login attempts allowed per address and e-mail in one minute (10 by default). */
  loginAttemptsPerMinute?: number;
  /** Behind a reverse proxy: the client's address is read from X-Forwarded-For (signing evidence). */
  trustProxy?: boolean;
  /** The checks behind /readyz: the database, its migrations, the job queue. */
  readiness?: Readiness;
};

/** A signing link's token never reaches the logs: it is a signer's key to their document. */
export const redactTokens = (url: string): string =>
  url.replace(/\/(signer|signing)\/[^/?#]+/g, '/$1/[jeton]');

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
    trustProxy: options.trustProxy ?? false,
    bodyLimit: 8 * 1024 * 1024,
    // The router's own refusals (an id too long, a bad %-escape) are problems of ours too.
    frameworkErrors: errorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((request, reply) => sendProblem(reply, request, 'REQUEST.ROUTE_NOT_FOUND'));
  refuseDuplicateKeys(app);

  await app.register(cookie);
  await app.register(rateLimit, { global: false, hook: 'preHandler' });
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
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, () => app.swagger());
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
  app.decorateRequest('actor', null);
  await app.register(
    async (api) => {
      api.addHook('onRequest', refuseCrossSiteWrites(deps.settings.publicUrl));
      api.addHook('onRequest', resolveActor(deps));
      api.addHook('preValidation', guardAccess);
      const idempotency = idempotencyHooks(deps);
      api.addHook('preHandler', idempotency.preHandler);
      api.addHook('onSend', idempotency.onSend);
      await api.register(
        authRoutes(deps, {
          secureCookies: options.secureCookies ?? false,
          loginAttemptsPerMinute: options.loginAttemptsPerMinute ?? 10,
        }),
      );
      await api.register(engagementRoutes(deps));
      await api.register(documentRoutes(deps));
      await api.register(documentFileRoutes(deps));
      await api.register(firmRoutes(deps));
      await api.register(userRoutes(deps));
      await api.register(serviceRoutes(deps));
      await api.register(termsRoutes(deps));
      await api.register(webhookRoutes(deps));
      await api.register(campaignRoutes(deps));
      await api.register(signingAdminRoutes(deps));
    },
    { prefix: '/api/v1' },
  );
  // Signers and verifiers have no account: their routes sit outside the session hooks.
  await app.register(signingRoutes(deps), { prefix: '/api/v1/public' });
  return app;
};

export type App = Awaited<ReturnType<typeof createApp>>;
