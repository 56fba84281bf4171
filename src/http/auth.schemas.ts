import { z } from 'zod';
import { ROLES } from '../application/records.ts';
import { frenchObject, instantOut, text } from './fields.schemas.ts';
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

export const createApiTokenBody = z.strictObject({ name: text(100) });

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
  createdAt: instantOut,
  lastUsedAt: instantOut.nullable(),
});

/** Only the answer to the creation carries the token: it is never shown again. */
export const createdApiTokenOut = apiTokenOut.extend({
  token: z.string().meta({ description: 'Le jeton (lt_…), affiché une seule fois' }),
});
