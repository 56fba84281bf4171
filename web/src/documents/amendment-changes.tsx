import { Checkbox, Stack, Table, Text, TextInput } from '@mantine/core';
import type { CreateDocumentBody, DocumentLine, Service } from '../api/types.ts';
import { centsToInput, formatCents, formatDecimal } from '../format.ts';
import { useT } from '../i18n/i18n.tsx';
import { type DraftLine, fromDocumentLine, parsePrice, parseQuantity, toLineInput } from './draft-lines.ts';
import { LinesEditor } from './lines-editor.tsx';

type Change = NonNullable<CreateDocumentBody['changes']>[number];
type Edit = { quantity: string; price: string; removed: boolean };

/** An amendment draft's changes as the form holds them: edits of the letter's lines, and new lines. */
export type ChangesDraft = { edits: Record<string, Edit>; added: DraftLine[] };

/** A letter's line as the form first shows it: its quantity and price, written the French way. */
const editOf = (line: Pick<DocumentLine, 'quantity' | 'unitPriceCents'>, removed = false): Edit => ({
  quantity: formatDecimal(line.quantity),
  price: centsToInput(line.unitPriceCents),
  removed,
});

/** R-C2: the draft's saved lines (add, modify, remove) back into the form. */
export const changesDraftOf = (lines: DocumentLine[]): ChangesDraft => {
  const edits: Record<string, Edit> = {};
  const added: DraftLine[] = [];
  for (const line of lines) {
    if (line.operation === 'add') added.push(fromDocumentLine(line));
    else if (line.targetLineId) edits[line.targetLineId] = editOf(line, line.operation === 'remove');
  }
  return { edits, added };
};

/** What is unreadable in an edit of a letter's line (a removed line has nothing to read). */
const editProblems = (edit: Edit) => ({
  quantity: !edit.removed && parseQuantity(edit.quantity) === undefined,
  price: !edit.removed && parsePrice(edit.price) === undefined,
});

/** Whether every edit of the letter's lines reads: an unreadable one is never sent, the save waits. */
export const changesReadable = (draft: ChangesDraft): boolean =>
  Object.values(draft.edits).every((edit) => {
    const problems = editProblems(edit);
    return !problems.quantity && !problems.price;
  });

/**
 * The changes the API takes: only what differs from the letter's line is a modification, and a
 * value that does not read is left out (the form says it beside the field and holds the save).
 */
export const changesOf = (letterLines: DocumentLine[], draft: ChangesDraft): Change[] => [
  ...letterLines.flatMap((line): Change[] => {
    const edit = draft.edits[line.id];
    if (!edit) return [];
    if (edit.removed) return [{ op: 'remove' as const, targetLineId: line.id }];
    const quantity = parseQuantity(edit.quantity);
    const price = parsePrice(edit.price);
    const change = {
      ...(quantity !== undefined && quantity !== line.quantity ? { quantity } : {}),
      ...(price !== undefined && price !== line.unitPriceCents ? { unitPriceCents: price } : {}),
    };
    return Object.keys(change).length ? [{ op: 'modify' as const, targetLineId: line.id, ...change }] : [];
  }),
  ...draft.added.map((line) => ({ op: 'add' as const, line: toLineInput(line) })),
];

type Props = {
  /** The letter's recurring lines, the ones an amendment changes. */
  letterLines: DocumentLine[];
  draft: ChangesDraft;
  onChange: (draft: ChangesDraft) => void;
  services: Service[];
  errors: Record<string, string>;
};

/** Issue 18: an amendment's changes, edited in the document's editor like any draft's lines. */
export const AmendmentChanges = ({ letterLines, draft, onChange, services, errors }: Props) => {
  const t = useT();
  const edit = (line: DocumentLine): Edit => draft.edits[line.id] ?? editOf(line);
  const set = (line: DocumentLine, patch: Partial<Edit>) =>
    onChange({ ...draft, edits: { ...draft.edits, [line.id]: { ...edit(line), ...patch } } });
  return (
    <Stack>
      <Text size="sm" fw={500}>
        {t('amendment.letterLines')}
      </Text>
      <Table aria-label={t('amendment.letterLines')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('line.label')}</Table.Th>
            <Table.Th w={110}>{t('line.quantity')}</Table.Th>
            <Table.Th w={140}>{t('line.unitPrice')}</Table.Th>
            <Table.Th w={110}>{t('amendment.remove')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {letterLines.map((line) => {
            const problems = editProblems(edit(line));
            return (
              <Table.Tr key={line.id}>
                <Table.Td>
                  {line.label}
                  <Text size="xs" c="dimmed">
                    {formatCents(line.unitPriceCents)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={t('line.quantityOf', { n: line.label })}
                    value={edit(line).quantity}
                    disabled={edit(line).removed}
                    onChange={(event) => set(line, { quantity: event.currentTarget.value })}
                    error={problems.quantity ? t('line.quantityUnreadable') : undefined}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={t('line.unitPriceOf', { n: line.label })}
                    value={edit(line).price}
                    disabled={edit(line).removed}
                    onChange={(event) => set(line, { price: event.currentTarget.value })}
                    error={problems.price ? t('line.priceUnreadable') : undefined}
                    rightSection="€"
                  />
                </Table.Td>
                <Table.Td>
                  <Checkbox
                    aria-label={t('amendment.removeOf', { label: line.label })}
                    checked={edit(line).removed}
                    onChange={(event) => set(line, { removed: event.currentTarget.checked })}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Text size="sm" fw={500}>
        {t('amendment.added')}
      </Text>
      <LinesEditor
        lines={draft.added}
        onChange={(added) => onChange({ ...draft, added })}
        services={services}
        errors={errors}
      />
      {errors.changes && (
        <Text c="red" size="sm">
          {errors.changes}
        </Text>
      )}
    </Stack>
  );
};
