// The routes of the app; administration, appeal, KPI, supervision, enterprise registry, policy and policy application pages are code-split with React.lazy.
import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import LoginPage from '../features/auth/LoginPage.tsx';
import { AdminHomePage } from '../features/admin/AdminHomePage.tsx';
import { LeaderDashboardPage } from '../features/dashboard/LeaderDashboardPage.tsx';
import { EnterprisePortalPage } from '../features/portal/EnterprisePortalPage.tsx';
import { StaffWorkbenchPage } from '../features/workbench/StaffWorkbenchPage.tsx';
import { NotFoundResult } from '../components/StatusResults.tsx';
import { AppealsByRole, HomeFor, HomeRedirect } from './HomeRoutes.tsx';
import { AppShell } from './layouts/AppShell.tsx';
import { RequireAbility } from './RequireAbility.tsx';
import { RequireSession } from './RequireSession.tsx';
import { RequireReviewAccess } from '../features/policies/applications/review-access.tsx';
import '../features/policies/applications/messages.ts';
import { ClaimAccountRoute, EnterpriseAccountsRoute, VerifyGreenCardRoute } from '../features/relations/routes.tsx';

const UsersPage = lazy(() => import('../features/users/UsersPage.tsx'));
const OrgPage = lazy(() => import('../features/org/OrgPage.tsx'));
const CalendarPage = lazy(() => import('../features/calendar/CalendarPage.tsx'));
const AuditPage = lazy(() => import('../features/audit/AuditPage.tsx'));
const ApiTokensPage = lazy(() => import('../features/tokens/ApiTokensPage.tsx'));
const AppealListPage = lazy(() => import('../features/appeals/AppealListPage.tsx'));
const AppealSubmitPage = lazy(() => import('../features/appeals/AppealSubmitPage.tsx'));
const AppealDetailPage = lazy(() => import('../features/appeals/AppealDetailPage.tsx'));
const KpiPage = lazy(() => import('../features/kpi/KpiPage.tsx'));
const SupervisionBoardPage = lazy(() => import('../features/supervision/SupervisionBoardPage.tsx'));
const AppealRulesPage = lazy(() => import('../features/appeal-rules/AppealRulesPage.tsx'));
const MyRelationsPage = lazy(() => import('../features/relations/MyRelationsPage.tsx'));
const AssignmentsPage = lazy(() => import('../features/relations/AssignmentsPage.tsx'));
const GreenCardsPage = lazy(() => import('../features/green-card/GreenCardsPage.tsx'));
const EnterpriseListPage = lazy(() => import('../features/enterprises/EnterpriseListPage.tsx'));
const EnterpriseDetailPage = lazy(() => import('../features/enterprises/EnterpriseDetailPage.tsx'));
const EnterpriseCreatePage = lazy(() => import('../features/enterprises/EnterpriseCreatePage.tsx'));
const EnterpriseImportPage = lazy(() => import('../features/enterprises/EnterpriseImportPage.tsx'));
const MyEnterprisePage = lazy(() => import('../features/enterprises/MyEnterprisePage.tsx'));
const PolicyListPage = lazy(() => import('../features/policies/PolicyListPage.tsx'));
const PolicyDetailPage = lazy(() => import('../features/policies/PolicyDetailPage.tsx'));
const PolicyEditorPage = lazy(() => import('../features/policies/PolicyEditorPage.tsx'));
const MyPoliciesPage = lazy(() => import('../features/policies/MyPoliciesPage.tsx'));
const PolicyGrantsPage = lazy(() => import('../features/policies/grants/PolicyGrantsPage.tsx'));
const PayoutLedgerPage = lazy(() => import('../features/policies/grants/PayoutLedgerPage.tsx'));
const ApplyPage = lazy(() => import('../features/policies/applications/ApplyPage.tsx'));
const MyApplicationsPage = lazy(() => import('../features/policies/applications/MyApplicationsPage.tsx'));
const ApplicationDetailPage = lazy(() => import('../features/policies/applications/ApplicationDetailPage.tsx'));
const ReviewQueuePage = lazy(() => import('../features/policies/applications/ReviewQueuePage.tsx'));

