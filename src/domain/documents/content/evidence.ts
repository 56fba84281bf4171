import { maskMobile } from '../../signing/mobile.ts';
import { maskEmail } from '../../signing/signing-rules.ts';
import {
  browserSummary,
  describeTrailEntry,
  inTimeOrder,
  openedDocumentBeforeSigning,
  type TrailEntry,
} from '../../signing/signing-trail.ts';
import { DOCUMENT_TITLES } from '../kinds.ts';
import type { Block, SignedBox } from './blocks.ts';
import { sealProofBlocks } from './evidence-seal.ts';
import type { DocumentFacts, SignedFacts, SignerEvidence } from './facts.ts';
import { capacityInSentence, formatDate, formatInstant, formatParisTime } from './wording.ts';

/**
 * The signed copy: what each signature box says once signed, and the evidence page appended to the
 * document (who signed, how, when, from where), so the sealed PDF carries its own proof.
 */

const methodLabel = (signer: SignerEvidence): string =>
  signer.method === 'paper'
    ? 'Sur papier'
    : signer.method === 'in_person'
      ? 'En présence'
      : signer.channel === 'product'
        ? 'Électronique, dans Lettrine, par l’associé connecté à son compte'
        : 'Électronique, par lien personnel et code à usage unique';

/**
 * Where the code went: the signer's mailbox, or, with no mail server, handed over by the firm (it
 * stayed in the firm's outbox, an internal detail the client's copy does not carry: issue 14, item 8).
 */
const codeLine = (signer: SignerEvidence): string | null =>
  !signer.codeSentAt
    ? null
    : signer.codeDelivery === 'outbox'
      ? 'Code de vérification à usage unique transmis au signataire par le cabinet'
      : signer.codeDelivery === 'sms'
        ? `Code de vérification envoyé par SMS au ${signer.mobile ? maskMobile(signer.mobile) : '—'}`
        : `Code de vérification envoyé à ${signer.email ? maskEmail(signer.email) : '—'}`;

const SIDE_LABELS: Record<SignerEvidence['side'], string> = { client: 'Client', firm: 'Cabinet' };

const USER_AGENT_MAX = 160;

const truncated = (text: string | null): string | null =>
  text && text.length > USER_AGENT_MAX ? `${text.slice(0, USER_AGENT_MAX - 1)}…` : text;

const recorded = (signer: SignerEvidence): string =>
  signer.recordedBy ? `, enregistré par ${signer.recordedBy}` : '';

/** What a signed box says: how and when, and for a signature through the link, the proof in short. */
export const signedBox = (signer: SignerEvidence, mention: string | null): SignedBox => {
  if (signer.method !== 'electronic') {
    const how = signer.method === 'paper' ? 'Signé sur papier' : 'Signé en présence du cabinet';
    return {
      lines: [`${how} le ${formatDate(signer.signedOn)}${recorded(signer)}`],
      drawing: signer.drawing,
    };
  }
  return {
    lines: [
      ...(mention ? [`Mention : « ${mention} » (acceptée électroniquement)`] : []),
      `Signé électroniquement le ${formatInstant(signer.signedAt, 'minutes')}`,
      `par ${signer.name}${signer.capacity ? `, ${capacityInSentence(signer.capacity)}` : ''}`,
      ...(signer.typedName ? [`Nom saisi : ${signer.typedName}`] : []),
      ...(codeLine(signer) ? [codeLine(signer) as string] : []),
    ],
    drawing: signer.drawing,
  };
};

/** Rows whose value is unknown are left out: the page states only what was recorded. */
const presentRows = (rows: readonly (readonly [string, string | null])[]): (readonly [string, string])[] =>
  rows.filter((row): row is readonly [string, string] => row[1] !== null);

/**
 * A signer through the link who never had the PDF in front of them (neither shown nor downloaded)
 * before signing: allowed, but the evidence says so plainly.
 */
const unopenedFlag = (signer: SignerEvidence, trail: SignedFacts['trail']): Block[] =>
  signer.channel === 'link' && !openedDocumentBeforeSigning(trail, signer.side)
    ? [
        {
          type: 'paragraph',
          tone: 'strong',
          text: `Attention : ${signer.name} n’a jamais ouvert le document (ni affiché ni téléchargé le PDF) avant de signer.`,
        },
      ]
    : [];

