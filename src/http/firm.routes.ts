import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getFirmLogo, removeFirmLogo, uploadFirmLogo } from '../application/firms/firm-logo.ts';
import { getFirmSettings, updateFirmSettings } from '../application/firms/firm-settings.ts';
import type { Deps } from '../application/ports/index.ts';
import { requireActor } from './auth-hook.ts';
import { firmOut, logoBody, logoOut, updateFirmBody } from './firm.schemas.ts';
import { noContent } from './responses.schemas.ts';

export const firmRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['Cabinet'];
    app.get(
      '/firm',
      { schema: { tags, summary: 'Lire l’identité du cabinet', response: { 200: firmOut } } },
      (request) => getFirmSettings(deps, requireActor(request)),
    );
    app.patch(
      '/firm',
      {
        schema: {
          tags,
          summary: 'Modifier l’identité du cabinet et le préfixe des codes clients (associé)',
          body: updateFirmBody,
          response: { 200: firmOut },
        },
      },
      (request) => {
        const { version, ...fields } = request.body;
        return updateFirmSettings(deps, requireActor(request), { version, fields });
      },
    );
    app.put(
      '/firm/logo',
      {
        schema: {
          tags,
          summary:
            'Déposer le logo du cabinet, imprimé sur ses documents (associé ; PNG ou JPEG, 1 Mo au plus)',
          body: logoBody,
          response: { 200: logoOut },
        },
      },
      (request) =>
        uploadFirmLogo(deps, requireActor(request), {
          contentType: request.body.contentType,
          bytes: new Uint8Array(Buffer.from(request.body.base64, 'base64')),
        }),
    );
    app.get(
      '/firm/logo',
      { schema: { tags, summary: 'Télécharger le logo du cabinet' } },
      async (request, reply) => {
        const logo = await getFirmLogo(deps, requireActor(request));
        return reply
          .type(logo.contentType)
          .header('cache-control', 'private, no-cache')
          .send(Buffer.from(logo.bytes));
      },
    );
    app.delete(
      '/firm/logo',
      {
        schema: {
          tags,
          summary: 'Retirer le logo du cabinet (associé)',
          response: { 204: noContent('Logo retiré') },
        },
      },
      async (request, reply) => {
        await removeFirmLogo(deps, requireActor(request));
        return reply.status(204).send();
      },
    );
  };
