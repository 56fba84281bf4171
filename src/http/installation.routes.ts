import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type InstallationInput, setUpInstallation } from '../application/firms/installation-setup.ts';
import type { StarterKit } from '../application/firms/provision-firm.ts';
import type { Deps } from '../application/ports/index.ts';
import { emailField, frenchObject } from './fields.schemas.ts';
import { newPasswordField } from './users.schemas.ts';

const optionalText = (max: number) => z.string().trim().min(1).max(max).optional();

export const installationBody = frenchObject({
  token: z
    .string({ error: 'Jeton du lien d’installation attendu.' })
    .min(20, { error: 'Jeton incomplet : recopiez le lien entier affiché par le serveur.' })
    .max(200),
  firm: frenchObject({
    name: z.string({ error: 'Nom du cabinet attendu.' }).trim().min(2).max(200),
    siren: z.string({ error: 'SIREN attendu.' }).trim().min(9).max(11),
    legalForm: optionalText(200),
    addressLine1: optionalText(200),
    postalCode: z
      .string()
      .trim()
      .regex(/^\d{5}$/, { error: 'Code postal à 5 chiffres attendu.' })
      .optional(),
    city: optionalText(100),
    email: emailField.optional(),
  }),
  associe: frenchObject({
    name: z.string({ error: 'Nom de l’associé attendu.' }).trim().min(2).max(200),
    email: emailField,
    password: newPasswordField,
  }),
  catalogue: z.enum(['vide', 'standard'], { error: 'Catalogue « vide » ou « standard » attendu.' }),
});

const installedOut = z.object({ firmSlug: z.string(), associeEmail: z.string() });

/**
 * « Créer votre cabinet »: the one route that creates a firm, open to whoever holds the setup link
 * the first start of an empty installation printed.
 */
export const installationRoutes =
  (
    deps: Deps,
    starterKitOf: (choice: InstallationInput['catalogue'], firmEmail: string) => StarterKit,
  ): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/installation',
      {
        schema: {
          tags: ['Installation'],
          summary: 'Créer le premier cabinet d’une installation, avec le lien affiché au démarrage',
          body: installationBody,
          response: { 201: installedOut },
        },
      },
      async (request, reply) => {
        const created = await setUpInstallation(deps, request.body, starterKitOf);
        return reply.code(201).send({ firmSlug: created.firmSlug, associeEmail: created.associeEmail });
      },
    );
  };
