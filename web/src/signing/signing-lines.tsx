import { Anchor, Box, Modal, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { SigningView } from '../api/types.ts';
import { recurrenceKey } from '../documents/labels.ts';
import { formatCents, formatDay } from '../format.ts';
import { useT } from '../i18n/i18n.tsx';

type Doc = SigningView['document'];

/** The services and their prices, as sent: what the signer agrees to, not only its totals. */
export const SigningLines = ({ lines }: { lines: Doc['lines'] }) => {
  const t = useT();
  if (lines.length === 0) return null;
  return (
    <Box>
      <Text fw={600} size="sm" id="signing-lines-title">
        {t('signing.lines')}
      </Text>
      <Table aria-labelledby="signing-lines-title" data-testid="signing-lines" verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('signing.lineService')}</Table.Th>
            <Table.Th>{t('signing.lineRecurrence')}</Table.Th>
            <Table.Th ta="right">{t('signing.lineAmount')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((line, index) => (
            // Lines have no id in the public view; their order is the document's.
            // biome-ignore lint/suspicious/noArrayIndexKey: the frozen order never changes
            <Table.Tr key={index}>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>
                {line.label}
                {line.operation !== 'line' && (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    ({t(`signing.operation.${line.operation}`)})
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{t(recurrenceKey(line.recurrence))}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {formatCents(line.amountHtCents)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Box>
  );
};

/** A link to the general terms attached to the document, read here before signing. */
export const TermsLink = ({ terms }: { terms: Doc['terms'] }) => {
  const t = useT();
  const [opened, { open, close }] = useDisclosure();
  if (!terms) return null;
  return (
    <>
      <Anchor
        href="#conditions-generales"
        size="sm"
        onClick={(event) => {
          event.preventDefault();
          open();
        }}
        data-testid="terms-link"
      >
        {t('signing.termsLink', { version: terms.version })}
      </Anchor>
      <Modal opened={opened} onClose={close} title={terms.title} size="lg" id="conditions-generales">
        <Text size="xs" c="dimmed" mb="sm">
          {t('signing.termsVersion', { version: terms.version, date: formatDay(terms.effectiveFrom) })}
        </Text>
        <Box>
          {terms.body.split(/\n{2,}/).map((paragraph, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the paragraphs of a published version never change
            <Text key={index} size="sm" mb="xs" style={{ whiteSpace: 'pre-line' }}>
              {paragraph.replace(/^#+\s*/, '')}
            </Text>
          ))}
        </Box>
      </Modal>
    </>
  );
};
