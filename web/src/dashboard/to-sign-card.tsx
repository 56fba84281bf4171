import { useQueryClient } from '@tanstack/react-query';
import { useDocuments } from '../api/queries.ts';
import { useIsAssocie } from '../auth/session.tsx';
import { SignForFirmButton } from '../documents/e-signature-panel.tsx';
import { useT } from '../i18n/i18n.tsx';
import { DocumentList } from './document-list.tsx';

/** « À signer par moi »: the sent letters the associé signs for the firm, each signable from here. */
export const ToSignCard = () => {
  const t = useT();
  const isAssocie = useIsAssocie();
  const client = useQueryClient();
  const toSign = useDocuments(
    { awaitingMySignature: true, sort: 'sentAt', direction: 'asc', pageSize: 20 },
    isAssocie,
  );
  if (!isAssocie) return null;
  const refresh = async () => {
    await client.invalidateQueries({ queryKey: ['documents'] });
    await client.invalidateQueries({ queryKey: ['document'] });
  };
  return (
    <DocumentList
      title={t('dashboard.toSignByMe')}
      empty={t('dashboard.noneToSignByMe')}
      query={toSign}
      limit={20}
      showSent
      showTotal
      testId="to-sign"
      action={(doc) => <SignForFirmButton doc={doc} onDone={refresh} size="xs" />}
    />
  );
};
