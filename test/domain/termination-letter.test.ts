import { describe, expect, it } from 'vitest';
import { automationsAfterSignature } from '../../src/domain/documents/automations.ts';
import { missingItems } from '../../src/domain/documents/completeness.ts';
import { documentContent, textOfContent } from '../../src/domain/documents/content/document-content.ts';
import type { TerminationFacts } from '../../src/domain/documents/content/facts.ts';
import {
  annualFeesEnding,
  endingServicesOf,
  terminationLetterBlocks,
} from '../../src/domain/documents/content/termination-content.ts';
import { DOCUMENT_KINDS, isScopeKind, kindPolicy } from '../../src/domain/documents/kinds.ts';
import { availableActions, canApply } from '../../src/domain/documents/lifecycle.ts';
import { aDocumentFacts } from '../builders/document-facts.ts';

const aTermination = (overrides: Partial<TerminationFacts> = {}): TerminationFacts => ({
  letter: {
    kind: 'engagement_letter',
    number: 'LM-2027-0001',
    signedOn: '2027-01-05',
    effectiveDate: '2027-01-01',
  },
  requestedBy: 'client',
  reason: 'Cession du fonds de commerce',
  noticeGivenOn: '2027-02-10',
  endDate: '2027-12-31',
  earliestEndDate: '2027-12-31',
  noticeMonths: 3,
  noticeRespected: true,
  agreedOtherwise: false,
  services: endingServicesOf({
    lines: [
      {
        lineId: 'l1',
        letterId: 'x',
        serviceId: null,
        label: 'Tenue de la comptabilité',
        unitLabel: null,
        quantity: '1',
        unitPriceCents: 10_000,
        vatRateBp: 2000,
        recurrence: 'monthly',
      },
      {
        lineId: 'l2',
        letterId: 'x',
        serviceId: null,
        label: 'Bulletins de paie',
        unitLabel: 'bulletin',
        quantity: '2',
        unitPriceCents: 2_500,
        vatRateBp: 2000,
        recurrence: 'monthly',
      },
    ],
  }),
  registeredMail: null,
  ...overrides,
});

const textOf = (termination: TerminationFacts | null): string =>
  textOfContent(
    documentContent(
      aDocumentFacts({
        kind: 'termination_letter',
        number: 'FM-2027-0001',
        issuedOn: '2027-02-10',
        lines: [],
        termination,
      }),
    ),
  )
    .join('\n')
    .replace(/[\u00a0\u202f]/g, ' ');

