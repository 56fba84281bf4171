import {
  ActionIcon,
  Button,
  Group,
  NativeSelect,
  Select,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { Recurrence, Service } from '../api/types.ts';
import { useT } from '../i18n/i18n.tsx';
import { type DraftLine, emptyLine, fromService, toPricedLine } from './draft-lines.ts';
import { recurrenceKey } from './labels.ts';

const RECURRENCES: Recurrence[] = ['monthly', 'quarterly', 'yearly', 'one_off'];
const VAT_RATES = [2000, 1000, 550, 0];

type Props = {
  lines: DraftLine[];
  onChange: (lines: DraftLine[]) => void;
  services: Service[];
  /** Field messages of the API, by path: `lines.0.quantity`. */
  errors?: Record<string, string>;
  /** Work orders take one-off lines only (R-C4). */
  oneOffOnly?: boolean;
};

/** The lines of a draft: catalogue services or free lines, every value editable and labelled. */
export const LinesEditor = ({ lines, onChange, services, errors = {}, oneOffOnly = false }: Props) => {
  const t = useT();
  const update = (index: number, patch: Partial<DraftLine>) =>
    onChange(lines.map((line, i) => (i === index ? { ...line, ...patch } : line)));
  const recurrences = oneOffOnly ? (['one_off'] as Recurrence[]) : RECURRENCES;
  const available = services.filter(
    (service) => !service.archivedAt && (!oneOffOnly || service.recurrence === 'one_off'),
  );
  return (
    <>
      <Table.ScrollContainer minWidth={640}>
        <Table aria-label={t('line.table')} verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('line.label')}</Table.Th>
              <Table.Th w={80}>{t('line.quantity')}</Table.Th>
              <Table.Th w={115}>{t('line.unitPrice')}</Table.Th>
              <Table.Th w={130}>{t('line.recurrence')}</Table.Th>
              <Table.Th w={88}>{t('line.vat')}</Table.Th>
              <Table.Th w={36} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((line, index) => {
              const n = index + 1;
              const invalid = !toPricedLine(line);
              return (
                <Table.Tr key={line.key} data-testid="line-row">
                  <Table.Td>
                    <TextInput
                      aria-label={t('line.labelOf', { n })}
                      value={line.label}
                      onChange={(event) => update(index, { label: event.currentTarget.value })}
                      error={errors[`lines.${index}.label`]}
                    />
                    <Textarea
                      aria-label={t('line.descriptionOf', { n })}
                      placeholder={t('line.descriptionPlaceholder')}
                      autosize
                      minRows={1}
                      maxRows={4}
                      size="xs"
                      mt={4}
                      value={line.description}
                      onChange={(event) => update(index, { description: event.currentTarget.value })}
                      error={errors[`lines.${index}.description`]}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={t('line.quantityOf', { n })}
                      inputMode="decimal"
                      value={line.quantity}
                      onChange={(event) => update(index, { quantity: event.currentTarget.value })}
                      error={
                        errors[`lines.${index}.quantity`] ??
                        (invalid && line.price ? t('line.unreadable') : undefined)
                      }
                      rightSection={
                        line.unitLabel ? (
                          <Text size="xs" c="dimmed">
                            {line.unitLabel.slice(0, 4)}
                          </Text>
                        ) : null
                      }
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={t('line.unitPriceOf', { n })}
                      inputMode="decimal"
                      value={line.price}
                      onChange={(event) => update(index, { price: event.currentTarget.value })}
                      error={errors[`lines.${index}.unitPriceCents`]}
                      rightSection="€"
                    />
                  </Table.Td>
                  <Table.Td>
                    <NativeSelect
                      aria-label={t('line.recurrenceOf', { n })}
                      value={line.recurrence}
                      onChange={(event) =>
                        update(index, { recurrence: event.currentTarget.value as Recurrence })
                      }
                      data={recurrences.map((value) => ({ value, label: t(recurrenceKey(value)) }))}
                      error={errors[`lines.${index}.recurrence`]}
                    />
                  </Table.Td>
                  <Table.Td>
                    <NativeSelect
                      aria-label={t('line.vatOf', { n })}
                      value={String(line.vatRateBp)}
                      onChange={(event) => update(index, { vatRateBp: Number(event.currentTarget.value) })}
                      data={VAT_RATES.map((rate) => ({
                        value: String(rate),
                        label: `${(rate / 100).toLocaleString('fr-FR')} %`,
                      }))}
                    />
                  </Table.Td>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('line.removeOf', { n })}
                      onClick={() => onChange(lines.filter((_, i) => i !== index))}
                    >
                      ×
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {errors.lines && (
        <Text c="red" size="sm" role="alert">
          {errors.lines}
        </Text>
      )}
      <Group align="end">
        <Select
          label={t('line.addService')}
          placeholder={t('line.addServicePlaceholder')}
          searchable
          value={null}
          onChange={(id) => {
            const service = available.find((candidate) => candidate.id === id);
            if (service) onChange([...lines, fromService(service)]);
          }}
          data={available.map((service) => ({
            value: service.id,
            label: `${service.label} (${service.code})`,
          }))}
          w={380}
          maw="100%"
        />
        <Button variant="default" onClick={() => onChange([...lines, emptyLine()])}>
          {t('line.addFree')}
        </Button>
      </Group>
    </>
  );
};
