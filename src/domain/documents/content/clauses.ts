import type { Block } from './blocks.ts';
import type { DocumentFacts } from './facts.ts';

/**
 * The clauses every letter carries (DOMAIN.md "What a letter must contain"): obligations,
 * liability, secrecy, anti-money-laundering, personal data, disputes. A private person is a
 * consumer: no liability cap, and the consumer mediator's details (Code de la consommation,
 * art. L. 612-1).
 */

const heading = (text: string): Block => ({ type: 'heading', level: 2, text });
const paragraph = (text: string): Block => ({ type: 'paragraph', text });

export const LATE_PAYMENT_BUSINESS =
  'Tout retard de paiement entraîne de plein droit, sans rappel, des pénalités de retard au taux d’intérêt appliqué par la Banque centrale européenne à son opération de refinancement la plus récente, majoré de 10 points (article L. 441-10 du Code de commerce), ainsi qu’une indemnité forfaitaire pour frais de recouvrement de 40 € (article D. 441-5 du Code de commerce).';

export const LATE_PAYMENT_CONSUMER =
  'Tout retard de paiement entraîne, après mise en demeure restée sans effet, des intérêts au taux légal en vigueur.';

export const NO_LIABILITY_CAP =
  'Le client étant un consommateur, la responsabilité du cabinet n’est soumise à aucun plafond conventionnel.';

export const paymentClauses = (facts: DocumentFacts): Block[] => [
  heading('Modalités de paiement'),
  paragraph(facts.paymentTerms ?? ''),
  paragraph(facts.client.isIndividual ? LATE_PAYMENT_CONSUMER : LATE_PAYMENT_BUSINESS),
  ...(facts.revisionClause ? [heading('Clause de révision'), paragraph(facts.revisionClause)] : []),
];

const liability = (facts: DocumentFacts): string =>
  facts.client.isIndividual
    ? `Le cabinet est assuré en responsabilité civile professionnelle auprès de ${facts.firm.insurer ?? '—'} (${facts.firm.insuranceCoverage ?? '—'}). ${NO_LIABILITY_CAP}`
    : `Le cabinet est assuré en responsabilité civile professionnelle auprès de ${facts.firm.insurer ?? '—'} (${facts.firm.insuranceCoverage ?? '—'}). Sauf faute lourde ou dolosive, sa responsabilité est limitée, pour l’ensemble des missions de l’exercice, au montant des honoraires annuels convenus, et ne peut être engagée que pendant l’année qui suit la connaissance du dommage.`;

const disputes = (facts: DocumentFacts): Block[] => [
  heading('Différends'),
  paragraph(
    `En cas de différend sur l’exécution de la présente mission ou sur les honoraires, les parties s’engagent, avant toute action en justice, à le soumettre à la conciliation du président du conseil régional de l’Ordre des experts-comptables dont relève le cabinet${facts.firm.ordreCouncil ? ` (${facts.firm.ordreCouncil})` : ''}. À défaut de conciliation, le litige est porté devant la juridiction compétente.`,
  ),
  ...(facts.client.isIndividual
    ? [
        heading('Médiation de la consommation'),
        paragraph(
          `Conformément aux articles L. 612-1 et suivants du Code de la consommation, le client peut recourir gratuitement au médiateur de la consommation dont relève le cabinet : ${facts.firm.consumerMediator ?? '—'}.`,
        ),
      ]
    : []),
];

export const legalClauses = (facts: DocumentFacts): Block[] => [
  heading('Obligations des parties'),
  paragraph(
    'Le cabinet exécute la mission conformément aux normes professionnelles de l’Ordre des experts-comptables : il met en œuvre les diligences qu’elles prévoient, avec soin et dans les délais convenus. Il est tenu d’une obligation de moyens.',
  ),
  paragraph(
    'Le client s’engage à transmettre dans les délais prévus des pièces et informations complètes et sincères, à informer le cabinet de tout fait important ou exceptionnel, et à ne pas solliciter les collaborateurs du cabinet pour des travaux hors mission.',
  ),
  heading('Responsabilité'),
  paragraph(liability(facts)),
  heading('Secret professionnel'),
  paragraph(
    'Le cabinet et ses collaborateurs sont tenus au secret professionnel (article 21 de l’ordonnance n° 45-2138 du 19 septembre 1945) et à la discrétion sur toutes les informations dont ils ont connaissance dans le cadre de la mission.',
  ),
  heading('Lutte contre le blanchiment des capitaux'),
  paragraph(
    'En application des articles L. 561-1 et suivants du Code monétaire et financier, le cabinet identifie le client et, le cas échéant, ses bénéficiaires effectifs, exerce une vigilance constante pendant toute la relation d’affaires et peut être tenu de procéder à une déclaration auprès de TRACFIN. Le client s’engage à fournir les justificatifs demandés.',
  ),
  heading('Données personnelles'),
  paragraph(
    'Le cabinet traite les données personnelles transmises pour l’exécution de la mission et le respect de ses obligations légales, conformément au règlement (UE) 2016/679 (RGPD). Elles sont conservées pendant la durée légale applicable. Les personnes concernées disposent d’un droit d’accès, de rectification, d’effacement, de limitation et d’opposition, qu’elles exercent auprès du cabinet.',
  ),
  ...disputes(facts),
];
