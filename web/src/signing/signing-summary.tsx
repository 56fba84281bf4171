import { Box, Button, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { SigningView } from '../api/types.ts';
import { kindKey } from '../documents/labels.ts';
import { formatCents, formatInstantDay } from '../format.ts';
import { useT } from '../i18n/i18n.tsx';
import { SigningLines, TermsLink } from './signing-lines.tsx';

const NO_BREAK = { whiteSpace: 'nowrap' } as const;

const Amount = ({ label, cents, testId }: { label: string; cents: number; testId: string }) => (
  <Box>
    <Text size="xs" c="dimmed">
      {label}
    </Text>
    <Text fw={600} data-testid={testId}>
      {formatCents(cents)}
    </Text>
  </Box>
);

/** What is to be signed: the document, its amounts and deadline, the PDF, and who signs. */
export const SigningSummary = ({ token, view }: { token: string; view: SigningView }) => {
  const t = useT();
  const doc = view.document;
  const pdf = `/api/v1/public/signing/${token}/pdf`;
  // The kind in the signer's language; the title is the document's own (often just its kind).
  const kind = t(kindKey(doc.kind));
  const hasOwnTitle = doc.title.trim() !== '' && doc.title !== doc.kindLabel;
  return (
    <Card withBorder component="section" aria-labelledby="document-title">
      <Stack gap="sm">
        <Box>
          {/* The number is one word: it never breaks mid-line (OS-2026-0001). */}
          {hasOwnTitle && (
            <Text size="sm" c="dimmed">
              {kind} <span style={NO_BREAK}>{doc.number}</span>
            </Text>
          )}
          <Title order={1} size="h3" id="document-title" style={{ overflowWrap: 'break-word' }}>
            {hasOwnTitle ? (
              doc.title
            ) : (
              <>
                {kind}{' '}
                <span style={NO_BREAK} data-testid="signing-number">
                  {doc.number}
                </span>
              </>
            )}
          </Title>
        </Box>
        <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs">
          <Amount label={t('totals.ht')} cents={doc.totals.totalHtCents} testId="signing-total-ht" />
          <Amount label={t('totals.ttc')} cents={doc.totals.totalTtcCents} testId="signing-total-ttc" />
          {doc.deadline && (
            <Box>
              <Text size="xs" c="dimmed">
                {t('signing.deadline')}
              </Text>
              <Text fw={600} data-testid="signing-deadline">
                {formatInstantDay(doc.deadline)}
              </Text>
            </Box>
          )}
        </SimpleGrid>
        <SigningLines lines={doc.lines} />
        <TermsLink terms={doc.terms} />
        <Button component="a" href={pdf} target="_blank" rel="noopener" variant="light" size="lg" fullWidth>
          {t('signing.readPdf')}
        </Button>
        <Box visibleFrom="md">
          <iframe
            src={pdf}
            title={t('signing.pdfViewer')}
            style={{ width: '100%', height: 560, border: '1px solid var(--mantine-color-gray-3)' }}
          />
        </Box>
        <Box>
          <Text fw={600} size="sm">
            {t('signing.signatories')}
          </Text>
          <List size="sm" spacing={2} listStyleType="none" data-testid="signatories">
            {view.signatories.map((signatory) => (
              <List.Item key={signatory.side}>
                <Group gap={6} wrap="nowrap">
                  <Text size="sm" c={signatory.hasSigned ? 'teal' : 'dimmed'} aria-hidden>
                    {signatory.hasSigned ? '✓' : '○'}
                  </Text>
                  <Text size="sm">
                    {t(signatory.side === 'client' ? 'signing.sideClient' : 'signing.sideFirm', {
                      name: signatory.name ?? '—',
                    })}{' '}
                    — {signatory.hasSigned ? t('signing.hasSigned') : t('signing.notYetSigned')}
                  </Text>
                </Group>
              </List.Item>
            ))}
          </List>
        </Box>
      </Stack>
    </Card>
  );
};
