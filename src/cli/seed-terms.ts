/**
 * The demo firm's general terms (conditions générales), two versions: v2 adds what the electronic
 * invoicing reform changes from 1 September 2026 and updates the personal-data clause.
 */

const OBJET = `1. Objet
Les présentes conditions générales s’appliquent à toutes les missions confiées au cabinet. Elles forment avec la lettre de mission, ses éventuels avenants et leurs annexes un ensemble contractuel indivisible. En cas de contradiction, la lettre de mission prévaut sur les conditions générales.`;

const OBLIGATIONS_CABINET = `2. Obligations du cabinet
Le cabinet exécute la mission conformément au code de déontologie de la profession d’expert-comptable, aux normes professionnelles de l’Ordre des experts-comptables et aux termes de la lettre de mission. Il est tenu d’une obligation de moyens. Il peut se faire assister par des collaborateurs de son choix, sous sa responsabilité.`;

const OBLIGATIONS_CLIENT = `3. Obligations du client
Le client met à la disposition du cabinet, dans les délais convenus, l’ensemble des documents et informations nécessaires à la mission ; il s’engage à porter à sa connaissance les faits importants ou exceptionnels et à l’informer de tout engagement susceptible d’affecter ses résultats ou sa situation patrimoniale. Le client reste responsable de la conservation de ses pièces justificatives et de l’exhaustivité des informations transmises. À la fin de chaque exercice, il confirme par écrit le caractère exhaustif des informations fournies (lettre d’affirmation).`;

const HONORAIRES = `4. Honoraires et conditions de paiement
Les honoraires sont fixés dans la lettre de mission ; ils sont payables par prélèvement mensuel, sauf stipulation contraire. Les honoraires des travaux non prévus par la lettre de mission font l’objet d’un avenant ou d’un bon d’intervention. En cas de retard de paiement, les clients professionnels doivent des pénalités au taux de la Banque centrale européenne majoré de 10 points et une indemnité forfaitaire de 40 € pour frais de recouvrement (articles L. 441-10 et D. 441-5 du code de commerce) ; les clients consommateurs, des intérêts au taux légal après mise en demeure. Le cabinet peut suspendre ses travaux après une mise en demeure restée sans effet pendant quinze jours.`;

const RESPONSABILITE = `5. Responsabilité
La responsabilité civile professionnelle du cabinet est assurée auprès de l’assureur mentionné dans la lettre de mission. Sauf à l’égard des clients consommateurs, la responsabilité du cabinet est limitée, toutes causes confondues, au montant des honoraires annuels convenus pour l’exercice concerné, et toute action en responsabilité doit être introduite dans un délai d’un an à compter de la connaissance du dommage. Le cabinet ne répond pas des conséquences d’informations inexactes ou incomplètes fournies par le client.`;

const SECRET = `6. Secret professionnel
Le cabinet et ses collaborateurs sont tenus au secret professionnel dans les conditions prévues à l’article 226-13 du code pénal et à l’article 21 de l’ordonnance du 19 septembre 1945. Le secret ne peut être levé que dans les cas prévus par la loi, notamment à l’égard de l’administration dans le cadre d’un contrôle ou de TRACFIN.`;

const LCBFT = `7. Lutte contre le blanchiment des capitaux et le financement du terrorisme
En application des articles L. 561-1 et suivants du code monétaire et financier, le cabinet identifie le client et ses bénéficiaires effectifs, recueille les informations sur l’objet et la nature de la relation d’affaires et exerce une vigilance constante. Le client s’engage à fournir les justificatifs demandés et à signaler toute modification. Le cabinet est tenu de déclarer à TRACFIN les opérations suspectes, sans en informer le client.`;

const DONNEES_V1 = `8. Données personnelles
Le cabinet traite les données personnelles du client et de ses salariés pour l’exécution de la mission et le respect de ses obligations légales, conformément au règlement (UE) 2016/679 (RGPD). Les données sont conservées pendant la durée de la mission puis pendant les délais légaux de prescription. Toute personne concernée dispose d’un droit d’accès, de rectification et d’effacement auprès du cabinet.`;

