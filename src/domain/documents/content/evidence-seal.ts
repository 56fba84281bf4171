import type { Block } from './blocks.ts';
import type { SignedFacts } from './facts.ts';
import { formatInstant } from './wording.ts';

/**
 * Issue 15, items 1 and 2, on the evidence page: which bytes the client read (the sent PDF, embedded
 * in this file, its size and name; its SHA-256 is in the rows above) and whose clock the times are.
 * Evidence for a simple electronic signature rests on the firm (Code civil art. 1367): the page
 * claims a trusted time only when a timestamping authority gave one.
 */

/** 123456 → « 123 456 » (narrow no-break space between thousands, as French print has it). */
export const groupThousands = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');

/** R-S15-TIME: the times are the authority's when it timestamped the copy, else the server's clock. */
export const timeSourceRows = (signed: SignedFacts): (readonly [string, string])[] =>
  signed.timestamp
    ? [
        [
          'Horodatage de l’exemplaire envoyé',
          `${formatInstant(signed.timestamp.at)}, par l’autorité d’horodatage « ${signed.timestamp.authority} » (jeton RFC 3161 joint : ${signed.timestamp.fileName})`,
        ],
        ['Horodatage du sceau', 'par la même autorité, dans la signature du présent fichier (PAdES-B-T)'],
      ]
    : [
        [
          'Source de l’heure',
          'horloge du serveur Lettrine (aucune autorité d’horodatage) : les heures ci-dessus et ci-dessous sont celles du serveur',
        ],
      ];

/** R-S15-SOURCE: the sealed copy names the sent PDF it carries, so anyone can extract and hash it. */
export const sealProofBlocks = (signed: SignedFacts): Block[] => {
  const sent = signed.sentCopy;
  const rows: (readonly [string, string])[] = [
    ...(sent
      ? [
          [
            'Exemplaire envoyé, joint au présent fichier',
            `${sent.fileName} (${groupThousands(sent.byteSize)} octets, même empreinte SHA-256 que ci-dessus)`,
          ] as const,
        ]
      : []),
    ...timeSourceRows(signed),
  ];
  return [
    ...(sent
      ? [
          {
            type: 'paragraph' as const,
            text: 'Le PDF envoyé au client, octet pour octet, est joint à ce fichier (fichier associé PDF/A-3, relation « Source ») : un lecteur de PDF l’ouvre depuis ses pièces jointes, et tout outil SHA-256 en recalcule l’empreinte.',
          },
        ]
      : []),
    { type: 'fields', rows },
  ];
};