const signerBlocks = (signer: SignerEvidence, trail: SignedFacts['trail']): Block[] => [
  { type: 'heading', level: 2, text: `${SIDE_LABELS[signer.side]} : ${signer.name}` },
  ...unopenedFlag(signer, trail),
  {
    type: 'fields',
    rows: presentRows([
      ['Nom', signer.name],
      ['Qualité', signer.capacity],
      ['E-mail', signer.email],
      ['Mode de signature', methodLabel(signer)],
      // The openings, codes and consent are lines of the trail below, each with its time and address.
      ['Code transmis', signer.codeSentAt ? codeLine(signer) : null],
      ['Signé le', formatInstant(signer.signedAt)],
      ['Adresse IP (signature)', signer.signedIp],
      ['Navigateur (signature)', truncated(signer.signedUserAgent)],
      ['Nom saisi', signer.typedName],
      ['Signature dessinée', signer.drawing ? 'Oui' : 'Non'],
    ]),
  },
];

const SIDE_NAMES: Record<'client' | 'firm', string> = { client: 'Client', firm: 'Cabinet' };

/** Who acted: the signer, else the side (« Cabinet » for the seal). */
const actorOf = (entry: TrailEntry): string =>
  entry.signerName ?? (entry.side ? SIDE_NAMES[entry.side] : 'Lettrine');

/** The trail: one row a step, in time order, with the address and browser the server saw. */
const trailBlocks = (signed: SignedFacts): Block[] => [
  { type: 'heading', level: 2, text: 'Journal des événements (heure de Paris)' },
  {
    type: 'table',
    columns: [
      { header: 'Date et heure', width: 0.15, align: 'left' },
      { header: 'Par', width: 0.15, align: 'left' },
      { header: 'Événement', width: 0.37, align: 'left' },
      { header: 'Adresse IP', width: 0.15, align: 'left' },
      { header: 'Navigateur', width: 0.18, align: 'left' },
    ],
    rows: inTimeOrder(signed.trail).map((entry) => ({
      cells: [
        formatParisTime(entry.at),
        actorOf(entry),
        describeTrailEntry(entry),
        entry.ip ?? '—',
        browserSummary(entry.userAgent) ?? '—',
      ],
    })),
  },
];

/** "ab…(64 hex)" → four groups of sixteen, so the fingerprint wraps between groups. */
const groupedHash = (sha256: string): string => (sha256.match(/.{1,16}/g) ?? []).join(' ');

/** The last page of a signed copy: « Dossier de preuve de signature électronique ». */
export const evidenceBlocks = (signed: SignedFacts, facts: DocumentFacts): Block[] => [
  { type: 'pageBreak' },
  { type: 'heading', level: 1, text: 'Dossier de preuve de signature électronique' },
  { type: 'paragraph', lead: 'Identifiant de transaction :', text: signed.transactionId },
  {
    type: 'paragraph',
    text: `Cette page rapporte, pour chaque signataire, les étapes de sa signature telles que Lettrine les a enregistrées. Le document soumis à la signature (l’exemplaire envoyé) est identifié par son empreinte SHA-256 ci-dessous. Le présent exemplaire est scellé par le certificat « ${signed.sealedBy} » : un lecteur de PDF qui affiche les signatures montre que le fichier n’a pas été modifié depuis, et la page de vérification du cabinet le reconnaît.`,
  },
  {
    type: 'fields',
    rows: [
      ['Document', facts.number ?? '—'],
      ['Nature', DOCUMENT_TITLES[facts.kind]],
      ['Client', facts.client.name],
      ['Cabinet', facts.firm.name],
      ['Empreinte SHA-256 du document soumis à la signature', groupedHash(signed.documentSha256)],
      ['Document signé le', formatInstant(signed.completedAt)],
      [
        'Certificat de scellement',
        signed.sealSelfSigned
          ? `${signed.sealedBy} (cachet du cabinet, certificat auto-signé)`
          : signed.sealedBy,
      ],
      ['Empreinte SHA-256 du certificat', groupedHash(signed.sealCertificateSha256)],
      ['Vérification en ligne', signed.verificationUrl],
    ],
  },
  ...sealProofBlocks(signed),
  ...signed.signers.flatMap((signer) => signerBlocks(signer, signed.trail)),
  ...trailBlocks(signed),
];
