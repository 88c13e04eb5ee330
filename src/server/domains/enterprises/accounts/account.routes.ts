// HTTP routes of enterprise accounts: the public claim and its status, the office's verification, the 法人 account's staff approvals and invitations, members.
import type { FastifyInstance } from 'fastify';
import { idParams, listOf } from '../../../../shared/schemas/common.ts';
import {
  accountRequestStatusBody,
  accountRequestStatusView,
  accountRequestView,
  claimAccountBody,
  claimAccountResponse,
  inviteMemberBody,
  listAccountRequestsQuery,
  listMembersQuery,
  memberView,
  myAccountView,
  rejectAccountRequestBody,
} from '../../../../shared/schemas/enterprise-relations.ts';
import { forbidden } from '../../../http/errors.ts';
import { authorize, can } from '../../abilities.ts';
import { PublicLookupGuard } from '../green-card/public-guard.ts';
import { approveAccountRequest, claimAccount, claimStatus, inviteMember, listAccountRequests, listMembers, myEnterpriseAccount, rejectAccountRequest } from './manage-accounts.ts';

export function enterpriseAccountRoutes(app: FastifyInstance, guard = new PublicLookupGuard({ perMinute: 10, missesPerTenMinutes: 20 })): void {
  const { clock, hasher } = app.deps;
  const officeOrEnterprise = (actor: Parameters<typeof can>[0]) => {
    if (!can(actor, 'enterprise-account.verify') && !can(actor, 'enterprise-account.own')) throw forbidden();
  };

  app.defineRoute({
    method: 'POST', url: '/api/v1/public/enterprise-accounts/claims', summary: '企业账号认领申请（无需登录） / claim an enterprise account (public; pending until verified)', tags: ['enterprise-accounts'], auth: false, idempotent: true,
    body: claimAccountBody, response: claimAccountResponse,
    handler: async ({ body, ctx, db, request }) => {
      guard.admit(request.ip);
      try {
        return await claimAccount({ db, clock, hasher }, ctx, body);
      } catch (error) {
        guard.miss(request.ip);
        throw error;
      }
    },
  });

  app.defineRoute({
    method: 'POST', url: '/api/v1/public/enterprise-accounts/claims/{id}/status', summary: '查询认领申请进度 / how a claim stands (with the token shown at the claim)', tags: ['enterprise-accounts'], auth: false,
    params: idParams, body: accountRequestStatusBody, response: accountRequestStatusView, status: 200,
    handler: async ({ params, body, db, request }) => {
      guard.admit(request.ip);
      return claimStatus(db, params.id, body.token);
    },
  });

  app.defineRoute({
    method: 'GET', url: '/api/v1/enterprise-accounts/requests', summary: '企业账号申请 / account requests (office: all; 法人 account: its staff requests)', tags: ['enterprise-accounts'], auth: true,
    query: listAccountRequestsQuery, response: listOf(accountRequestView),
    handler: async ({ actor, db, query }) => {
      officeOrEnterprise(actor);
      return listAccountRequests(db, actor, query);
    },
  });

  app.defineRoute({
    method: 'POST', url: '/api/v1/enterprise-accounts/requests/{id}/approve', summary: '核验通过 / approve an account request', tags: ['enterprise-accounts'], auth: true,
    params: idParams, response: accountRequestView,
    handler: async ({ actor, ctx, db, params }) => {
      officeOrEnterprise(actor);
      return approveAccountRequest({ db, clock }, ctx, actor, params.id);
    },
  });

  app.defineRoute({
    method: 'POST', url: '/api/v1/enterprise-accounts/requests/{id}/reject', summary: '核验不通过 / reject an account request with a reason', tags: ['enterprise-accounts'], auth: true,
    params: idParams, body: rejectAccountRequestBody, response: accountRequestView,
    handler: async ({ actor, ctx, db, params, body }) => {
      officeOrEnterprise(actor);
      return rejectAccountRequest({ db, clock }, ctx, actor, params.id, body.reason);
    },
  });

  app.defineRoute({
    method: 'GET', url: '/api/v1/enterprise-accounts/members', summary: '企业账号 / an enterprise\'s accounts', tags: ['enterprise-accounts'], auth: true,
    query: listMembersQuery, response: listOf(memberView),
    handler: async ({ actor, db, query }) => {
      officeOrEnterprise(actor);
      return listMembers(db, actor, query);
    },
  });

  app.defineRoute({
    method: 'POST', url: '/api/v1/enterprise-accounts/members', summary: '添加企业员工账号 / add an account to an enterprise (its 法人 account or the office)', tags: ['enterprise-accounts'], auth: true, idempotent: true,
    body: inviteMemberBody, response: memberView,
    handler: async ({ actor, ctx, db, body }) => {
      officeOrEnterprise(actor);
      return inviteMember({ db, clock, hasher }, ctx, actor, body);
    },
  });

  app.defineRoute({
    method: 'GET', url: '/api/v1/enterprise-accounts/me', summary: '本企业账号 / the caller\'s enterprise and account kind', tags: ['enterprise-accounts'], auth: true,
    response: myAccountView,
    handler: async ({ actor, db }) => {
      authorize(actor, 'enterprise-account.own');
      return myEnterpriseAccount(db, actor);
    },
  });
}