export function createAppRouter() {
  return createBrowserRouter([
    { path: '/login', element: <LoginPage /> },
    { path: '/verify/green-card', element: <VerifyGreenCardRoute /> },
    { path: '/verify/green-card/:number', element: <VerifyGreenCardRoute /> },
    { path: '/register/enterprise', element: <ClaimAccountRoute /> },
    {
      path: '/',
      element: (
        <RequireSession>
          <AppShell />
        </RequireSession>
      ),
      children: [
        { index: true, element: <HomeRedirect /> },
        { path: 'portal', element: <HomeFor variant="enterprise"><EnterprisePortalPage /></HomeFor> },
        { path: 'workbench', element: <HomeFor variant="staff"><StaffWorkbenchPage /></HomeFor> },
        { path: 'dashboard', element: <HomeFor variant="leader"><LeaderDashboardPage /></HomeFor> },
        { path: 'admin', element: <HomeFor variant="admin"><AdminHomePage /></HomeFor> },
        { path: 'appeals', element: <RequireAbility ability="appeal.read"><AppealsByRole enterprise={<AppealListPage preset="enterprise" />} staff={<AppealListPage preset="ledger" />} /></RequireAbility> },
        { path: 'appeals/new', element: <RequireAbility ability="appeal.create"><AppealSubmitPage /></RequireAbility> },
        { path: 'appeals/:id', element: <RequireAbility ability="appeal.read"><AppealDetailPage /></RequireAbility> },
        { path: 'triage', element: <RequireAbility ability="appeal.triage"><AppealListPage preset="triage" /></RequireAbility> },
        { path: 'my-work', element: <RequireAbility ability="appeal.read"><AppealListPage preset="mine" /></RequireAbility> },
        { path: 'follow-ups', element: <RequireAbility ability="appeal.follow-up"><AppealListPage preset="follow-up" /></RequireAbility> },
        { path: 'kpi', element: <RequireAbility ability="appeal.kpi"><KpiPage /></RequireAbility> },
        { path: 'supervision', element: <RequireAbility ability="appeal.supervision"><SupervisionBoardPage /></RequireAbility> },
        { path: 'admin/appeal-rules', element: <RequireAbility ability="appeal.rules.manage"><AppealRulesPage /></RequireAbility> },
        { path: 'admin/users', element: <RequireAbility ability="user.manage"><UsersPage /></RequireAbility> },
        { path: 'admin/org', element: <RequireAbility ability="org.manage"><OrgPage /></RequireAbility> },
        { path: 'calendar', element: <RequireAbility ability="calendar.read"><CalendarPage /></RequireAbility> },
        { path: 'audit', element: <RequireAbility ability="audit.read"><AuditPage /></RequireAbility> },
        { path: 'tokens', element: <RequireAbility ability="token.manage"><ApiTokensPage /></RequireAbility> },
        { path: 'enterprises', element: <RequireAbility ability="enterprise.read"><EnterpriseListPage /></RequireAbility> },
        { path: 'enterprises/new', element: <RequireAbility ability="enterprise.create"><EnterpriseCreatePage /></RequireAbility> },
        { path: 'enterprises/import', element: <RequireAbility ability="enterprise.import"><EnterpriseImportPage /></RequireAbility> },
        { path: 'enterprises/:uscc', element: <RequireAbility ability="enterprise.read"><EnterpriseDetailPage /></RequireAbility> },
        { path: 'my-enterprise', element: <RequireAbility ability="enterprise.read"><MyEnterprisePage /></RequireAbility> },
        { path: 'relations/mine', element: <RequireAbility ability="relations.own"><MyRelationsPage /></RequireAbility> },
        { path: 'relations', element: <RequireAbility ability="relations.manage"><AssignmentsPage /></RequireAbility> },
        { path: 'green-cards', element: <RequireAbility ability="green-card.read"><GreenCardsPage /></RequireAbility> },
        { path: 'enterprise-accounts', element: <EnterpriseAccountsRoute /> },
        { path: 'policies', element: <RequireAbility ability="policy.read"><PolicyListPage /></RequireAbility> },
        { path: 'policies/new', element: <RequireAbility ability="policy.edit"><PolicyEditorPage /></RequireAbility> },
        { path: 'policies/:id', element: <RequireAbility ability="policy.read"><PolicyDetailPage /></RequireAbility> },
        { path: 'policies/:id/edit', element: <RequireAbility ability="policy.edit"><PolicyEditorPage /></RequireAbility> },
        { path: 'policies/:id/grants', element: <RequireAbility ability="policy.ledger"><PolicyGrantsPage /></RequireAbility> },
        { path: 'policy-payouts', element: <RequireAbility ability="policy.ledger"><PayoutLedgerPage /></RequireAbility> },
        { path: 'my/policies', element: <RequireAbility ability="policy.read"><MyPoliciesPage /></RequireAbility> },
        { path: 'my/policies/:id/apply', element: <RequireAbility ability="policy.apply"><ApplyPage /></RequireAbility> },
        { path: 'my/applications', element: <RequireAbility ability="policy.apply"><MyApplicationsPage /></RequireAbility> },
        { path: 'my/applications/:id', element: <RequireAbility ability="policy.apply"><ApplicationDetailPage backTo="/my/applications" /></RequireAbility> },
        { path: 'policy-applications', element: <RequireReviewAccess><ReviewQueuePage /></RequireReviewAccess> },
        { path: 'policy-applications/:id', element: <RequireReviewAccess><ApplicationDetailPage backTo="/policy-applications" /></RequireReviewAccess> },
        { path: '*', element: <NotFoundResult /> },
      ],
    },
  ]);
}

export type AppRouter = ReturnType<typeof createAppRouter>;
