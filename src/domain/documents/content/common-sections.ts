import { REQUIRED_SIGNATURES, type SignatureSide } from '../signatures.ts';
import type { Block, Signatory } from './blocks.ts';
import { withdrawalSection } from './consumer.ts';
import { signedBox } from './evidence.ts';
import type { DocumentFacts, PersonFacts } from './facts.ts';
import { periodRows } from './period-sections.ts';
import { electronicBoxLines, placeLine, signsElectronicallyOn } from './signing-flow.ts';
import { termsBodyBlocks } from './terms-annex.ts';
import { capacityInSentence, clientIdentityLines, firmPartyLines, formatDate } from './wording.ts';

/** The sections several kinds share: parties, duration, general terms, signatures. */

/** « Représenté par » the firm (le cabinet), « Représentée par » a company (la société). */
const representedBy = (person: PersonFacts | null, agreement: 'masculine' | 'feminine'): string[] =>
  person
    ? [
        `Représenté${agreement === 'feminine' ? 'e' : ''} par ${person.name}${person.capacity ? `, ${capacityInSentence(person.capacity)}` : ''}`,
      ]
    : [];

export const partiesBlock = (facts: DocumentFacts): Block[] => [
  { type: 'heading', level: 2, text: 'Entre les soussignés' },
  {
    type: 'parties',
    columns: [
      {
        title: 'Le cabinet',
        lines: [...firmPartyLines(facts.firm), ...representedBy(facts.firmSignatory, 'masculine')],
      },
      {
        title: 'Le client',
        lines: [
          ...clientIdentityLines(facts.client),
          ...(facts.client.isIndividual ? [] : representedBy(facts.clientSignatory, 'feminine')),
        ],
      },
    ],
  },
];

/**
 * A consumer bound by tacit renewal is told in time that it may refuse it (Code de la
 * consommation, L. 215-1), and may withdraw from a contract signed at a distance (L. 221-18, see
 * consumer.ts).
 */
const consumerDuration = (facts: DocumentFacts): Block[] =>
  facts.client.isIndividual
    ? [
        ...(facts.renewal === 'tacit'
          ? [
              {
                type: 'paragraph' as const,
                text: 'Conformément à l’article L. 215-1 du Code de la consommation, le cabinet informe le client par écrit, au plus tôt trois mois et au plus tard un mois avant la date limite de dénonciation, de la possibilité de ne pas reconduire la mission ; à défaut, le client peut y mettre fin gratuitement à tout moment à compter de la date de reconduction.',
              },
            ]
          : []),
        ...withdrawalSection(facts),
      ]
    : [];

const tacitRows = (facts: DocumentFacts): (readonly [string, string])[] => [
  [
    'Renouvellement',
    'Par tacite reconduction, d’exercice en exercice, sauf dénonciation par l’une des parties',
  ],
  [
    'Préavis',
    `${facts.noticeMonths} mois avant la clôture de l’exercice, ${
      facts.client.isIndividual
        ? `par lettre ou par courriel adressé au cabinet${facts.firm.email ? ` (${facts.firm.email})` : ''} (article L. 215-1-1 du Code de la consommation)`
        : 'par lettre recommandée avec demande d’avis de réception'
    }`,
  ],
  ['Date limite de dénonciation', formatDate(facts.term?.noticeDeadline ?? null)],
];

export const durationSection = (facts: DocumentFacts): Block[] => [
  { type: 'heading', level: 2, text: 'Durée de la mission' },
  {
    type: 'fields',
    rows: [
      ...periodRows(facts),
      ...(facts.renewal === 'tacit'
        ? tacitRows(facts)
        : [['Renouvellement', 'Par la signature d’une nouvelle lettre de mission'] as const]),
    ],
  },
  ...consumerDuration(facts),
];

export const termsReference = (facts: DocumentFacts): Block[] =>
  facts.terms
    ? [
        { type: 'heading', level: 2, text: 'Conditions générales' },
        {
          type: 'paragraph',
          text: `Les conditions générales du cabinet, version ${facts.terms.version} en vigueur depuis le ${formatDate(facts.terms.effectiveFrom)} (« ${facts.terms.title} »), sont annexées à la présente lettre et en font partie intégrante. En cas de contradiction, la lettre de mission prévaut.`,
        },
      ]
    : [];

/** The general terms, appended in full (DOMAIN.md "The terms version attached"). */
export const termsAnnex = (facts: DocumentFacts): Block[] =>
  facts.terms
    ? [
        { type: 'pageBreak' },
        { type: 'heading', level: 1, text: `Annexe — ${facts.terms.title} (version ${facts.terms.version})` },
        ...termsBodyBlocks(facts.terms.body),
      ]
    : [];

export const notesBlock = (facts: DocumentFacts): Block[] =>
  facts.notes
    ? [
        { type: 'heading', level: 2, text: 'Observations' },
        { type: 'paragraph', text: facts.notes },
      ]
    : [];

/**
 * A box of the signed copy says who signed and how. Before signing, a signatory invited to sign
 * electronically gets a box that says so (nothing to write by hand); a paper signatory, an empty one.
 */
const filled = (facts: DocumentFacts, side: SignatureSide, signatory: Signatory): Signatory => {
  const signer = facts.signed?.signers.find((candidate) => candidate.side === side);
  if (!signer) {
    if (facts.signed || !signsElectronicallyOn(facts, side)) return signatory;
    return {
      ...signatory,
      mention: null,
      signed: { lines: electronicBoxLines(signatory.mention), drawing: null },
    };
  }
  const box = signedBox(signer, signatory.mention);
  // Accepted electronically, the mention is part of the box's lines, not a handwritten one.
  return { ...signatory, mention: signer.method === 'electronic' ? null : signatory.mention, signed: box };
};

/** One signature block per required signatory (R-B3), dated at signing. */
export const signatureBlock = (
  facts: DocumentFacts,
  title: string,
  clientMention: string,
  options: { intro?: string } = {},
): Block => {
  const signatories: Signatory[] = REQUIRED_SIGNATURES[facts.kind].map((side) =>
    filled(
      facts,
      side,
      side === 'client'
        ? {
            heading: 'Pour le client',
            lines: [
              facts.clientSignatory?.name ?? '—',
              ...(facts.clientSignatory?.capacity ? [facts.clientSignatory.capacity] : []),
            ],
            mention: clientMention,
          }
        : {
            heading: 'Pour le cabinet',
            lines: [
              facts.firmSignatory?.name ?? '—',
              facts.firmSignatory?.capacity ?? 'Expert-comptable associé',
            ],
            mention: null,
          },
    ),
  );
  return {
    type: 'signatures',
    title,
    intro: options.intro ?? null,
    place: placeLine(facts),
    signatories,
  };
};
