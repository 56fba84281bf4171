import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nProvider, type Language } from '../i18n/i18n.tsx';

// happy-dom has no FontFaceSet; Mantine's autosize textarea listens to it for font loads.
if (typeof document !== 'undefined' && !('fonts' in document))
  Object.defineProperty(document, 'fonts', {
    value: { addEventListener: () => {}, removeEventListener: () => {} },
  });

/** Renders a component as the app does (Mantine, French unless told, a query client of its own). */
export const renderInApp = (ui: ReactElement, language: Language = 'fr') =>
  render(
    <I18nProvider language={language}>
      <MantineProvider>
        <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
          {ui}
        </QueryClientProvider>
      </MantineProvider>
    </I18nProvider>,
  );
