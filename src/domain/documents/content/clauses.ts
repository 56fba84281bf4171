import type { Block } from './blocks.ts';
import type { DocumentFacts } from './facts.ts';
import { hasProcessingOnBehalf, personalDataClause } from './personal-data.ts';

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

/** L. 215-1-1: a consumer ends the contract the way it may be concluded, electronically included. */
export const consumerElectronicTermination = (facts: DocumentFacts): string =>
  `Le client peut notifier la dénonciation ou la résiliation de la mission par voie électronique, par un courriel adressé au cabinet${facts.firm.email ? ` (${facts.firm.email})` : ''}, dont le cabinet accuse réception sans délai, ou par lettre (article L. 215-1-1 du Code de la consommation).`;

/** What a successor needs: a business's books, a private person's returns. */
const handover = (facts: DocumentFacts): string =>
  facts.client.isIndividual
    ? 'les déclarations déposées, leurs justificatifs de calcul et l’état des échéances à venir'
    : 'balance, grand livre et comptes annuels du dernier exercice arrêté, fichier des écritures comptables (FEC), tableau des immobilisations, état des déclarations en cours et de leurs échéances';

/**
 * Early termination, the handover to a successor and the return of documents (issue 14, item 3):
 * what happens when the mission ends before or at its term. A consumer may end it electronically
 * (Code de la consommation, L. 215-1-1).
 */
export const endOfMission = (facts: DocumentFacts): Block[] => [
  heading('Résiliation anticipée'),
  paragraph(
    `Chacune des parties peut mettre fin à la mission avant son terme en cas de manquement grave de l’autre partie à ses obligations, resté sans effet quinze jours après une mise en demeure, ou lorsque des circonstances mettent en cause l’indépendance du cabinet ou l’empêchent de satisfaire à ses obligations de vigilance (article L. 561-8 du Code monétaire et financier). Le cabinet n’interrompt pas la mission à contretemps : il achève les travaux nécessaires aux échéances légales imminentes, sauf refus du client. Les honoraires des travaux réalisés jusqu’à la date de fin restent dus ; les honoraires forfaitaires réglés pour une période non exécutée sont remboursés au prorata.${facts.client.isIndividual ? ` ${consumerElectronicTermination(facts)}` : ''}`,
  ),
  heading('Fin de mission, transmission du dossier et restitution des documents'),
  paragraph(
    `À la fin de la mission, quelle qu’en soit la cause, le cabinet restitue au client, sur simple demande et sans délai, les documents et pièces que celui-ci lui a confiés ; il ne les retient pas au motif d’honoraires impayés. Il remet au client ou à l’expert-comptable qui lui succède les éléments nécessaires à la continuité de la mission : ${handover(facts)}. Il répond à la lettre de son successeur conformément au code de déontologie de la profession. Ses dossiers de travail restent sa propriété et demeurent couverts par le secret professionnel.${hasProcessingOnBehalf(facts) ? ' Les données personnelles traitées pour le compte du client lui sont restituées ou supprimées comme le prévoit l’annexe de sous-traitance.' : ''}`,
  ),
];

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
  ...endOfMission(facts),
  ...personalDataClause(facts),
  ...disputes(facts),
];
