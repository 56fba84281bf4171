import type { DocumentFacts } from '../src/domain/documents/content/facts.ts';
import { aDocumentFacts, aLineFacts } from '../test/builders/document-facts.ts';

/**
 * An engagement letter of four pages: the annual accounts mission with its task split, every clause
 * a business client's letter carries, terms of three articles in the annex (the test builders'
 * firm and client, so the bench renders what the tests check).
 */
export const FOUR_PAGE_LETTER: DocumentFacts = aDocumentFacts({
  lines: [
    aLineFacts({
      unitPriceCents: 210_000,
      exclusions:
        'Cette mission n’est ni un audit ni un examen limité des comptes : elle ne conduit pas à certifier les comptes et n’a pas pour objet de déceler les fraudes.',
      taskSplit: [
        {
          task: 'Transmission des pièces et informations',
          who: 'client',
          frequency: 'mensuelle, avant le 10',
        },
        {
          task: 'Établissement du bilan, du compte de résultat et de l’annexe',
          who: 'firm',
          frequency: 'annuelle',
        },
        { task: 'Approbation des comptes annuels', who: 'client', frequency: 'annuelle' },
      ],
    }),
  ],
  terms: {
    version: 2,
    title: 'Conditions générales d’intervention',
    body: [
      'Article 1 — Objet. Les présentes conditions générales régissent les missions confiées au cabinet.',
      'Article 2 — Obligations du client. Le client met à la disposition du cabinet les documents et informations nécessaires.',
      'Article 3 — Honoraires. Les honoraires sont révisables chaque année selon la clause convenue.',
    ].join('\n\n'),
    effectiveFrom: '2026-06-01',
  },
  paymentTerms:
    'Prélèvement le 5 de chaque mois des honoraires forfaitaires ; travaux ponctuels payables à 30 jours.',
  revisionClause: 'Les honoraires sont révisables au 1er janvier de chaque année selon l’indice Syntec.',
});
