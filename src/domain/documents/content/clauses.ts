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
  'Tout retard de paiement entraîne de plein droit, sans qu’un rappel soit nécessaire, des pénalités de retard au taux d’intérêt appliqué par la Banque centrale européenne à son opération de refinancement la plus récente, majoré de 10 points (article L. 441-10 du Code de commerce), ainsi qu’une indemnité forfaitaire pour frais de recouvrement de 40 € (article D. 441-5 du Code de commerce).';

export const LATE_PAYMENT_CONSUMER =
  'Tout retard de paiement entraîne, après mise en demeure restée sans effet, des intérêts au taux légal en vigueur.';

export const NO_LIABILITY_CAP =
  'Le client étant un consommateur, la responsabilité du cabinet n’est soumise à aucun plafond conventionnel.';

/** The revision clause revises recurring fees: a document without any (a work order) omits it. */
export const paymentClauses = (facts: DocumentFacts): Block[] => [
  heading('Modalités de paiement'),
  paragraph(facts.paymentTerms ?? ''),
  paragraph(facts.client.isIndividual ? LATE_PAYMENT_CONSUMER : LATE_PAYMENT_BUSINESS),
  ...(facts.revisionClause && facts.totals.annualRecurringHtCents > 0
    ? [heading('Clause de révision'), paragraph(facts.revisionClause)]
    : []),
];

/** Code de la consommation, art. L. 612-1: a consumer may always turn to the firm's mediator. */
export const consumerMediation = (facts: DocumentFacts): Block[] =>
  facts.client.isIndividual
    ? [
        heading('Médiation de la consommation'),
        paragraph(
          `Conformément aux articles L. 612-1 et suivants du Code de la consommation, le client peut recourir gratuitement au médiateur de la consommation dont relève le cabinet : ${facts.firm.consumerMediator ?? '—'}.`,
        ),
      ]
    : [];

const liability = (facts: DocumentFacts): string =>
  facts.client.isIndividual
    ? `Le cabinet est assuré en responsabilité civile professionnelle auprès de ${facts.firm.insurer ?? '—'} (${facts.firm.insuranceCoverage ?? '—'}). ${NO_LIABILITY_CAP}`
    : `Le cabinet est assuré en responsabilité civile professionnelle auprès de ${facts.firm.insurer ?? '—'} (${facts.firm.insuranceCoverage ?? '—'}). Sauf faute lourde ou dolosive, sa responsabilité est limitée, pour l’ensemble des missions de l’exercice, au montant des honoraires annuels convenus, et toute action en responsabilité doit être introduite dans un délai d’un an à compter de la connaissance du dommage.`;

/**
 * Conciliation by the president of the regional council comes first between professionals; a
 * consumer cannot be made to try it before going to court (Code de la consommation, L. 612-4).
 */
const disputes = (facts: DocumentFacts): Block[] => {
  const council = facts.firm.ordreCouncil ? ` (${facts.firm.ordreCouncil})` : '';
  return [
    heading('Différends'),
    paragraph(
      facts.client.isIndividual
        ? `En cas de différend sur l’exécution de la mission ou sur les honoraires, les parties peuvent le soumettre à la conciliation du président du conseil régional de l’Ordre des experts-comptables dont relève le cabinet${council}, sans que le client soit tenu de le faire avant toute action en justice. À défaut d’accord, le litige est porté devant la juridiction compétente.`
        : `En cas de différend sur l’exécution de la mission ou sur les honoraires, les parties s’engagent, avant toute action en justice, à le soumettre à la conciliation du président du conseil régional de l’Ordre des experts-comptables dont relève le cabinet${council}. À défaut de conciliation, le litige est porté devant la juridiction compétente.`,
    ),
    ...consumerMediation(facts),
  ];
};

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
  heading('Lutte contre le blanchiment des capitaux et le financement du terrorisme'),
  paragraph(
    'En application des articles L. 561-1 et suivants du Code monétaire et financier, le cabinet identifie le client et, le cas échéant, ses bénéficiaires effectifs, et exerce une vigilance constante pendant toute la relation d’affaires. Le client s’engage à fournir les justificatifs demandés et à signaler toute modification. Lorsque l’identification est impossible, le cabinet ne peut ni commencer ni poursuivre la mission (article L. 561-8). Le cabinet peut être tenu de déclarer à TRACFIN des opérations, sans pouvoir en informer le client (article L. 561-18).',
  ),
  heading('Données personnelles'),
  paragraph(
    `Le cabinet, responsable de traitement, traite les données personnelles du client pour l’exécution de la mission (base contractuelle) et le respect de ses obligations légales, notamment de vigilance, conformément au règlement (UE) 2016/679 (RGPD). Elles sont conservées pendant la durée de la mission puis pendant les délais légaux de prescription. Les personnes concernées disposent d’un droit d’accès, de rectification, d’effacement, de limitation, d’opposition et de portabilité, qu’elles exercent auprès du cabinet${facts.firm.email ? ` (${facts.firm.email})` : ''}, et peuvent introduire une réclamation auprès de la CNIL. Pour les données des salariés du client traitées pour la paie, le cabinet agit en qualité de sous-traitant au sens de l’article 28 du RGPD, sur les instructions du client, et en garantit la sécurité et la confidentialité.`,
  ),
  ...disputes(facts),
];