// The same split of roles and the same single contact as the letter's clause and its annex
// (src/domain/documents/content/personal-data.ts): the letter names the address.
const DONNEES_V2 = `8. Données personnelles
Le cabinet est responsable des traitements qu’il met en œuvre pour ses propres finalités : la gestion de la relation avec le client et la facturation, ses obligations de vigilance en matière de lutte contre le blanchiment. Pour les données personnelles que le client lui confie pour l’exécution de la mission (tenue de la comptabilité, déclarations, secrétariat juridique et, pour une mission sociale, les données de ses salariés pour la paie), le client est responsable de traitement et le cabinet agit en qualité de sous-traitant au sens de l’article 28 du règlement (UE) 2016/679 (RGPD), sur ses seules instructions documentées, selon les clauses de sous-traitance annexées à la lettre de mission. Les données sont hébergées dans l’Union européenne, conservées pendant la durée de la mission puis pendant les délais légaux de prescription. Toute personne concernée dispose d’un droit d’accès, de rectification, d’effacement, de limitation, d’opposition et de portabilité, qu’elle exerce auprès du contact unique pour les données personnelles désigné dans la lettre de mission, et peut saisir la CNIL.`;

const FACTURATION_ELECTRONIQUE = `9. Facturation électronique
À compter du 1er septembre 2026, le client assujetti à la TVA reçoit ses factures fournisseurs par une plateforme agréée, puis les émet par ce canal selon le calendrier légal. Le cabinet l’assiste dans le choix de la plateforme et récupère les flux de factures et de données de transaction nécessaires à la tenue de la comptabilité ; le client lui donne les accès correspondants.`;

const litiges = (number: number) => `${number}. Durée, résiliation et litiges
La mission est conclue pour la durée d’un exercice et se renouvelle par tacite reconduction, sauf dénonciation par lettre recommandée trois mois avant la date de clôture de l’exercice ; le client consommateur peut la dénoncer ou la résilier par lettre ou par courriel adressé au cabinet (article L. 215-1-1 du code de la consommation). Chaque partie peut mettre fin à la mission avant son terme pour manquement grave de l’autre resté sans effet quinze jours après une mise en demeure ; à la fin de la mission, le cabinet restitue au client les documents qu’il lui a confiés et remet à son successeur les éléments nécessaires à la continuité de la mission. En cas de différend, les parties s’engagent, avant toute action en justice, à soumettre leur litige à la conciliation du président du conseil régional de l’Ordre des experts-comptables ; le client consommateur peut y recourir, ainsi qu’au médiateur de la consommation désigné dans la lettre de mission, sans que cela lui soit imposé. À défaut d’accord, le litige est porté devant les juridictions du ressort du siège du cabinet, sauf disposition impérative contraire.`;

export const TERMS_VERSIONS = [
  {
    version: 1,
    title: 'Conditions générales d’intervention — version 2025',
    effectiveFrom: '2025-01-01',
    body: [
      OBJET,
      OBLIGATIONS_CABINET,
      OBLIGATIONS_CLIENT,
      HONORAIRES,
      RESPONSABILITE,
      SECRET,
      LCBFT,
      DONNEES_V1,
      litiges(9),
    ].join('\n\n'),
  },
  {
    version: 2,
    title: 'Conditions générales d’intervention — version septembre 2026',
    effectiveFrom: '2026-09-01',
    body: [
      OBJET,
      OBLIGATIONS_CABINET,
      OBLIGATIONS_CLIENT,
      HONORAIRES,
      RESPONSABILITE,
      SECRET,
      LCBFT,
      DONNEES_V2,
      FACTURATION_ELECTRONIQUE,
      litiges(10),
    ].join('\n\n'),
  },
] as const;
