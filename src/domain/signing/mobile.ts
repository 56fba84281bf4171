/**
 * Issue 15: the signing code may go by SMS, so that the link (by mail) and the code do not travel
 * the same way. A number is kept in E.164 (« +33612345678 »): a French one is a mobile (06 or 07,
 * ITU-T E.164 plan of ARCEP); a foreign one is taken as given, 8 to 15 digits after its country code.
 */
export const normaliseMobile = (input: string): string | null => {
  const compact = input.replace(/[\s.\-()]/g, '');
  const international = compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
  const french = /^0([67]\d{8})$/.exec(international);
  const e164 = french ? `+33${french[1]}` : international.replace(/^\+330/, '+33');
  if (!/^\+[1-9]\d{7,14}$/.test(e164)) return null;
  if (e164.startsWith('+33') && !/^\+33[67]\d{8}$/.test(e164)) return null;
  return e164;
};

/**
 * What the signer is shown of the number the code went to: enough to recognise their own phone,
 * not enough to learn someone's. French numbers as dialled at home (« 06 •• •• •• 42 »), others
 * by their first two digits (« +32 ••• •• 56 »), with no table of country codes to keep.
 */
export const maskMobile = (e164: string): string => {
  const last = e164.slice(-2);
  if (e164.startsWith('+33')) return `0${e164[3]} •• •• •• ${last}`;
  return `${e164.slice(0, 3)} ••• •• ${last}`;
};

/** One SMS (160 GSM characters) carries it all: a long firm name is cut, never the code. */
const SMS_FIRM_NAME_MAX = 40;

/** The SMS carrying a signing code: the code first, whose document, how long, and not to share it. */
export const signatureCodeSms = (input: {
  firmName: string;
  document: { kindLabel: string; number: string };
  code: string;
  validMinutes: number;
}): string => {
  const firm =
    input.firmName.length > SMS_FIRM_NAME_MAX
      ? `${input.firmName.slice(0, SMS_FIRM_NAME_MAX - 1)}…`
      : input.firmName;
  return (
    `${input.code} est votre code de signature (${input.document.kindLabel} ${input.document.number}, ${firm}). ` +
    `Valable ${input.validMinutes} min. Ne le communiquez à personne.`
  );
};
