import { Alert, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { kindPolicy } from '../../../src/domain/documents/kinds.ts';
import { api, fieldErrors } from '../api/client.ts';
import { useDocument, useServices, useTerms, useUsers } from '../api/queries.ts';
import type { DocumentView, LettrineDocument } from '../api/types.ts';
import { formatTime } from '../format.ts';
import { useT } from '../i18n/i18n.tsx';
import { ProblemText } from '../ui/problem-text.tsx';
import { UnsavedChangesGuard } from '../ui/unsaved-changes.tsx';
import {
  AmendmentChanges,
  type ChangesDraft,
  changesDraftOf,
  changesOf,
  changesReadable,
} from './amendment-changes.tsx';
import { DocumentFields, type FieldValues, fieldsOf, toFieldBody } from './document-fields.tsx';
import { type DraftLine, draftTotals, fromDocumentLine, toLineInput } from './draft-lines.ts';
import { LinesEditor } from './lines-editor.tsx';
import { SendDialog } from './send-dialog.tsx';
import { TotalsPanel } from './totals-panel.tsx';

/** A failed save shows in the editor's alert (save.error): the promise has nothing more to say. */
const noop = () => undefined;

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
  // Issue 18: an amendment is edited here too, as changes to its letter's recurring lines (R-C2).
  const isAmendment = kindPolicy(doc.kind).linesAreChanges;
  const [changes, setChanges] = useState<ChangesDraft>(() => changesDraftOf(doc.lines));
  const letter = useDocument(isAmendment ? (doc.amendsLetterId ?? '') : '');
  const letterLines = (letter.data?.document.lines ?? []).filter((line) => line.recurrence !== 'one_off');
  // Changes are computed against the letter's lines: until they are read (or when they cannot be),
  // saving would send none of the draft's modifications and removals, so nothing saves.
  const canSave = !isAmendment || (letter.data !== undefined && changesReadable(changes));
  const totals = useMemo(() => draftTotals(lines), [lines]);
  const refresh = () => client.invalidateQueries({ queryKey: ['document', doc.id] });
  const save = useMutation({
    mutationFn: () =>
      api<LettrineDocument>(`/documents/${doc.id}`, {
        method: 'PATCH',
        body: {
          version: doc.version,
          ...toFieldBody(doc.kind, fields),
          ...(isAmendment ? { changes: changesOf(letterLines, changes) } : { lines: lines.map(toLineInput) }),
        },
      }),
  });
  // Issue 18: what is previewed or sent is what is on screen, so both save first.
  const [savedAt, setSavedAt] = useState<string | Date | null>(null);
  const [sending, setSending] = useState<number | null>(null);
  const saveNow = async (): Promise<LettrineDocument> => {
    if (!dirty) return doc;
    if (!canSave) throw new Error('The amended letter is not read yet.');
    const saved = await save.mutateAsync();
    setDirty(false);
    setSavedAt(saved.updatedAt);
    await refresh();
    return saved;
  };
  const openSend = () => saveNow().then((saved) => setSending(saved.version), noop);
  const previewPdf = () => {
    // Opened at the click (a tab opened after an await is a blocked pop-up), filled once saved.
    const tab = window.open('', '_blank');
    saveNow().then(
      () => {
        if (tab) tab.location.href = `/api/v1/documents/${doc.id}/pdf`;
      },
      () => tab?.close(),
    );
  };
  const errors = fieldErrors(save.error);
  const failure = save.error;
  return (
    <Stack>
      <UnsavedChangesGuard dirty={dirty} />
      {sending !== null && (
        <SendDialog
          doc={doc}
          version={sending}
          extra={signerMobile.trim() ? { signerMobile: signerMobile.trim() } : {}}
          onClose={() => setSending(null)}
        />
      )}
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
        {isAmendment ? (
          <AmendmentChanges
            letterLines={letterLines}
            draft={changes}
            onChange={(next) => {
              setChanges(next);
              setDirty(true);
            }}
            services={services.data ?? []}
            errors={errors}
          />
        ) : (
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
        )}
      </Card>
      {!isAmendment && <TotalsPanel totals={totals} />}
      {isAmendment && letter.error && (
        <Alert color="red" role="alert" title={t('common.error')}>
          <ProblemText error={letter.error} />
        </Alert>
      )}
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
        <Text size="sm" c="dimmed" role="status" data-testid="save-state">
          {dirty
            ? t('editor.unsavedChanges')
            : savedAt
              ? t('editor.savedAt', { time: formatTime(savedAt) })
              : ''}
        </Text>
        <Button
          variant="default"
          onClick={previewPdf}
          disabled={!canSave}
          loading={save.isPending && sending === null}
        >
          {t('action.previewPdf')}
        </Button>
        <Button
          variant="default"
          disabled={!dirty || !canSave}
          loading={save.isPending}
          onClick={() => saveNow().catch(noop)}
        >
          {t('editor.save')}
        </Button>
        <Button loading={save.isPending} disabled={!canSave} onClick={openSend}>
          {dirty ? t('editor.saveAndSend') : t('action.send')}
        </Button>
      </Group>
    </Stack>
  );
};
