/**
 * The closed catalogue of refusals. Each code is stable (clients match on it), its French message
 * says what to do. The HTTP status of each code lives in src/http/error-status.ts; docs/errors.md
 * lists the same codes (a test keeps them equal).
 */
export const ERROR_MESSAGES = {
  'REQUEST.VALIDATION_FAILED':
    'La requête contient des champs invalides : corrigez les champs indiqués puis réessayez.',
  'REQUEST.MALFORMED_BODY': 'Le corps de la requête n’est pas un JSON valide : vérifiez sa syntaxe.',
  'REQUEST.ROUTE_NOT_FOUND': 'Cette adresse n’existe pas dans l’API : consultez la documentation sur /docs.',
  'REQUEST.PAYLOAD_TOO_LARGE': 'Le fichier ou la requête est trop volumineux : réduisez sa taille.',
  'AUTH.UNAUTHENTICATED': 'Vous n’êtes pas connecté : connectez-vous ou fournissez un jeton d’API valide.',
  'AUTH.INVALID_CREDENTIALS': 'Adresse e-mail ou mot de passe incorrect : vérifiez vos identifiants.',
  'AUTH.FIRM_AMBIGUOUS': 'Cette adresse e-mail appartient à plusieurs cabinets : précisez le cabinet.',
  'AUTH.TOO_MANY_ATTEMPTS':
    'Trop de tentatives : patientez le délai indiqué (en-tête Retry-After) avant de réessayer, ou choisissez « Mot de passe oublié ? ».',
  'AUTH.TOKEN_READ_ONLY':
    'Ce jeton d’API est en lecture seule : demandez à un associé un jeton avec la portée « write » pour modifier des données.',
  'AUTH.TOKEN_ADMIN_SCOPE_REQUIRED':
    'Ce jeton d’API ne peut pas gérer les jetons ni les utilisateurs : faites-le depuis l’application, ou avec un jeton de portée « admin ».',
  'AUTH.RESET_LINK_INVALID':
    'Ce lien de réinitialisation n’est plus valable (déjà utilisé, ou plus d’une heure passée) : demandez-en un nouveau avec « Mot de passe oublié ? ».',
  'AUTH.CROSS_SITE_REQUEST':
    'Requête refusée : elle vient d’un autre site que Lettrine. Refaites l’action depuis l’application.',
  'AUTH.FORBIDDEN': 'Votre rôle ne permet pas cette action : demandez-la à un associé du cabinet.',
  'RESOURCE.NOT_FOUND': 'L’élément demandé n’existe pas ou n’appartient pas à votre cabinet.',
  'EDIT.STALE_VERSION':
    'Cet élément a été modifié par quelqu’un d’autre depuis votre lecture : rechargez-le puis refaites votre modification.',
  'IDEMPOTENCY.KEY_REUSED':
    'Cette clé d’idempotence a déjà servi pour une autre requête : utilisez une nouvelle clé.',
  'IDEMPOTENCY.IN_PROGRESS':
    'Une requête avec la même clé d’idempotence est en cours : réessayez dans un instant.',
  'COMPANY.INVALID_SIREN':
    'Le SIREN doit comporter 9 chiffres et une clé de contrôle valide : vérifiez-le sur l’extrait Kbis.',
  'COMPANY.INVALID_SIRET':
    'Le SIRET doit comporter 14 chiffres, commencer par le SIREN et avoir une clé de contrôle valide.',
  'COMPANY.SIREN_REQUIRED':
    'Une entreprise doit avoir un SIREN : renseignez-le, ou indiquez qu’il s’agit d’un particulier.',
  'COMPANY.SIREN_TAKEN':
    'Une entreprise avec ce SIREN existe déjà dans votre cabinet : ouvrez sa fiche plutôt que d’en créer une autre.',
  'CONTACT.NOT_IN_COMPANY':
    'Ce contact n’appartient pas à l’entreprise de l’affaire : choisissez un contact de cette entreprise.',
  'ENGAGEMENT.DOCUMENT_KIND_NOT_ALLOWED':
    'Une affaire prospect ne peut contenir que des offres de service et des lettres de mission : transformez-la d’abord en dossier client.',
  'ENGAGEMENT.ALREADY_CLIENT': 'Cette affaire est déjà un dossier client : il n’y a rien à transformer.',
  'DOCUMENT.TRANSITION_NOT_ALLOWED': 'Cette action n’est pas possible dans l’état actuel du document.',
  'DOCUMENT.NOT_EDITABLE':
    'Un document envoyé ne se modifie plus : annulez-le puis dupliquez-le pour en préparer une nouvelle version.',
  'DOCUMENT.EMPTY': 'Le document ne contient aucune ligne : ajoutez au moins une mission avant de l’envoyer.',
  'DOCUMENT.LINE_NOT_ALLOWED':
    'Une ligne ne convient pas à ce type de document : voir le détail de chaque ligne.',
  'DOCUMENT.BILLING_PERIOD_NOT_ALLOWED':
    'Seule une lettre de mission (ou une lettre substitutive) porte une périodicité de facturation : un avenant suit celle de sa lettre.',
  'DOCUMENT.LETTER_NOT_IN_FORCE':
    'La lettre de mission visée n’est pas en vigueur dans cette affaire : choisissez une lettre signée et non remplacée.',
  'DOCUMENT.LINE_TARGET_NOT_FOUND':
    'La ligne à modifier ou à supprimer n’existe pas dans la lettre en vigueur : choisissez une ligne de cette lettre.',
  'DOCUMENT.SCOPE_CHANGED':
    'Un avenant a été signé depuis la préparation de cette lettre substitutive : annulez-la et préparez-en une nouvelle, qui reprendra le périmètre à jour.',
  'DOCUMENT.AMENDMENT_AFTER_REPLACEMENT':
    'Un avenant signé de ces lettres prend effet après la date de la lettre substitutive : datez-la au plus tôt de la prise d’effet de cet avenant.',
  'DOCUMENT.NOTHING_TO_REPLACE': 'Cette affaire n’a aucune lettre de mission en vigueur à remplacer.',
  'DOCUMENT.SIGNATURE_ALREADY_RECORDED': 'Cette signature est déjà enregistrée pour ce document.',
  'DOCUMENT.SIGNATURE_NOT_REQUIRED':
    'Ce type de document ne demande pas la signature du cabinet, seulement celle du client.',
  'DOCUMENT.FIRM_SIGNATORY_NOT_ASSOCIE': 'Seul un associé expert-comptable peut signer pour le cabinet.',
  'DOCUMENT.VALIDITY_PASSED':
    'La date de validité de l’offre est dépassée : prolongez-la ou préparez une nouvelle offre.',
  'DOCUMENT.SIGNING_DEADLINE_PASSED':
    'Le délai de signature de ce document est dépassé : il ne peut plus être signé. Un nouveau document doit être envoyé (le cabinet le duplique, puis l’envoie).',
  'DOCUMENT.INCOMPLETE':
    'Le document ne peut pas être envoyé : des mentions obligatoires manquent. Complétez chaque élément listé, puis renvoyez-le.',
  'VIGILANCE.FILE_INCOMPLETE':
    'La lettre ne peut pas partir : le dossier LCB-FT du client n’est pas prêt (identification, évaluation du risque, approbation, revue ou filtrage). Complétez chaque élément listé dans l’onglet « Vigilance LCB-FT », puis renvoyez-la.',
  'VIGILANCE.ASSESSMENT_INVALID':
    'L’évaluation du risque est incomplète : donnez le motif écrit de chacun des quatre critères (et de tout relèvement du niveau).',
  'VIGILANCE.OVERRIDE_DOWNWARDS':
    'Le niveau de vigilance ne peut être que relevé, jamais abaissé sous celui que donnent les critères : choisissez un niveau supérieur ou retirez le relèvement.',
  'VIGILANCE.ORIGIN_OF_FUNDS_REQUIRED':
    'Une vigilance renforcée s’approuve avec une note sur l’origine des fonds : renseignez-la.',
  'VIGILANCE.APPROVAL_NOT_NEEDED':
    'Ce dossier n’est pas en vigilance renforcée (ou n’a pas encore d’évaluation) : il n’y a rien à approuver.',
  'VIGILANCE.EVIDENCE_INVALID':
    'Ce justificatif n’est pas un PDF ou une image (PNG, JPEG) lisible, ou dépasse la taille permise : enregistrez-le dans l’un de ces formats et déposez-le de nouveau.',
  'VIGILANCE.REGISTER_INVALID':
    'Ce fichier n’est pas le registre national des gels d’avoirs au format JSON publié par la DG Trésor : téléchargez-le de nouveau sur gels-avoirs.dgtresor.gouv.fr.',
  'VIGILANCE.MATCH_ALREADY_DECIDED':
    'Cette correspondance a déjà été levée ou confirmée par un associé : rechargez le dossier.',
  'VIGILANCE.DECISION_REASON_REQUIRED': 'Indiquez le motif de la décision sur cette correspondance.',
  'VIGILANCE.RETENTION_NOT_OVER':
    'Ce dossier LCB-FT ne peut pas encore être purgé : il se conserve cinq ans après la fin de la relation (R-F7). Attendez la date indiquée.',
  'VIGILANCE.FILE_ALREADY_PURGED': 'Ce dossier LCB-FT a déjà été purgé : rechargez la liste.',
  'VIGILANCE.PURGE_REASON_REQUIRED': 'Indiquez le motif de la purge de ce dossier LCB-FT.',
  'SETUP.LINK_INVALID':
    'Ce lien d’installation n’est pas ou plus valable (déjà utilisé, ou plus de 24 heures) : redémarrez le serveur, qui en affiche un nouveau tant qu’aucun cabinet n’existe, ou créez le cabinet avec « lettrine firm create ».',
  'FIRM.SIREN_INVALID':
    'Ce numéro SIREN n’est pas valide : il compte 9 chiffres et sa clé de contrôle doit être juste. Vérifiez-le sur l’avis de situation INSEE du cabinet.',
  'FIRM.SIREN_TAKEN':
    'Un cabinet avec ce SIREN existe déjà sur cette installation : connectez-vous à ce cabinet, ou demandez à son associé de vous inviter.',
  'FIRM.LOGO_INVALID':
    'Ce fichier n’est pas une image PNG ou JPEG lisible : enregistrez le logo au format PNG ou JPEG et envoyez-le de nouveau.',
  'FIRM.LOGO_UNREADABLE':
    'Le logo enregistré du cabinet est illisible et empêche de produire le PDF : un associé doit le déposer de nouveau (PNG ou JPEG) ou le retirer dans les réglages du cabinet.',
  'FIRM.LOGO_TOO_LARGE':
    'Ce logo est trop lourd ou trop grand : envoyez une image de 1 Mo au plus et de 4 000 pixels de côté au plus.',
  'DOCUMENT.SIGNER_EMAIL_MISSING':
    'Ce signataire n’a pas d’adresse e-mail : renseignez celle du contact signataire (ou de l’associé), puis renvoyez le lien.',
  'SIGNING.LINK_INVALID':
    'Ce lien de signature n’est pas ou plus valable. Si vous pensez devoir signer ce document, contactez le cabinet qui vous l’a envoyé.',
  'SIGNING.CONSENT_REQUIRED':
    'Cochez la case par laquelle vous acceptez de signer électroniquement, après avoir lu le document.',
  'SIGNING.CODE_REQUIRED':
    'Demandez d’abord le code à six chiffres (envoyé par e-mail ou SMS), puis saisissez-le.',
  'SIGNING.CODE_INVALID':
    'Ce code est incorrect : vérifiez le dernier code reçu (par e-mail ou SMS) et saisissez-le de nouveau.',
  'SIGNING.CODE_EXPIRED': 'Ce code a expiré (un code est valable 10 minutes) : demandez-en un nouveau.',
  'SIGNING.FIRM_CANNOT_REFUSE':
    'Le cabinet ne refuse pas son propre document : pour y renoncer, annulez-le dans Lettrine.',
  'SIGNING.LOCKED':
    'Trop de codes erronés : la signature par ce lien est bloquée. Contactez le cabinet pour recevoir un nouveau lien.',
  'SIGNING.NAME_MISMATCH':
    'Le nom saisi ne correspond pas à celui du signataire : saisissez vos prénom et nom tels qu’ils figurent sur le document.',
  'SIGNING.DRAWING_INVALID':
    'La signature dessinée n’est pas une image PNG lisible : effacez-la et dessinez-la de nouveau, ou signez avec votre nom seul.',
  'SIGNING.TOO_MANY_REQUESTS': 'Trop de demandes sur ce lien : patientez une minute avant de réessayer.',
  'SIGNING.ACCESS_ENDED':
    'L’accès au document signé par ce lien a pris fin. Pour en recevoir une copie, adressez-vous au cabinet qui vous l’a envoyé (ses coordonnées figurent dans le mail reçu).',
  'SIGNING.COPY_NOT_READY':
    'L’exemplaire signé n’est pas encore disponible : il le sera une fois le document signé par tous et scellé. Réessayez plus tard.',
  'SIGNING.SMS_FAILED':
    'Le SMS portant votre code n’a pas pu être envoyé : réessayez dans un instant, ou demandez le code par e-mail.',
  'SIGNING.MOBILE_INVALID':
    'Ce numéro de mobile n’est pas valable : saisissez un mobile français (06 12 34 56 78) ou international (+32 470 12 34 56).',
  'SEAL.FILE_UNREADABLE':
    'Ce fichier n’est pas un certificat PKCS#12 lisible (.p12 ou .pfx) : exportez de nouveau le certificat du cabinet avec sa clé privée.',
  'SEAL.WRONG_PASSWORD':
    'Le mot de passe ne permet pas d’ouvrir ce fichier PKCS#12 : vérifiez le mot de passe donné à l’export du certificat.',
  'SEAL.LEGACY_ENCRYPTION':
    'Ce fichier PKCS#12 est chiffré à l’ancienne (RC2 ou 3DES) : réexportez-le en AES (OpenSSL 3 sans -legacy, ou l’option AES de votre outil).',
  'SEAL.NO_PRIVATE_KEY':
    'Ce fichier PKCS#12 ne contient pas de clé privée : exportez le certificat « avec la clé privée ».',
  'SEAL.KEY_MISMATCH':
    'La clé privée de ce fichier ne correspond à aucun de ses certificats : exportez ensemble le certificat du cabinet et sa propre clé.',
  'SEAL.UNSUPPORTED_KEY':
    'Le cachet ne sait signer qu’avec une clé RSA : demandez à votre prestataire un certificat à clé RSA (2 048 bits ou plus).',
  'SEAL.CERTIFICATE_EXPIRED':
    'Ce certificat a expiré : importez le certificat en cours de validité que vous a remis votre prestataire.',
  'SEAL.CERTIFICATE_NOT_YET_VALID':
    'Ce certificat n’est pas encore valable : importez-le à partir de sa date de début de validité.',
  'WEBHOOK.URL_INVALID':
    'L’adresse du webhook doit être une URL http ou https complète, par exemple https://exemple.fr/lettrine.',
  'WEBHOOK.EVENT_UNKNOWN':
    'Un des événements choisis n’existe pas : choisissez parmi la liste des événements proposés.',
  'WEBHOOK.TARGET_NOT_ALLOWED':
    'Lettrine n’envoie pas de webhook vers une adresse privée, locale ou interne (localhost, 127.0.0.1, 10.x, 192.168.x, 169.254.x…), ni en http simple en production : indiquez l’adresse https publique de votre logiciel.',
  'VERIFICATION.FILE_INVALID':
    'Ce fichier n’est pas un PDF : envoyez le PDF du document à vérifier, ou son empreinte SHA-256.',
  'SERVICE.NOT_FOUND':
    'Cette mission n’existe pas dans le catalogue du cabinet : choisissez une mission du catalogue.',
  'SERVICE.ARCHIVED': 'Cette mission est archivée : choisissez une mission active du catalogue.',
  'SERVICE.CODE_TAKEN': 'Une mission porte déjà ce code dans le catalogue : choisissez un autre code.',
  'REVALUATION.INVALID_COEFFICIENT':
    'Le coefficient doit être un nombre décimal strictement positif, par exemple 1,03.',
  'REVALUATION.CONFIRMATION_REQUIRED':
    'Ce coefficient baisse les prix ou les augmente de plus de 50 % : confirmez-le explicitement pour l’appliquer.',
  'REVALUATION.INDEX_INVALID':
    'Les indices de la formule doivent être des nombres décimaux strictement positifs, par exemple 318,4 et 327,3.',
  'CAMPAIGN.DATES_INVALID':
    'La date limite de signature des lettres est passée : choisissez une date de validité à venir.',
  'CAMPAIGN.NOT_DRAFT':
    'Cette campagne est déjà générée : ses réglages ne changent plus. Créez une nouvelle campagne pour d’autres réglages.',
  'CAMPAIGN.NOTHING_TO_GENERATE':
    'Aucun client sélectionné n’a de lettre à renouveler : élargissez la sélection ou retirez des exceptions.',
  'CAMPAIGN.NOT_GENERATED':
    'Les lettres de cette campagne ne sont pas encore toutes générées : attendez la fin de la génération avant l’envoi.',
  'TERMS.VERSION_TAKEN': 'Ce numéro de version des conditions générales existe déjà : choisissez le suivant.',
  'TERMS.EFFECTIVE_DATE_BEFORE_PREVIOUS':
    'Une nouvelle version des conditions générales ne peut pas entrer en vigueur avant la précédente : choisissez une date égale ou postérieure.',
  'TERMS.NONE_CURRENT':
    'Aucune version des conditions générales n’est en vigueur : publiez-en une avant de continuer.',
  'USER.EMAIL_TAKEN': 'Un collaborateur utilise déjà cette adresse e-mail dans votre cabinet.',
  'USER.PASSWORD_TOO_COMMON':
    'Ce mot de passe est trop courant (il figure dans les listes que les attaquants essaient en premier) : choisissez une phrase de plusieurs mots à vous.',
  'USER.PASSWORD_CONTAINS_EMAIL':
    'Le mot de passe ne doit pas reprendre l’adresse e-mail du compte : choisissez-en un sans rapport avec elle.',
  'USER.LAST_ASSOCIE':
    'Le cabinet doit garder au moins un associé actif : nommez d’abord un autre associé, puis retirez ce rôle ou désactivez ce compte.',
  'TERMINATION.ALREADY_TERMINATED':
    'Cette lettre de mission est déjà dénoncée ou résiliée : sa date de fin est enregistrée.',
  'TERMINATION.REASON_REQUIRED': 'Indiquez le motif de la fin de la mission.',
  'TERMINATION.END_BEFORE_START':
    'La date de fin ne peut pas précéder la prise d’effet de la lettre de mission : choisissez une date postérieure.',
  'TERMINATION.NOTICE_NOT_RESPECTED':
    'Cette date de fin ne respecte pas le préavis de la lettre de mission : choisissez la date indiquée ou plus tard, ou cochez « date convenue entre les parties ».',
  'TERMINATION.REGISTERED_MAIL_NOT_ALLOWED':
    'Seule une lettre de fin de mission encore en projet s’envoie en recommandé : les autres documents partent pour signature.',
  'TERMINATION.REGISTERED_MAIL_IN_FUTURE':
    'La date d’envoi du recommandé ne peut pas être dans le futur : indiquez le jour où la lettre a été postée.',
  'BILLING.LINE_NOT_ONE_OFF':
    'Seule une ligne ponctuelle d’un document signé peut être marquée réalisée : les missions récurrentes sont facturées par l’échéancier.',
  'DOCUMENT.RENDER_UNAVAILABLE':
    'La mise en page du PDF a dépassé le temps ou la taille permis : réessayez dans un instant ; si le document est très long, scindez-le.',
  'SERVER.INTERNAL':
    'Une erreur inattendue est survenue : réessayez ; si elle persiste, contactez le support.',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export const ERROR_CODES = Object.keys(ERROR_MESSAGES) as ErrorCode[];
