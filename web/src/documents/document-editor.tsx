import { Alert, Button, Card, Group, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { kindPolicy } from '../../../src/domain/documents/kinds.ts';
import { api, fieldErrors } from '../api/client.ts';
import { useServices, useTerms, useUsers } from '../api/queries.ts';
import type { DocumentView, LettrineDocument } from '../api/types.ts';
import { useT } from '../i18n/i18n.tsx';
import { ProblemText } from '../ui/problem-text.tsx';
import { DocumentFields, type FieldValues, fieldsOf, toFieldBody } from './document-fields.tsx';
import { type DraftLine, draftTotals, fromDocumentLine, toLineInput } from './draft-lines.ts';
import { LinesEditor } from './lines-editor.tsx';
import { TotalsPanel } from './totals-panel.tsx';

/** A draft being edited: its fields and lines, live totals, save, and save-then-send. */
export const DocumentEditor = ({ view }: { view: DocumentView }) => {
  const t = useT();
  const doc = view.document;
  const client = useQueryClient();
  const services = useServices();
  const terms = useTerms();
  const users = useUsers();
  const [fields, setFields] = useState<FieldValues>(() => fieldsOf(doc));
  const [lines, setLines] = useState<DraftLine[]>(() => doc.lines.map(fromDocumentLine));
  const [dirty, setDirty] = useState(false);
  // Issue 15: the client signer's mobile, for the signing code by SMS; empty, the contact's or by mail.
  const [signerMobile, setSignerMobile] = useState('');
  const totals = useMemo(() => draftTotals(lines), [lines]);
  const refresh = () => client.invalidateQueries({ queryKey: ['document', doc.id] });
  const save = useMutation({
    mutationFn: () =>
      api<LettrineDocument>(`/documents/${doc.id}`, {
        method: 'PATCH',
        body: { version: doc.version, ...toFieldBody(doc.kind, fields), lines: lines.map(toLineInput) },
      }),
  });
  const send = useMutation({
    mutationFn: async () => {
      const saved = dirty ? await save.mutateAsync() : doc;
      setDirty(false);
      const mobile = signerMobile.trim();
      return api(`/documents/${doc.id}/send`, {
        body: { version: saved.version, ...(mobile ? { signerMobile: mobile } : {}) },
      });
    },
    onSettled: async () => {
      await client.invalidateQueries({ queryKey: ['documents'] });
      await refresh();
    },
  });
  const errors = { ...fieldErrors(save.error), ...fieldErrors(send.error) };
  const failure = send.error ?? save.error;
  return (
    <Stack>
      <Card withBorder component="section" aria-labelledby="editor-title">
        <Title order={3} size="h4" id="editor-title" mb="sm">
          {t('editor.title')}
        </Title>
        <DocumentFields
          kind={doc.kind}
          values={fields}
          onChange={(next) => {
            setFields(next);
            setDirty(true);
          }}
          terms={terms.data ?? []}
          associes={(users.data ?? []).filter((user) => user.role === 'associe' && user.isActive)}
          errors={errors}
        />
      </Card>
      <Card withBorder component="section" aria-label={t('line.table')}>
        <LinesEditor
          lines={lines}
          onChange={(next) => {
            setLines(next);
            setDirty(true);
          }}
          services={services.data ?? []}
          errors={errors}
          oneOffOnly={kindPolicy(doc.kind).oneOffLinesOnly}
        />
      </Card>
      <TotalsPanel totals={totals} />
      {failure && (
        <Alert color="red" role="alert" title={t('common.error')}>
          <ProblemText error={failure} />
        </Alert>
      )}
      <Group justify="flex-end" align="end">
        <TextInput
          label={t('editor.signerMobile')}
          description={t('editor.signerMobileHint')}
          type="tel"
          autoComplete="off"
          value={signerMobile}
          onChange={(event) => setSignerMobile(event.currentTarget.value)}
          error={errors.signerMobile}
          w={260}
        />
        <Button
          variant="default"
          disabled={!dirty}
          loading={save.isPending && !send.isPending}
          onClick={() =>
            save.mutate(undefined, {
              onSuccess: async () => {
                setDirty(false);
                await refresh();
              },
            })
          }
        >
          {t('editor.save')}
        </Button>
        <Button loading={send.isPending} onClick={() => send.mutate()}>
          {dirty ? t('editor.saveAndSend') : t('action.send')}
        </Button>
      </Group>
    </Stack>
  );
};
