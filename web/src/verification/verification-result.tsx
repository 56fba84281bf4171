import { Alert, List, Stack, Text } from '@mantine/core';
import type { Verification } from '../api/types.ts';
import { kindKey } from '../documents/labels.ts';
import { formatDay, formatInstant, formatInstantDay } from '../format.ts';
import type { MessageKey } from '../i18n/fr.ts';
import { useI18n, useT } from '../i18n/i18n.tsx';

const COLORS = { intact: 'teal', changed: 'orange', damaged: 'red', unknown: 'gray' } as const;

/** Who sealed, when, and the trusted time when a timestamping authority gave one. */
const SealFacts = ({ seal }: { seal: NonNullable<Verification['seal']> }) => {
  const t = useT();
  return (
    <List size="sm" data-testid="verify-seal">
      <List.Item>{t('verify.sealBy', { subject: seal.subject })}</List.Item>
      {!seal.isFirmSeal && <List.Item>{t('verify.sealNotCurrent')}</List.Item>}
      {seal.timestamp ? (
        <List.Item>
          {t('verify.timestampedAt', {
            date: formatInstant(seal.timestamp.at),
            authority: seal.timestamp.authority ?? '—',
          })}
        </List.Item>
      ) : (
        seal.signedAt && <List.Item>{t('verify.signedAt', { date: formatInstant(seal.signedAt) })}</List.Item>
      )}
      {seal.validationData && <List.Item>{t('verify.validationData')}</List.Item>}
    </List>
  );
};

const Signers = ({ result }: { result: Verification }) => {
  const t = useT();
  if (result.signatures.length === 0) return null;
  return (
    <List size="sm">
      {result.signatures.map((s) => (
        <List.Item key={s.side}>
          {t('verify.signatureLine', {
            name: s.name,
            capacity: s.capacity ?? '—',
            date: formatDay(s.signedOn),
            method: t(`verify.method.${s.method}`),
          })}
        </List.Item>
      ))}
    </List>
  );
};

const Changes = ({ result }: { result: Verification }) => {
  const t = useT();
  return (
    <List size="sm" data-testid="verify-changes">
      {result.changes.map((change) => (
        <List.Item key={`${change.kind}-${change.page}-${change.subtype}`}>
          {t(`verify.change.${change.kind}` as MessageKey, {
            page: change.page === null ? '' : t('verify.changePage', { page: change.page }),
          })}
        </List.Item>
      ))}
    </List>
  );
};

/** The sentence that says what the verdict means for this document. */
const useVerdictText = (result: Verification): string => {
  const { t, language } = useI18n();
  const doc = result.document;
  const document = doc ? `${t(kindKey(doc.kind))} ${doc.number}` : '';
  const firm = result.firm?.name ?? '';
  const names = new Intl.ListFormat(language, { type: 'conjunction' }).format(
    result.signatures.map((s) => s.name),
  );
  const signedOn = result.signatures
    .map((s) => s.signedOn)
    .sort()
    .at(-1);
  const sent = result.copy === 'sent';
  switch (result.verdict) {
    case 'intact':
      return sent || result.signatures.length === 0
        ? t('verify.authenticSent', { document, firm, date: formatInstantDay(doc?.sentAt) })
        : t('verify.intactSigned', { document, firm, names, date: formatDay(signedOn) });
    case 'changed':
      return t(sent ? 'verify.changedSentText' : 'verify.changedText', { document, firm });
    case 'damaged':
      return firm ? t('verify.damagedText', { firm }) : t('verify.damagedUnknownFirm');
    default:
      return t('verify.unknownText');
  }
};

/** One of the four verdicts, in words a client reads: what the file is, and what to do. */
export const VerificationResult = ({ result }: { result: Verification }) => {
  const t = useT();
  const text = useVerdictText(result);
  return (
    <Alert
      color={COLORS[result.verdict]}
      title={t(`verify.${result.verdict}Title` as MessageKey)}
      data-testid={`verify-${result.verdict}`}
      role="status"
    >
      <Stack gap={6}>
        <Text>{text}</Text>
        {result.verdict === 'changed' && <Changes result={result} />}
        {result.verdict !== 'damaged' && <Signers result={result} />}
        {result.seal && result.verdict !== 'damaged' && <SealFacts seal={result.seal} />}
        {result.seal?.sha256Fingerprint && (
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {t('verify.fingerprint', { value: result.seal.sha256Fingerprint })}
          </Text>
        )}
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {t('common.labelValue', { label: 'SHA-256', value: result.sha256 })}
        </Text>
      </Stack>
    </Alert>
  );
};
