import { Button, Group, Modal, Text } from '@mantine/core';
import { useContext, useEffect } from 'react';
import { UNSAFE_DataRouterContext, useBlocker } from 'react-router';
import { useT } from '../i18n/i18n.tsx';

const BlockingModal = ({ dirty }: { dirty: boolean }) => {
  const t = useT();
  const blocker = useBlocker(({ currentLocation, nextLocation }) =>
    dirty ? currentLocation.pathname !== nextLocation.pathname : false,
  );
  return (
    <Modal
      opened={blocker.state === 'blocked'}
      onClose={() => blocker.reset?.()}
      title={t('unsaved.title')}
      centered
    >
      <Text mb="md">{t('unsaved.body')}</Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={() => blocker.reset?.()} data-autofocus>
          {t('unsaved.stay')}
        </Button>
        <Button color="red" onClick={() => blocker.proceed?.()}>
          {t('unsaved.leave')}
        </Button>
      </Group>
    </Modal>
  );
};

/**
 * Issue 18: leaving a page with unsaved changes asks first, inside the app (another page, a link)
 * and out of it (reload, closing the tab: the browser's own question).
 */
export const UnsavedChangesGuard = ({ dirty }: { dirty: boolean }) => {
  // Outside a data router (a component test's MemoryRouter) only the browser's question remains.
  const inDataRouter = useContext(UNSAFE_DataRouterContext) !== null;
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  return inDataRouter ? <BlockingModal dirty={dirty} /> : null;
};
