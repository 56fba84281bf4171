import { describe, expect, it } from 'vitest';
import { missingItems } from '../../src/domain/documents/completeness.ts';
import { aDocumentFacts, aLineFacts } from '../builders/document-facts.ts';

const codesOf = (facts: Parameters<typeof missingItems>[0]) => missingItems(facts).map((item) => item.code);

describe('the completeness check (DOMAIN.md "What a letter must contain")', () => {
  it('a complete letter has nothing missing', () => {
    expect(missingItems(aDocumentFacts())).toEqual([]);
  });

  it('names each missing item of the firm in French', () => {
    const base = aDocumentFacts();
    const facts = aDocumentFacts({
      firm: {
        ...base.firm,
        legalForm: null,
        addressLine1: ' ',
        phone: null,
        email: null,
        rcs: null,
        vatNumber: null,
        ordreCouncil: null,
        insurer: null,
        insuranceCoverage: '',
      },
    });
    expect(missingItems(facts).map((item) => item.message)).toEqual([
      'Forme juridique du cabinet manquante',
      'Adresse du cabinet incomplète',
      'Téléphone du cabinet manquant',
      'Adresse e-mail du cabinet manquante',
      'Numéro RCS du cabinet manquant',
      'Numéro de TVA intracommunautaire du cabinet manquant',
      'Conseil régional de l’Ordre du cabinet non renseigné',
      'Assureur de responsabilité civile professionnelle du cabinet non renseigné',
      'Garantie de l’assurance professionnelle du cabinet non renseignée',
    ]);
  });

  it('names the client’s missing identity, signatory and capacity', () => {
    const base = aDocumentFacts();
    const facts = aDocumentFacts({
      client: { ...base.client, legalForm: null, siren: null, city: null, activity: null },
      clientSignatory: { name: 'Julien Martin', capacity: null },
    });
    expect(codesOf(facts)).toEqual([
      'client.legalForm',
      'client.siren',
      'client.address',
      'client.activity',
      'client.signatoryCapacity',
    ]);
    expect(missingItems(aDocumentFacts({ clientSignatory: null }))).toEqual([
      { code: 'client.signatory', message: 'Signataire du client non renseigné' },
    ]);
  });

  it('a private person needs no SIREN, legal form nor capacity, but the firm must name its consumer mediator', () => {
    const base = aDocumentFacts();
    const consumer = {
      ...base.client,
      isIndividual: true,
      legalForm: null,
      siren: null,
    };
    expect(
      codesOf(
        aDocumentFacts({ client: consumer, clientSignatory: { name: 'Camille Roux', capacity: null } }),
      ),
    ).toEqual([]);
    expect(
      missingItems(aDocumentFacts({ client: consumer, firm: { ...base.firm, consumerMediator: null } })),
    ).toEqual([
      {
        code: 'firm.consumerMediator',
        message: 'Médiateur de la consommation du cabinet non renseigné (client particulier)',
      },
    ]);
  });

  it('R-B3 a letter or an amendment needs an associé to sign for the firm; a proposal does not', () => {
    expect(codesOf(aDocumentFacts({ firmSignatory: null }))).toEqual(['firm.signatory']);
    expect(
      codesOf(
        aDocumentFacts({ kind: 'proposal', firmSignatory: null, validUntil: '2026-12-31', terms: null }),
      ),
    ).toEqual([]);
  });

  it('each recurring service of a letter says what it is, what it is not and who does what', () => {
    const facts = aDocumentFacts({
      lines: [
        aLineFacts({ label: 'Tenue', description: null, exclusions: null, taskSplit: [] }),
        aLineFacts({ label: 'Création de société', recurrence: 'one_off', exclusions: null, taskSplit: [] }),
      ],
    });
    expect(missingItems(facts)).toEqual([
      { code: 'lines.0.description', message: 'Mission « Tenue » : nature et étendue non décrites' },
      {
        code: 'lines.0.exclusions',
        message: 'Mission « Tenue » : limites de la mission (ce qu’elle ne comprend pas) non précisées',
      },
      {
        code: 'lines.0.taskSplit',
        message: 'Mission « Tenue » : répartition des tâches entre le cabinet et le client non renseignée',
      },
    ]);
  });

  it('a proposal needs its validity date and each service described; a work order only what it prints', () => {
    const proposal = aDocumentFacts({
      kind: 'proposal',
      terms: null,
      lines: [aLineFacts({ description: null, exclusions: null, taskSplit: [] })],
    });
    expect(codesOf(proposal)).toEqual(['lines.0.description', 'document.validUntil']);
    const workOrder = aDocumentFacts({
      kind: 'work_order',
      terms: null,
      lines: [aLineFacts({ description: null, recurrence: 'one_off', exclusions: null, taskSplit: [] })],
    });
    expect(codesOf(workOrder)).toEqual([]);
  });

  it('the document itself: lines, effective date, payment terms, terms version, amended letter', () => {
    expect(
      codesOf(aDocumentFacts({ lines: [], effectiveDate: null, paymentTerms: ' ', terms: null })),
    ).toEqual(['document.lines', 'document.effectiveDate', 'document.paymentTerms', 'document.terms']);
    expect(
      codesOf(aDocumentFacts({ kind: 'amendment', paymentTerms: null, terms: null, amendment: null })),
    ).toEqual(['document.amendedLetter']);
  });
});
