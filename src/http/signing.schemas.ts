import { z } from 'zod';
import { DOCUMENT_KINDS, RECURRENCES } from '../domain/documents/kinds.ts';
import { flag, instantOut, isoDay, text } from './fields.schemas.ts';

export const tokenParam = z.object({
  token: z.string().min(1).max(200).meta({ description: 'Le jeton du lien personnel de signature' }),
});

const side = z.enum(['client', 'firm']);
const kind = z.enum(DOCUMENT_KINDS);

const publicFirm = z.object({
  name: z.string(),
  city: z.string().nullable(),
  accentColor: z.string().nullable(),
  hasLogo: z.boolean(),
});

export const signingViewOut = z.object({
  state: z.literal('open'),
  /** The sentence the signer ticks, word for word, with its version: the trail keeps both. */
  consent: z.object({ version: z.number().int(), text: z.string() }),
  firm: z.object({
    name: z.string(),
    city: z.string().nullable(),
    accentColor: z.string().nullable(),
    hasLogo: z.boolean(),
  }),
  document: z.object({
    kind,
    kindLabel: z.string(),
    number: z.string(),
    title: z.string(),
    sentAt: instantOut,
    deadline: instantOut.nullable(),
    totals: z.object({
      totalHtCents: z.number().int(),
      totalVatCents: z.number().int(),
      totalTtcCents: z.number().int(),
      annualRecurringHtCents: z.number().int(),
      oneOffHtCents: z.number().int(),
    }),
    /** The services and their prices, as sent: what the signer agrees to, not only its totals. */
    lines: z.array(
      z.object({
        operation: z.enum(['line', 'add', 'modify', 'remove']),
        label: z.string(),
        description: z.string().nullable(),
        recurrence: z.enum(RECURRENCES),
        quantity: z.string(),
        unitPriceCents: z.number().int(),
        amountHtCents: z.number().int().meta({ description: 'Montant HT de la ligne par période' }),
      }),
    ),
    /** The general terms attached to the document (null: none), to read before signing. */
    terms: z
      .object({ title: z.string(), version: z.number().int(), effectiveFrom: z.string(), body: z.string() })
      .nullable(),
  }),
  signer: z.object({
    name: z.string(),
    side,
    capacity: z.string().nullable(),
    maskedEmail: z.string(),
    maskedMobile: z.string().nullable().meta({
      description: 'Le mobile où le code part par SMS (« 06 •• •• •• 42 ») ; null : le code part par e-mail',
    }),
  }),
  code: z.object({
    sentAt: instantOut.nullable(),
    channel: z.enum(['email', 'sms']).nullable(),
    expiresAt: instantOut.nullable(),
    verified: z.boolean(),
    attemptsLeft: z.number().int(),
  }),
  signatories: z.array(z.object({ side, name: z.string().nullable(), hasSigned: z.boolean() })),
});
export type SigningView = z.infer<typeof signingViewOut>;

/** The link once its signer has signed (issue 15, item 7): the date, and the sealed copy's state. */
export const signedLinkViewOut = z.object({
  state: z.literal('signed'),
  firm: publicFirm,
  document: z.object({ kind, kindLabel: z.string(), number: z.string(), title: z.string() }),
  signer: z.object({ name: z.string(), side }),
  signedAt: instantOut,
  documentSignedAt: instantOut.nullable(),
  sealedCopy: z.enum(['ready', 'preparing', 'awaiting_signatures']).meta({
    description:
      'ready : à télécharger (GET …/signed-copy) ; preparing : en cours de scellement ; awaiting_signatures : une autre signature est attendue',
  }),
  accessUntil: instantOut.meta({ description: 'Fin de l’accès à l’exemplaire signé par ce lien' }),
});
export type SignedLinkView = z.infer<typeof signedLinkViewOut>;

export const linkViewOut = z.discriminatedUnion('state', [signingViewOut, signedLinkViewOut]);

