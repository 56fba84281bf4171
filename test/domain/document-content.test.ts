import { describe, expect, it } from 'vitest';
import { summariseChanges } from '../../src/domain/documents/change-summary.ts';
import type { Block, DocumentContent } from '../../src/domain/documents/content/blocks.ts';
import { documentContent, textOfContent } from '../../src/domain/documents/content/document-content.ts';
import {
  formatDate,
  formatFiscalYearEnd,
  formatPercent,
  formatQuantity,
  formatRate,
  formatUnit,
} from '../../src/domain/documents/content/wording.ts';
import { aDocumentFacts, aLineFacts } from '../builders/document-facts.ts';
import { aSignedFacts } from '../builders/signed-facts.ts';

/** Every string a reader would see, in order, spaces made plain. */
const wordsOf = (content: DocumentContent): string =>
  textOfContent(content)
    .join('\n')
    .replace(/[\u00a0\u202f]/g, ' ');

const headings = (content: DocumentContent) =>
  content.blocks
    .filter((b): b is Extract<Block, { type: 'heading' }> => b.type === 'heading')
    .map((b) => b.text);

describe('what each document says (the content of its PDF)', () => {
  it('an engagement letter carries every chapter the profession requires, in order', () => {
    const content = documentContent(aDocumentFacts());
    expect(content.title).toBe('Lettre de mission');
    expect(content.subtitle).toBe('N° LM-2026-0001 du 29/11/2026');
    expect(headings(content)).toEqual([
      'Entre les soussignés',
      'Objet et étendue de la mission',
      '1. Révision et établissement des comptes annuels',
      'Durée de la mission',
      'Honoraires',
      'Échéancier mensuel',
      'Modalités de paiement',
      'Obligations des parties',
      'Responsabilité',
      'Secret professionnel',
      'Lutte contre le blanchiment des capitaux et le financement du terrorisme',
      // Issue 14, items 2 and 3: the end of the mission, and the processor clauses as an annex.
      'Résiliation anticipée',
      'Fin de mission, transmission du dossier et restitution des documents',
      'Données personnelles',
      'Différends',
      'Conditions générales',
      'Annexe — Clauses de sous-traitance de données personnelles (article 28 du RGPD)',
      'Obligations du cabinet',
      'Obligations du client',
      'Annexe — Conditions générales (version 2)',
    ]);
    const words = wordsOf(content);
    expect(words).toContain('RCS Lyon 812 345 676');
    expect(words).toContain('Date limite de dénonciation\n30/09/2027');
    expect(words).toContain('12 mensualités de 100,00 € HT');
    expect(words).toContain('indemnité forfaitaire pour frais de recouvrement de 40 €');
    expect(content.blocks.at(-1)).toEqual({ type: 'paragraph', text: 'Article 2.', tone: 'small' });
  });

  it('French typography: no-break spaces before « : », « € » and « % », never a plain one', () => {
    const content = documentContent(aDocumentFacts());
    const strings = JSON.stringify(content);
    expect(strings).toContain('1\u202f200,00\u00a0€');
    expect(strings).toContain('Activité\u00a0: Boulangerie');
    expect(strings).not.toMatch(/ [:;!?€%]/);
  });

  it('a private person: the mediator, no cap, the legal interest rate instead of the 40 € indemnity', () => {
    const base = aDocumentFacts();
    const words = wordsOf(
      documentContent(
        aDocumentFacts({ client: { ...base.client, isIndividual: true, siren: null, legalForm: null } }),
      ),
    );
    expect(words).toContain('Médiation de la consommation');
    expect(words).toContain('CNPM Médiation Consommation');
    expect(words).toContain('n’est soumise à aucun plafond conventionnel');
    expect(words).toContain('intérêts au taux légal');
    expect(words).not.toContain('40 €');
    expect(words).toContain('Particulier');
    // 1 200,00 € HT a year, VAT 20 %: 1 440,00 € TTC, 12 × 120,00 €.
    expect(words).toContain(
      'Soit, toutes taxes comprises, 1 440,00 € TTC par an, réglés en 12 mensualités de 120,00 € TTC.',
    );
  });

  it('the revision clause and the notes appear when the letter has them', () => {
    const words = wordsOf(
      documentContent(
        aDocumentFacts({
          revisionClause: 'Révision annuelle selon Syntec.',
          notes: 'Reprise au 1er janvier.',
        }),
      ),
    );
    expect(words).toContain('Clause de révision\nRévision annuelle selon Syntec.');
    expect(words).toContain('Observations\nReprise au 1er janvier.');
  });

  it('a title the firm gave the document is printed under the heading that says its nature', () => {
    const content = documentContent(aDocumentFacts({ title: 'Lettre de mission — paie 2027' }));
    expect(content.title).toBe('Lettre de mission');
    expect(content.subtitle).toBe('Lettre de mission — paie 2027 · N° LM-2026-0001 du 29/11/2026');
    expect(documentContent(aDocumentFacts()).subtitle).toBe('N° LM-2026-0001 du 29/11/2026');
  });

  it('a draft has no number and says so; a letter renewed by a new letter says it', () => {
    const content = documentContent(aDocumentFacts({ number: null, renewal: 'new_letter', terms: null }));
    expect(content.subtitle).toBe(
      'Projet du 29/11/2026, non numéroté\u00a0: ce document n’a pas encore été envoyé',
    );
    expect(content.footer).toContain('Lettre de mission Projet');
    expect(wordsOf(content)).toContain('Par la signature d’une nouvelle lettre de mission');
    expect(headings(content)).not.toContain('Conditions générales');
  });

  it('a replacement letter lists what it replaces and what changes', () => {
    const before = [{ ...aLineFacts(), key: 'a' }];
    const content = documentContent(
      aDocumentFacts({
        kind: 'replacement_letter',
        number: 'LMS-2026-0001',
        replacement: {
          replaced: [{ kind: 'engagement_letter', number: 'LM-2025-0001', signedOn: '2025-01-10' }],
          summary: summariseChanges(before, [{ ...before[0]!, unitPriceCents: 123_600 }]),
        },
      }),
    );
    expect(content.title).toBe('Lettre de mission substitutive');
    const words = wordsOf(content);
    expect(words).toContain('Lettre de mission\nLM-2025-0001\n10/01/2025');
    expect(words).toContain(
      '1 forfait × 1 200,00 € par an\n1 forfait × 1 236,00 € par an\n1 200,00 €\n1 236,00 €\n+3,00 %',
    );
  });

  it('a replacement letter agrees with what it replaces: one letter, or a letter and its amendments', () => {
    const before = [{ ...aLineFacts(), key: 'a' }];
    const summary = summariseChanges(before, before);
    const replacing = (replaced: { kind: 'engagement_letter' | 'amendment'; number: string }[]) =>
      wordsOf(
        documentContent(
          aDocumentFacts({
            kind: 'replacement_letter',
            number: 'LMS-2026-0002',
            effectiveDate: '2027-01-01',
            replacement: { replaced: replaced.map((doc) => ({ ...doc, signedOn: '2025-01-10' })), summary },
          }),
        ),
      );
    expect(replacing([{ kind: 'engagement_letter', number: 'LM-2025-0001' }])).toContain(
      'la présente lettre annule et remplace la lettre de mission suivante :',
    );
    expect(
      replacing([
        { kind: 'engagement_letter', number: 'LM-2025-0001' },
        { kind: 'amendment', number: 'LM-2025-0001-A01' },
      ]),
    ).toContain('la présente lettre annule et remplace la lettre de mission et les avenants suivants :');
    const twoLetters = [
      { kind: 'engagement_letter', number: 'LM-2025-0001' },
      { kind: 'engagement_letter', number: 'LM-2025-0002' },
    ] as const;
    expect(replacing([...twoLetters])).toContain('annule et remplace les lettres de mission suivantes :');
    expect(replacing([...twoLetters, { kind: 'amendment', number: 'LM-2025-0002-A01' }])).toContain(
      'annule et remplace les lettres de mission et les avenants suivants :',
    );
  });

  it('a letter without an effective date yet says so, and when its first period will be set', () => {
    const words = wordsOf(documentContent(aDocumentFacts({ effectiveDate: null, number: null })));
    expect(words).toContain('Date d’effet\n—');
    expect(words).toContain('alignée sur les exercices comptables du client');
  });

  it('one mission or several, the letter says so; the firm’s Ordre council is never read as the region’s', () => {
    const one = wordsOf(documentContent(aDocumentFacts()));
    expect(one).toContain('l’étendue de la mission confiée au cabinet');
    const two = documentContent(aDocumentFacts({ lines: [aLineFacts(), aLineFacts({ label: 'Paie' })] }));
    expect(headings(two)).toContain('Objet et étendue des missions');
    expect(wordsOf(two)).toContain('l’étendue des missions confiées au cabinet');
    expect(one).toContain(
      'Inscription au tableau du conseil régional de l’Ordre des experts-comptables Auvergne-Rhône-Alpes',
    );
  });

  it('the signed copy says so in every page’s footer, not only under its title', () => {
    const content = documentContent(aDocumentFacts({ signed: aSignedFacts() }));
    expect(content.footer).toMatch(/^Lettre de mission LM-2026-0001 — exemplaire signé · /);
  });

  it('a proposal: its validity and the acceptance by the client alone', () => {
    const content = documentContent(
      aDocumentFacts({ kind: 'proposal', number: 'OS-2026-0001', validUntil: '2026-12-31' }),
    );
    const words = wordsOf(content);
    expect(words).toContain('Cette offre est valable jusqu’au 31/12/2026 inclus.');
    const signatures = content.blocks.find((b) => b.type === 'signatures');
    expect(signatures).toMatchObject({
      title: 'Acceptation de l’offre',
      signatories: [{ heading: 'Pour le client', mention: 'Bon pour accord' }],
    });
  });

  it('an amendment names its letter, its changes and the new total; without its letter, dashes', () => {
    const before = [{ ...aLineFacts(), key: 'a' }];
    const summary = {
      ...summariseChanges(before, [
        ...before,
        { ...aLineFacts({ label: 'Paie', unitPriceCents: 10_000, recurrence: 'monthly' }), key: 'b' },
      ]),
      effectiveDate: '2027-03-01',
    };
    const words = wordsOf(
      documentContent(
        aDocumentFacts({
          kind: 'amendment',
          number: 'LM-2026-0001-A01',
          effectiveDate: '2027-03-01',
          amendment: { letterNumber: 'LM-2026-0001', letterSignedOn: '2026-01-10', summary },
        }),
      ),
    );
    expect(words).toContain(
      'modifie la lettre de mission n° LM-2026-0001 signée le 10/01/2026, à compter du 01/03/2027',
    );
    expect(words).toContain(
      'Nouveau total des honoraires annuels récurrents de la lettre : 2 400,00 € HT (1 200,00 € HT auparavant, +100,00 %)',
    );
    const bare = wordsOf(documentContent(aDocumentFacts({ kind: 'amendment', amendment: null })));
    expect(bare).toContain('modifie la lettre de mission n° — signée le —');
  });

  it('a work order flags its lines « hors forfait » and is signed by the client alone', () => {
    const content = documentContent(
      aDocumentFacts({
        kind: 'work_order',
        number: 'BI-2026-0001',
        lines: [
          aLineFacts({
            label: 'Création de société',
            recurrence: 'one_off',
            outsideScope: true,
            unitLabel: 'acte',
          }),
        ],
      }),
    );
    const table = content.blocks.find(
      (b) => b.type === 'table' && b.columns.some((c) => c.header === 'Hors forfait'),
    );
    expect(table).toMatchObject({
      rows: [
        {
          cells: [
            'Création de société',
            '1',
            'acte',
            '1\u202f200,00\u00a0€',
            'une fois',
            'Oui',
            '1\u202f200,00\u00a0€',
          ],
        },
      ],
    });
    expect(wordsOf(content)).not.toContain('Échéancier mensuel');
  });

  it('formats quantities, rates, percents, dates and fiscal year ends the French way', () => {
    expect([formatQuantity('7.500'), formatQuantity('3'), formatQuantity('0.25')]).toEqual([
      '7,5',
      '3',
      '0,25',
    ]);
    expect([formatRate(2000), formatRate(550), formatRate(0)]).toEqual(['20 %', '5,5 %', '0 %']);
    expect([formatPercent('3.00'), formatPercent('-1.50'), formatPercent(null)]).toEqual([
      '+3,00 %',
      '−1,50 %',
      '—',
    ]);
    expect([formatDate('2026-11-29'), formatDate(null)]).toEqual(['29/11/2026', '—']);
    expect([formatFiscalYearEnd('12-31'), formatFiscalYearEnd('04-01')]).toEqual([
      '31 décembre',
      '1er avril',
    ]);
  });

  it('a consumer may go to conciliation but is never bound to it first; is told of the renewal and may withdraw', () => {
    const base = aDocumentFacts();
    const consumer = { ...base.client, isIndividual: true, siren: null, legalForm: null };
    const words = wordsOf(documentContent(aDocumentFacts({ client: consumer })));
    expect(words).toContain('les parties peuvent le soumettre à la conciliation');
    expect(words).not.toContain('s’engagent, avant toute action en justice');
    expect(words).toContain('article L. 215-1 du Code de la consommation');
    expect(words).toContain('quatorze jours');
    const business = wordsOf(documentContent(aDocumentFacts()));
    expect(business).toContain('les parties s’engagent, avant toute action en justice');
    expect(business).not.toContain('L. 215-1');
    const byNewLetter = wordsOf(documentContent(aDocumentFacts({ client: consumer, renewal: 'new_letter' })));
    // No renewal to announce (L. 215-1); ending it by e-mail (L. 215-1-1) stays open.
    expect(byNewLetter).not.toContain('article L. 215-1 du Code');
    expect(byNewLetter).not.toContain('Date limite de dénonciation');
  });

  it('a company is « représentée » by its signatory, the firm « représenté » by its associé', () => {
    const words = wordsOf(documentContent(aDocumentFacts()));
    expect(words).toContain('Représentée par Julien Martin, gérant');
    expect(words).toContain('Représenté par Claire Dupré, experte-comptable associée');
  });

  it('a work order refers to the letter in force and prints no revision clause of recurring fees', () => {
    const words = wordsOf(
      documentContent(
        aDocumentFacts({
          kind: 'work_order',
          revisionClause: 'Révision annuelle selon Syntec.',
          lines: [aLineFacts({ recurrence: 'one_off' })],
        }),
      ),
    );
    expect(words).not.toContain('Clause de révision');
    expect(words).toContain('régis par la lettre de mission en vigueur et ses conditions générales');
  });

  it('units take the plural above one', () => {
    expect([
      formatUnit('bulletin', '7'),
      formatUnit('bulletin de paie', '2'),
      formatUnit(null, '1'),
      formatUnit('heures', '1.5'),
    ]).toEqual(['bulletins', 'bulletins de paie', 'forfait', 'heures']);
  });
});
