import { createTheme, MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import dayjs from 'dayjs';
import 'dayjs/locale/fr';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import { BrowserRouter, Route, Routes } from 'react-router';
import { ApiError } from './api/client.ts';
import { LoginPage } from './auth/login-page.tsx';
import { RequireSession } from './auth/session.tsx';
import { DashboardPage } from './dashboard/dashboard-page.tsx';
import { DocumentPage } from './documents/document-page.tsx';
import { EngagementListPage } from './engagements/engagement-list-page.tsx';
import { EngagementPage } from './engagements/engagement-page.tsx';
import { I18nProvider, useI18n } from './i18n/i18n.tsx';
import { CataloguePage } from './settings/catalogue-page.tsx';
import { FirmPage } from './settings/firm-page.tsx';
import { TermsPage } from './settings/terms-page.tsx';
import { UsersPage } from './settings/users-page.tsx';
import { AppLayout } from './shell/app-layout.tsx';
import { NotFoundPage } from './shell/not-found-page.tsx';

// Dates are typed the French way (29/11/2026): the date inputs parse them with this plugin.
dayjs.extend(customParseFormat);

const theme = createTheme({ primaryColor: 'grape', defaultRadius: 'sm' });

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      refetchOnWindowFocus: false,
      // A refusal of the API (4xx) will answer the same again: only network and server errors retry.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
    },
  },
});

const Dated = ({ children }: { children: React.ReactNode }) => {
  const { language } = useI18n();
  return <DatesProvider settings={{ locale: language, firstDayOfWeek: 1 }}>{children}</DatesProvider>;
};

export const App = () => (
  <I18nProvider>
    <MantineProvider theme={theme}>
      <Dated>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <Routes>
              <Route path="/login" element={<LoginPage />} />
              <Route
                element={
                  <RequireSession>
                    <AppLayout />
                  </RequireSession>
                }
              >
                <Route index element={<DashboardPage />} />
                <Route path="engagements" element={<EngagementListPage />} />
                <Route path="engagements/:id" element={<EngagementPage />} />
                <Route path="documents/:id" element={<DocumentPage />} />
                <Route path="catalogue" element={<CataloguePage />} />
                <Route path="terms" element={<TermsPage />} />
                <Route path="firm" element={<FirmPage />} />
                <Route path="users" element={<UsersPage />} />
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            </Routes>
          </BrowserRouter>
        </QueryClientProvider>
      </Dated>
    </MantineProvider>
  </I18nProvider>
);
