import { Anchor, Card, List, Text, Title } from '@mantine/core';
import type { DocumentView } from '../api/types.ts';
import { formatDay } from '../format.ts';
import { useT } from '../i18n/i18n.tsx';

/** R-B3: the signatures a document needs, those recorded, and by whom. */
export const SignaturesPanel = ({ view }: { view: DocumentView }) => {
  const t = useT();
  return (
    <Card withBorder component="section" aria-labelledby="signatures-title">
      <Title order={3} size="h5" id="signatures-title" mb="xs">
        {t('signature.title')}
      </Title>
      <List size="sm" spacing={4} listStyleType="none">
        {view.requiredSignatures.map((side) => {
          const signature = view.signatures.find((item) => item.side === side);
          return (
            <List.Item key={side} data-testid={`signature-${side}`}>
              <Text size="sm" fw={500}>
                {t(`signature.side.${side}`)}
              </Text>
              <Text size="sm" c={signature ? 'teal' : 'dimmed'}>
                {signature
                  ? t('signature.signedBy', {
                      name: signature.signatoryName,
                      date: formatDay(signature.signedOn),
                    })
                  : // Only a document out for signature still waits for one: refused or cancelled, it never will.
                    t(
                      view.document.status === 'sent' || view.document.status === 'draft'
                        ? 'signature.missing'
                        : 'signature.notSigned',
                    )}
              </Text>
              {signature?.hasScan && (
                <Anchor
                  href={`/api/v1/documents/${view.document.id}/signatures/${signature.id}/scan`}
                  target="_blank"
                  rel="noopener"
                  size="xs"
                >
                  {t('signature.viewScan')}
                </Anchor>
              )}
            </List.Item>
          );
        })}
      </List>
    </Card>
  );
};
