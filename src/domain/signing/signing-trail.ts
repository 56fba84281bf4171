/**
 * The signature trail (issue 15, item 4): the steps of one signing transaction as recorded, in the
 * words the evidence page and the firm's document page print. Pure: the application records the
 * steps, this file says what each one means.
 */

export const SIGNING_EVENT_TYPES = [
  'invitation_sent',
  'link_opened',
  'code_sent',
  'code_failed',
  'code_verified',
  'link_locked',
  'consent_given',
  'document_viewed',
  'signed',
  'refused',
  'sealed',
  'signed_copy_downloaded',
] as const;
export type SigningEventType = (typeof SIGNING_EVENT_TYPES)[number];

export type TrailData = Readonly<Record<string, string | number | boolean | null>>;

/** One recorded step; `at` an ISO instant, `side` null for a step of the document (the seal). */
export type TrailEntry = {
  readonly type: SigningEventType;
  readonly at: string;
  readonly side: 'client' | 'firm' | null;
  readonly signerName: string | null;
  readonly ip: string | null;
  readonly userAgent: string | null;
  readonly data: TrailData;
};

/**
 * The sentence the signer ticks before signing, versioned: the trail keeps the version and the exact
 * words of the consent given, so a later change of wording never rewrites what a signer agreed to.
 */
export const CONSENT_WORDING = {
  version: 1,
  text: 'J’ai lu le document et j’accepte de le signer électroniquement',
} as const;

const str = (data: TrailData, key: string): string | null => {
  const value = data[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
};

const INVITATION_LABELS: Record<string, string> = {
  request: 'Invitation à signer envoyée',
  reminder: 'Relance envoyée',
  resend: 'Nouveau lien envoyé par le cabinet',
};

const CODE_CHANNELS: Record<string, string> = {
  email: 'par e-mail',
  sms: 'par SMS',
  outbox: 'par le cabinet',
};

const METHODS: Record<string, string> = {
  link: 'Document signé par lien personnel et code',
  product: 'Document signé dans Lettrine par l’associé connecté',
  paper: 'Signature sur papier enregistrée',
  in_person: 'Signature en présence enregistrée',
};

/** What one step says, in one line (« Code erroné saisi (4 essais restants) »). */
export const describeTrailEntry = (entry: TrailEntry): string => {
  const { data } = entry;
  const to = str(data, 'to');
  switch (entry.type) {
    case 'invitation_sent':
      return `${INVITATION_LABELS[str(data, 'mail') ?? 'request'] ?? 'Invitation à signer envoyée'}${to ? ` à ${to}` : ''}`;
    case 'link_opened':
      return 'Lien de signature ouvert';
    case 'code_sent':
      return `Code à usage unique envoyé ${CODE_CHANNELS[str(data, 'channel') ?? 'email'] ?? ''}${to ? ` (${to})` : ''}`.trim();
    case 'code_failed':
      return `Code erroné saisi${str(data, 'attemptsLeft') ? ` (${str(data, 'attemptsLeft')} essai(s) restant(s))` : ''}`;
    case 'code_verified':
      return 'Code vérifié';
    case 'link_locked':
      return 'Lien bloqué après trop de codes erronés';
    case 'consent_given':
      return `Consentement donné : « ${str(data, 'wording') ?? CONSENT_WORDING.text} » (version ${str(data, 'version') ?? CONSENT_WORDING.version})`;
    case 'document_viewed':
      return 'Document envoyé affiché ou téléchargé (PDF)';
    case 'signed':
      return METHODS[str(data, 'method') ?? 'link'] ?? 'Document signé';
    case 'refused':
      return `Document refusé${str(data, 'reason') ? ` : « ${str(data, 'reason')} »` : ''}`;
    case 'sealed':
      return `Exemplaire signé scellé${str(data, 'sealedBy') ? ` par le certificat « ${str(data, 'sealedBy')} »` : ''}`;
    case 'signed_copy_downloaded':
      return 'Exemplaire signé téléchargé par le lien';
  }
};

/** The steps in time order; steps of one instant keep the order they were recorded in. */
export const inTimeOrder = (entries: readonly TrailEntry[]): TrailEntry[] =>
  entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => Date.parse(a.entry.at) - Date.parse(b.entry.at) || a.index - b.index)
    .map(({ entry }) => entry);

/**
 * Whether a signer through the link ever had the document in front of them before signing: the PDF
 * shown or downloaded. Signing without it is allowed, but the evidence page says so.
 */
export const openedDocumentBeforeSigning = (
  entries: readonly TrailEntry[],
  side: 'client' | 'firm',
): boolean => {
  const signedAt = entries.find((e) => e.type === 'signed' && e.side === side)?.at;
  return entries.some(
    (e) =>
      e.type === 'document_viewed' &&
      e.side === side &&
      (signedAt === undefined || Date.parse(e.at) <= Date.parse(signedAt)),
  );
};

const BROWSERS: readonly (readonly [RegExp, string])[] = [
  [/Edg\/(\d+)/, 'Edge'],
  [/OPR\/(\d+)/, 'Opera'],
  [/Firefox\/(\d+)/, 'Firefox'],
  [/Chrome\/(\d+)/, 'Chrome'],
  [/Version\/(\d+).*Safari/, 'Safari'],
];
const SYSTEMS: readonly (readonly [RegExp, string])[] = [
  [/Android/, 'Android'],
  [/iPhone|iPad/, 'iOS'],
  [/Windows/, 'Windows'],
  [/Mac OS X/, 'macOS'],
  [/Linux/, 'Linux'],
];

/**
 * "Mozilla/5.0 (X11; Linux x86_64) … Chrome/120.0 Safari/537.36" → "Chrome 120 · Linux": one line of
 * the evidence table; the full text stays in the trail (and on the signer's block for the signature).
 */
export const browserSummary = (userAgent: string | null): string | null => {
  if (!userAgent) return null;
  const browser = BROWSERS.map(([pattern, name]) => {
    const match = pattern.exec(userAgent);
    return match ? `${name} ${match[1]}` : null;
  }).find((found) => found !== null);
  const system = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1];
  const known = [browser, system].filter((part): part is string => typeof part === 'string');
  return known.length > 0 ? known.join(' · ') : userAgent.slice(0, 40);
};

/**
 * The signer's link after signing (issue 15, item 7): it still shows the document signed and gives
 * the sealed copy until the firm's number of days after the signature, then says whom to ask.
 */
export const DEFAULT_SIGNED_COPY_ACCESS_DAYS = 90;

export const signedCopyAccessUntil = (signedAt: Date, accessDays: number): Date =>
  new Date(signedAt.getTime() + accessDays * 24 * 60 * 60 * 1000);