export const codeSentOut = z.object({
  sentTo: z.string().meta({ description: 'L’adresse ou le mobile masqués où le code est parti' }),
  channel: z.enum(['email', 'sms']),
  expiresAt: instantOut,
});

/** The signer may ask for the code by e-mail (an SMS that did not arrive); by default the firm's choice. */
export const sendCodeBody = z
  .strictObject({
    channel: z
      .literal('email', { error: 'Seul « email » peut être demandé.' })
      .optional()
      .meta({ description: 'email : recevoir le code par e-mail plutôt que par SMS' }),
  })
  .nullish();

export const verifyCodeBody = z.strictObject({
  code: z
    .string({ error: 'Saisissez le code à six chiffres reçu par e-mail.' })
    .trim()
    .regex(/^\d{6}$/, { error: 'Le code comporte six chiffres.' }),
});

export const signBody = z.strictObject({
  consent: flag,
  typedName: text(200),
  drawingPngBase64: z
    .string()
    .max(300_000, {
      error: 'La signature dessinée est trop lourde : effacez-la et dessinez-la plus simplement.',
    })
    .nullish(),
});

export const refuseBody = z.strictObject({ reason: text(1000) });

export const codeVerifiedOut = z.object({ verified: z.boolean() });

export const signedOut = z.object({
  documentStatus: z.string(),
  signedSides: z.array(side),
});
export const refusedOut = z.object({ documentStatus: z.string() });

export const verificationBody = z.strictObject({
  sha256: z
    .string()
    .trim()
    .regex(/^[0-9a-fA-F]{64}$/, { error: 'Une empreinte SHA-256 compte 64 caractères hexadécimaux.' }),
});

/** The four verdicts of the verification page (issue 15, item 6). */
const verdict = z.enum(['intact', 'changed', 'damaged', 'unknown']).meta({
  description:
    'intact : le fichier est celui que le cabinet a scellé (ou la copie envoyée) ; changed : la version signée est intacte mais des modifications ont été ajoutées ensuite ; damaged : la signature ne vérifie plus ; unknown : aucun cachet Lettrine, ou un document inconnu.',
});

export const verificationOut = z.object({
  verdict,
  sha256: z.string(),
  /** Lettrine knows the document: it stored these bytes, or the version they start with. */
  known: z.boolean(),
  copy: z.enum(['sent', 'signed']).nullable(),
  firm: z.object({ name: z.string(), city: z.string().nullable() }).nullable(),
  document: z
    .object({
      kind,
      kindLabel: z.string(),
      number: z.string(),
      title: z.string(),
      status: z.string(),
      sentAt: instantOut.nullable(),
      signedAt: instantOut.nullable(),
    })
    .nullable(),
  signatures: z.array(
    z.object({
      side,
      name: z.string(),
      capacity: z.string().nullable(),
      method: z.enum(['paper', 'in_person', 'electronic']),
      signedOn: isoDay,
      signedAt: instantOut,
    }),
  ),
  seal: z
    .object({
      subject: z.string(),
      commonName: z.string().nullable(),
      organization: z.string().nullable(),
      sha256Fingerprint: z.string(),
      isFirmSeal: z.boolean().meta({ description: 'Le certificat est le cachet actuel du cabinet' }),
      signedAt: instantOut.nullable().meta({ description: 'L’heure de signature déclarée (/M)' }),
      timestamp: z
        .object({ at: instantOut, authority: z.string().nullable() })
        .nullable()
        .meta({ description: 'Un horodatage RFC 3161 vérifié de la signature' }),
      validationData: z.boolean(),
    })
    .nullable(),
  damage: z.enum(['content_changed', 'signature_invalid']).nullable(),
  changes: z.array(
    z.object({
      kind: z.string(),
      page: z.number().int().nullable(),
      subtype: z.string().nullable(),
      description: z.string().meta({ description: 'La modification, en français' }),
    }),
  ),
});
export type Verification = z.infer<typeof verificationOut>;
