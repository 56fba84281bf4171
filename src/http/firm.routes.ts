import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getFirmLogo, removeFirmLogo, uploadFirmLogo } from '../application/firms/firm-logo.ts';
import { getFirmSettings, updateFirmSettings } from '../application/firms/firm-settings.ts';
import type { Deps } from '../application/ports/index.ts';
import {
  getSealIdentity,
  importSealIdentity,
  useSelfSignedSeal,
} from '../application/signing/seal-identities.ts';
import { requireActor } from './auth-hook.ts';
import { firmOut, logoBody, logoOut, updateFirmBody } from './firm.schemas.ts';
import { noContent } from './responses.schemas.ts';
import { sealIdentityOut, sealImportBody } from './seal-identity.schemas.ts';

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
    app.get(
      '/firm/seal-identity',
      {
        schema: {
          tags,
          summary: 'Lire le certificat qui scelle les exemplaires signés du cabinet',
          response: { 200: sealIdentityOut },
        },
      },
      (request) => getSealIdentity(deps, requireActor(request)),
    );
    app.put(
      '/firm/seal-identity',
      {
        schema: {
          tags,
          summary:
            'Importer le certificat du cabinet (PKCS#12 et son mot de passe) : il scelle dès lors ses exemplaires signés (associé)',
          body: sealImportBody,
          response: { 200: sealIdentityOut },
        },
      },
      (request) =>
        importSealIdentity(deps, requireActor(request), {
          bytes: new Uint8Array(Buffer.from(request.body.base64, 'base64')),
          password: request.body.password,
        }),
    );
    app.delete(
      '/firm/seal-identity',
      {
        schema: {
          tags,
          summary: 'Revenir au cachet auto-signé du cabinet : le certificat importé est effacé (associé)',
          response: { 200: sealIdentityOut },
        },
      },
      (request) => useSelfSignedSeal(deps, requireActor(request)),
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
