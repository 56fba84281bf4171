import { z } from 'zod';
import { FORMS_OF_ADDRESS, ROLES } from '../application/records.ts';
import {
  clearableText,
  emailField,
  flag,
  frenchObject,
  instantOut,
  oneOf,
  text,
  versionField,
} from './fields.schemas.ts';

/** How the user signs for the firm (issue 14, item 7): the agreement and, if not the default, the capacity. */
const signingFields = {
  formOfAddress: oneOf(FORMS_OF_ADDRESS).nullable().optional(),
  signatoryCapacity: clearableText(200),
};

/** A new password: 10 characters at least (the length makes it strong, not the character classes). */
export const newPasswordField = z
  .string({ error: 'Mot de passe attendu.' })
  .min(10, { error: 'Mot de passe trop court : 10 caractères au moins.' })
  .max(200, { error: 'Mot de passe trop long : 200 caractères au plus.' });

export const createUserBody = frenchObject({
  email: emailField,
  name: text(200),
  role: oneOf(ROLES),
  /** Without it, the user is invited by mail to choose their own (a link valid three days). */
  password: newPasswordField.optional(),
  ...signingFields,
});

export const resetPasswordBody = frenchObject({ newPassword: newPasswordField });

export const updateUserBody = frenchObject({
  version: versionField,
  name: text(200).optional(),
  role: oneOf(ROLES).optional(),
  isActive: flag.optional(),
  ...signingFields,
});

/** A user as the API shows it: the serializer keeps only these fields, never a password hash. */
export const userOut = z.object({
  id: z.uuid(),
  firmId: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  isActive: z.boolean(),
  formOfAddress: z.enum(FORMS_OF_ADDRESS).nullable(),
  signatoryCapacity: z
    .string()
    .nullable()
    .meta({ description: 'La qualité saisie ; null : celle déduite du rôle' }),
  capacity: z.string().meta({
    description: 'La qualité imprimée sous le nom du signataire (« Experte-comptable associée »)',
  }),
  version: z.number().int(),
  createdAt: instantOut,
});
