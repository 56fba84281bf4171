import { Button, Menu } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { isLetterKind } from '../../../src/domain/documents/kinds.ts';
import { api } from '../api/client.ts';
import type { CreateDocumentBody, DocumentListItem, Engagement, LettrineDocument } from '../api/types.ts';
import { allowedKinds, kindKey } from '../documents/labels.ts';
import { ReplacementModal } from '../documents/replacement-modal.tsx';
import { useT } from '../i18n/i18n.tsx';
import { notifyError } from '../ui/notify.ts';

/**
 * Only the kinds the engagement's state allows (R-A2, R-A3); an amendment names its letter, and
 * starts as an empty draft opened in the document's editor (issue 18).
 */
export const NewDocumentMenu = ({
  engagement,
  documents,
}: {
  engagement: Engagement;
  documents: DocumentListItem[];
}) => {
  const t = useT();
  const navigate = useNavigate();
  const [replacing, setReplacing] = useState(false);
  const client = useQueryClient();
  const create = useMutation({
    mutationFn: (body: CreateDocumentBody) => api<LettrineDocument>('/documents', { body, idempotent: true }),
    onSuccess: async (doc) => {
      await client.invalidateQueries({ queryKey: ['documents'] });
      navigate(`/documents/${doc.id}`);
    },
    onError: (error) => notifyError(error),
  });
  const lettersInForce = documents.filter((doc) => doc.status === 'signed' && isLetterKind(doc.kind));
  const start = (body: Omit<CreateDocumentBody, 'engagementId'>) =>
    create.mutate({ ...body, engagementId: engagement.id } as CreateDocumentBody);
  return (
    <>
      {replacing && <ReplacementModal engagementId={engagement.id} onClose={() => setReplacing(false)} />}
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button loading={create.isPending}>{t('document.new')}</Button>
        </Menu.Target>
        <Menu.Dropdown>
          {allowedKinds(engagement.state).map((kind) =>
            kind === 'amendment' ? (
              lettersInForce.map((letter) => (
                <Menu.Item
                  key={letter.id}
                  onClick={() => start({ kind: 'amendment', amendsLetterId: letter.id })}
                >
                  {t('document.newAmendmentOf', { number: letter.number ?? '' })}
                </Menu.Item>
              ))
            ) : (
              <Menu.Item
                key={kind}
                onClick={() => (kind === 'replacement_letter' ? setReplacing(true) : start({ kind }))}
              >
                {t(kindKey(kind))}
              </Menu.Item>
            ),
          )}
        </Menu.Dropdown>
      </Menu>
    </>
  );
};
