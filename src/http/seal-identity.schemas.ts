import { z } from 'zod';
import { frenchObject, instantOut } from './fields.schemas.ts';

/** The firm's PKCS#12 travels as base64 in JSON, like its logo; 100 kB decoded covers a long chain. */
export const sealImportBody = frenchObject({
  base64: z
    .string({ error: 'Contenu base64 attendu.' })
    .min(1, { error: 'Le fichier est vide.' })
    .max(140_000, { error: 'Le fichier dépasse 100 ko : ce n’est pas un certificat de cachet.' })
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, { error: 'Fichier invalide : contenu base64 attendu.' })
    .meta({ description: 'Le fichier .p12 ou .pfx (certificat du cabinet, sa clé et sa chaîne), en base64' }),
  password: z
    .string({ error: 'Mot de passe attendu (chaîne vide s’il n’y en a pas).' })
    .max(500, { error: 'Mot de passe trop long.' })
    .meta({ description: 'Le mot de passe donné à l’export du fichier; jamais conservé' }),
});

export const sealIdentityOut = z
  .object({
    source: z.enum(['self_signed', 'imported', 'installation']).meta({
      description:
        'self_signed : cachet du cabinet (certificat auto-signé fait par Lettrine) ; imported : certificat du cabinet importé par un associé ; installation : certificat de l’installation (SEAL_P12_PATH)',
    }),
    subject: z
      .string()
      .meta({ example: 'CN=Cabinet Dupré, organizationIdentifier=NTRFR-552100554, O=Cabinet Dupré, C=FR' }),
    issuer: z.string(),
    commonName: z.string(),
    organizationIdentifier: z.string().nullable(),
    country: z.string().nullable(),
    fingerprintSha256: z
      .string()
      .meta({ description: 'SHA-256 du certificat, en hexadécimal séparé par « : »' }),
    notBefore: instantOut,
    notAfter: instantOut,
    selfSigned: z.boolean(),
    chainLength: z.number().int().meta({ description: 'Certificats d’autorité portés avec celui du cachet' }),
    since: instantOut.nullable().meta({ description: 'Depuis quand ce cachet est celui du cabinet' }),
    warnings: z.array(z.enum(['KEY_USAGE_MISSING', 'SELF_SIGNED'])).meta({
      description:
        'Réserves sur un certificat importé : KEY_USAGE_MISSING (ni signature numérique ni non-répudiation), SELF_SIGNED (émis par le cabinet lui-même)',
    }),
  })
  .meta({ id: 'SealIdentity' });
