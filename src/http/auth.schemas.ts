import { z } from 'zod';
import { API_TOKEN_DAYS, ROLES, TOKEN_SCOPES } from '../application/records.ts';
import { emailField, frenchObject, instantOut, text } from './fields.schemas.ts';
import { newPasswordField } from './users.schemas.ts';

export const loginBody = z.strictObject({
  email: z.email({ error: 'Adresse e-mail invalide.' }),
  password: z.string().min(1).max(200),
  firm: z.string().max(100).optional(),
});

export const changePasswordBody = frenchObject({
  currentPassword: z
    .string({ error: 'Mot de passe actuel attendu.' })
    .min(1, { error: 'Mot de passe actuel attendu.' })
    .max(200, { error: 'Mot de passe trop long : 200 caractères au plus.' }),
  newPassword: newPasswordField,
});

/** « Mot de passe oublié ? »: the e-mail, and the firm's slug when the e-mail is used in several. */
export const passwordResetRequestBody = frenchObject({
  email: emailField,
  firm: z.string().max(100).optional(),
});

/** The same answer whether an account has the e-mail or not. */
export const passwordResetRequestedOut = z.object({
  message: z.string().meta({ description: 'Le même texte, qu’un compte ait cette adresse ou non' }),
});

export const passwordResetConfirmBody = frenchObject({
  token: z
    .string({ error: 'Jeton du lien attendu.' })
    .min(20, { error: 'Jeton du lien incomplet : recopiez le lien entier du courriel.' })
    .max(200, { error: 'Jeton du lien invalide.' }),
  newPassword: newPasswordField,
});

export const createApiTokenBody = frenchObject({
  name: text(100),
  scopes: z
    .array(z.enum(TOKEN_SCOPES, { error: 'Portée inconnue : read, write ou admin.' }), {
      error: 'Liste de portées attendue, par exemple ["read"].',
    })
    .min(1, { error: 'Au moins une portée : read, write ou admin.' })
    .max(TOKEN_SCOPES.length)
    .optional()
    .meta({
      description:
        'read : lire ; write : lire et modifier ; admin : aussi gérer les jetons et les utilisateurs. Par défaut ["read", "write"].',
    }),
  expiresInDays: z
    .number({ error: 'Nombre de jours attendu.' })
    .int({ error: 'Nombre entier de jours attendu.' })
    .min(1, { error: 'Un jour au moins.' })
    .max(API_TOKEN_DAYS.max, { error: `Un an au plus : ${API_TOKEN_DAYS.max} jours.` })
    .optional()
    .meta({
      description: `Durée de vie en jours (${API_TOKEN_DAYS.default} par défaut, ${API_TOKEN_DAYS.max} au plus)`,
    }),
});

/** The signed-in user, described the same way by the login and by GET /auth/me. */
export const sessionUserOut = z.object({
  id: z.uuid(),
  firmId: z.uuid(),
  name: z.string(),
  role: z.enum(ROLES),
});

/** A session opened by the login: who, and until when (the cookie carries the token). */
export const sessionOut = z.object({ user: sessionUserOut, expiresAt: instantOut });

export const apiTokenOut = z.object({
  id: z.uuid(),
  userId: z.uuid().meta({ description: 'L’utilisateur au nom duquel le jeton agit' }),
  name: z.string(),
  scopes: z.array(z.enum(TOKEN_SCOPES)).meta({ description: 'Ce que le jeton peut faire' }),
  expiresAt: instantOut.meta({ description: 'Après cet instant, le jeton est refusé' }),
  createdAt: instantOut,
  lastUsedAt: instantOut.nullable(),
});

/** Only the answer to the creation carries the token: it is never shown again. */
export const createdApiTokenOut = apiTokenOut.extend({
  token: z.string().meta({ description: 'Le jeton (lt_…), affiché une seule fois' }),
});
