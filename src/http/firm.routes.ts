import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getFirmSettings, updateFirmSettings } from '../application/firms/firm-settings.ts';
import type { Deps } from '../application/ports.ts';
import { requireActor } from './auth-hook.ts';
import { firmOut, updateFirmBody } from './firm.schemas.ts';

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
  };
