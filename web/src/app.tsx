import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import dayjs from 'dayjs';
import 'dayjs/locale/fr';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { ApiError } from './api/client.ts';
import { LoginPage } from './auth/login-page.tsx';
import { RequireSession } from './auth/session.tsx';
import { DashboardPage } from './dashboard/dashboard-page.tsx';
import { I18nProvider, useI18n, useT } from './i18n/i18n.tsx';
import { AppLayout } from './shell/app-layout.tsx';
import { DataRouter } from './shell/data-router.tsx';
import { NotFoundPage } from './shell/not-found-page.tsx';
import { cssVariablesResolver, themeFor } from './ui/theme.ts';

// The dashboard comes with the app; the other pages are fetched when first opened (in parallel with
// their data), so the first page parses less script.
const page = <K extends string>(load: () => Promise<Record<K, React.ComponentType>>, name: K) =>
  lazy(() => load().then((module) => ({ default: module[name] })));
const EngagementListPage = page(() => import('./engagements/engagement-list-page.tsx'), 'EngagementListPage');
const EngagementPage = page(() => import('./engagements/engagement-page.tsx'), 'EngagementPage');
const DocumentPage = page(() => import('./documents/document-page.tsx'), 'DocumentPage');
const CataloguePage = page(() => import('./settings/catalogue-page.tsx'), 'CataloguePage');
const TermsPage = page(() => import('./settings/terms-page.tsx'), 'TermsPage');
const FirmPage = page(() => import('./settings/firm-page.tsx'), 'FirmPage');
const UsersPage = page(() => import('./settings/users-page.tsx'), 'UsersPage');
const WebhooksPage = page(() => import('./settings/webhooks-page.tsx'), 'WebhooksPage');
const MailsPage = page(() => import('./mails/mails-page.tsx'), 'MailsPage');
const CampaignsPage = page(() => import('./campaigns/campaigns-page.tsx'), 'CampaignsPage');
const NewCampaignPage = page(() => import('./campaigns/new-campaign-page.tsx'), 'NewCampaignPage');
const CampaignPage = page(() => import('./campaigns/campaign-page.tsx'), 'CampaignPage');
const RenewalsPage = page(() => import('./renewals/renewals-page.tsx'), 'RenewalsPage');
const SchedulePage = page(() => import('./billing/schedule-page.tsx'), 'SchedulePage');
const FeesPage = page(() => import('./billing/fees-page.tsx'), 'FeesPage');
const VigilanceReviewsPage = page(() => import('./vigilance/reviews-page.tsx'), 'VigilanceReviewsPage');
const VigilanceMatchesPage = page(() => import('./vigilance/matches-page.tsx'), 'VigilanceMatchesPage');
const VigilancePurgePage = page(() => import('./vigilance/purge-page.tsx'), 'VigilancePurgePage');
const ForgotPasswordPage = page(() => import('./auth/forgot-password-page.tsx'), 'ForgotPasswordPage');
const ResetPasswordPage = page(() => import('./auth/reset-password-page.tsx'), 'ResetPasswordPage');
const InstallationPage = page(() => import('./auth/installation-page.tsx'), 'InstallationPage');
// The public pages (no account): a signer on a phone loads only what signing needs.
const SigningPage = page(() => import('./signing/signing-page.tsx'), 'SigningPage');
const VerificationPage = page(() => import('./verification/verification-page.tsx'), 'VerificationPage');

// Dates are typed the French way (29/11/2026): the date inputs parse them with this plugin.
dayjs.extend(customParseFormat);

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

/** Mantine's theme, its icon-only buttons named in the user's language. */
const Themed = ({ children }: { children: React.ReactNode }) => {
  const t = useT();
  return (
    <MantineProvider theme={themeFor(t('common.clear'))} cssVariablesResolver={cssVariablesResolver}>
      {children}
    </MantineProvider>
  );
};

const Dated = ({ children }: { children: React.ReactNode }) => {
  const { language } = useI18n();
  return <DatesProvider settings={{ locale: language, firstDayOfWeek: 1 }}>{children}</DatesProvider>;
};

export const App = () => (
  <I18nProvider>
    <Themed>
      <Dated>
        <QueryClientProvider client={queryClient}>
          <DataRouter>
            <Routes>
              <Route path="/login" element={<LoginPage />} />
              <Route
                path="/mot-de-passe-oublie"
                element={
                  <Suspense>
                    <ForgotPasswordPage />
                  </Suspense>
                }
              />
              <Route
                path="/mot-de-passe/nouveau"
                element={
                  <Suspense>
                    <ResetPasswordPage />
                  </Suspense>
                }
              />
              <Route
                path="/installation"
                element={
                  <Suspense>
                    <InstallationPage />
                  </Suspense>
                }
              />
              <Route
                path="/signer/:token"
                element={
                  <Suspense>
                    <SigningPage />
                  </Suspense>
                }
              />
              <Route
                path="/verifier"
                element={
                  <Suspense>
                    <VerificationPage />
                  </Suspense>
                }
              />
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
                <Route path="courriels" element={<MailsPage />} />
                <Route path="campagnes" element={<CampaignsPage />} />
                <Route path="campagnes/nouvelle" element={<NewCampaignPage />} />
                <Route path="campagnes/:id" element={<CampaignPage />} />
                <Route path="renouvellements" element={<RenewalsPage />} />
                <Route path="echeancier" element={<SchedulePage />} />
                <Route path="honoraires" element={<FeesPage />} />
                <Route path="vigilance/revues" element={<VigilanceReviewsPage />} />
                <Route path="vigilance/correspondances" element={<VigilanceMatchesPage />} />
                <Route path="vigilance/purge" element={<VigilancePurgePage />} />
                <Route path="webhooks" element={<WebhooksPage />} />
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            </Routes>
          </DataRouter>
        </QueryClientProvider>
      </Dated>
    </Themed>
  </I18nProvider>
);