describe('R-G1 the letter of termination, a sixth kind', () => {
  it('R-G1 is no part of the scope in force, is never edited, and sets nothing off when signed', () => {
    expect(DOCUMENT_KINDS).toContain('termination_letter');
    expect(isScopeKind('termination_letter')).toBe(false);
    expect(kindPolicy('termination_letter').drawnFromTermination).toBe(true);
    expect(canApply({ kind: 'termination_letter', status: 'draft' }, 'edit')).toBe(false);
    expect(availableActions({ kind: 'termination_letter', status: 'draft' })).toEqual(['send', 'cancel']);
    expect(automationsAfterSignature({ kind: 'termination_letter', engagementState: 'client' })).toEqual([]);
  });

  it('R-G1 lists the services that end with their annual fees, one-off lines apart', () => {
    const termination = aTermination();
    expect(termination.services.map((s) => [s.label, s.annualHtCents])).toEqual([
      ['Tenue de la comptabilité', 120_000],
      ['Bulletins de paie', 60_000],
    ]);
    const withOneOff = aTermination({
      services: [
        ...termination.services,
        { ...termination.services[0]!, recurrence: 'one_off', annualHtCents: 0 },
      ],
    });
    expect(annualFeesEnding(withOneOff)).toBe(180_000);
  });

  it('R-G1 says which letter ends, who ends it, why, when, the notice kept, what ends and what is due', () => {
    const text = textOf(aTermination());
    for (const phrase of [
      'Lettre de fin de mission',
      'N° FM-2027-0001 du 10/02/2027',
      'Par la présente, le client, Boulangerie Martin, met fin à la lettre de mission n° LM-2027-0001 signée le 05/01/2027, ainsi qu’à ses avenants.',
      'la lettre cesse de produire effet à compter du 01/01/2028',
      'Cession du fonds de commerce',
      'Le préavis de 3 mois prévu par la lettre de mission est respecté',
      'Tenue de la comptabilité',
      '1 800,00 €',
      '1 800,00 € HT par an pour les missions récurrentes.',
      'du client',
      'Bon pour fin de mission',
    ])
      expect(text).toContain(phrase);
    expect(text).not.toContain('recommandée');
    // The fees are stated per year: a monthly figure would be wrong for quarterly or yearly billing.
    expect(text).not.toContain('par mois');
    expect(text).not.toContain('Du client');
  });

  it('R-G2 states the fees due in the ended letter’s instalments: monthly by default, quarterly or yearly as it was billed', () => {
    // 1 800,00 € a year: 12 × 150,00 €, 4 × 450,00 €, or once 1 800,00 €.
    expect(textOf(aTermination())).toContain('La lettre est facturée en 12 mensualités de 150,00 € HT.');
    const quarterly = textOf(aTermination({ billingPeriod: 'quarterly' }));
    expect(quarterly).toContain(
      '1 800,00 € HT par an pour les missions récurrentes. La lettre est facturée en 4 échéances trimestrielles de 450,00 € HT. Aucun honoraire récurrent n’est dû au-delà de cette date.',
    );
    expect(quarterly).not.toContain('mensualité');
    expect(textOf(aTermination({ billingPeriod: 'yearly' }))).toContain(
      'La lettre est facturée en une échéance annuelle de 1 800,00 € HT.',
    );
    // R-G3: 1 000,01 € a year quarterly is 250,00 € thrice, the last taking the rounding.
    const [first] = aTermination().services;
    const uneven = textOf(
      aTermination({ billingPeriod: 'quarterly', services: [{ ...first!, annualHtCents: 100_001 }] }),
    );
    expect(uneven).toContain(
      '4 échéances trimestrielles de 250,00 € HT (la dernière échéance trimestrielle de chaque exercice ajustée de l’arrondi).',
    );
  });

  it('R-G1 keeps a confidential reason off the letter, and says when both parties waived the notice', () => {
    const text = textOf(
      aTermination({
        requestedBy: 'firm',
        reason: null,
        endDate: '2027-03-31',
        noticeRespected: false,
        agreedOtherwise: true,
      }),
    );
    expect(text).not.toContain('Motif');
    expect(text).toContain('le cabinet, Cabinet Dupré & Associés, met fin');
    expect(text).toContain(
      'Les parties conviennent d’un commun accord de mettre fin à la mission le 31/03/2027, avant le 31/12/2027',
    );
    expect(text).toContain('Pris connaissance');
  });

  it('R-G1 says when it was posted as a registered letter, and when nothing recurring remains', () => {
    const text = textOf(
      aTermination({ services: [], registeredMail: { number: '1A 123', sentOn: '2027-02-11' } }),
    );
    expect(text).toContain(
      'Envoyée par lettre recommandée avec demande d’avis de réception n° 1A 123 le 11/02/2027.',
    );
    expect(text).toContain('Aucune mission de la lettre n’est en vigueur à la date de fin.');
    expect(text).toContain('Aucun honoraire récurrent n’est dû au-delà du 31/12/2027.');
  });

  it('R-G1 without its termination, it prints the parties only, and cannot be sent', () => {
    expect(terminationLetterBlocks(aDocumentFacts({ kind: 'termination_letter', lines: [] }))).toHaveLength(
      2,
    );
    const facts = aDocumentFacts({
      kind: 'termination_letter',
      lines: [],
      paymentTerms: null,
      effectiveDate: null,
    });
    expect(missingItems(facts).map((item) => item.code)).toEqual(['document.termination']);
    expect(missingItems({ ...facts, termination: aTermination() })).toEqual([]);
  });
});
