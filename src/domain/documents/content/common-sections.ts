import { REQUIRED_SIGNATURES, type SignatureSide } from '../signatures.ts';
import type { Block, Signatory } from './blocks.ts';
import { signedBox } from './evidence.ts';
import type { DocumentFacts, PersonFacts } from './facts.ts';
import { clientIdentityLines, firmIdentityLines, formatDate } from './wording.ts';

/** The sections several kinds share: parties, duration, general terms, signatures. */

/** « Représenté par » the firm (le cabinet), « Représentée par » a company (la société). */
const representedBy = (person: PersonFacts | null, agreement: 'masculine' | 'feminine'): string[] =>
  person
    ? [
        `Représenté${agreement === 'feminine' ? 'e' : ''} par ${person.name}${person.capacity ? `, ${person.capacity}` : ''}`,
      ]
    : [];

export const partiesBlock = (facts: DocumentFacts): Block[] => [
  { type: 'heading', level: 2, text: 'Entre les soussignés' },
  {
    type: 'parties',
    columns: [
      {
        title: 'Le cabinet',
        lines: [...firmIdentityLines(facts.firm), ...representedBy(facts.firmSignatory, 'masculine')],
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
 * consommation, L. 215-1), and may withdraw from a contract signed at a distance (L. 221-18).
 */
const consumerDuration = (facts: DocumentFacts): Block[] =>
  facts.client.isIndividual
    ? [
        ...(facts.renewal === 'tacit'
          ? [
              {
                type: 'paragraph' as const,
                text: 'Conformément à l’article L. 215-1 du Code de la consommation, le cabinet informe le client par écrit, au plus tôt trois mois et au plus tard un mois avant la date limite de dénonciation, de la possibilité de ne pas reconduire la mission.',
              },
            ]
          : []),
        {
          type: 'paragraph' as const,
          text: 'Lorsque la présente lettre est conclue à distance ou hors établissement, le client dispose de quatorze jours à compter de sa signature pour se rétracter sans avoir à motiver sa décision (articles L. 221-18 et suivants du Code de la consommation) ; s’il demande que la mission commence avant la fin de ce délai, les travaux réalisés jusqu’à sa rétractation restent dus.',
        },
      ]
    : [];

const tacitRows = (facts: DocumentFacts): (readonly [string, string])[] => [
  [
    'Renouvellement',
    'Par tacite reconduction, d’exercice en exercice, sauf dénonciation par l’une des parties',
  ],
  [
    'Préavis',
    `${facts.noticeMonths} mois avant la clôture de l’exercice, par lettre recommandée avec demande d’avis de réception`,
  ],
  ['Date limite de dénonciation', formatDate(facts.term?.noticeDeadline ?? null)],
];

export const durationSection = (facts: DocumentFacts): Block[] => [
  { type: 'heading', level: 2, text: 'Durée de la mission' },
  {
    type: 'fields',
    rows: [
      ['Date d’effet', formatDate(facts.effectiveDate)],
      ['Durée', `${facts.durationMonths} mois, alignée sur les exercices comptables du client`],
      ['Fin de la première période', formatDate(facts.term?.periodEnd ?? null)],
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
        ...facts.terms.body
          .split(/\n\s*\n/)
          .map((text) => text.trim())
          .filter((text) => text !== '')
          .map((text): Block => ({ type: 'paragraph', text, tone: 'small' })),
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
 * Where the document was made: two paper copies, unless everyone signed electronically (one
 * original, sealed), or the signatures mixed both ways.
 */
const placeLine = (facts: DocumentFacts): string => {
  const city = `Fait à ${facts.firm.city ?? '—'}`;
  const methods = (facts.signed?.signers ?? []).map((signer) => signer.method);
  if (methods.length === 0 || !methods.includes('electronic')) return `${city}, en deux exemplaires`;
  return methods.every((method) => method === 'electronic') ? `${city}, signé électroniquement` : city;
};

/** A box of the signed copy says who signed and how; a side nobody signed keeps its empty box. */
const filled = (facts: DocumentFacts, side: SignatureSide, signatory: Signatory): Signatory => {
  const signer = facts.signed?.signers.find((candidate) => candidate.side === side);
  if (!signer) return signatory;
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
