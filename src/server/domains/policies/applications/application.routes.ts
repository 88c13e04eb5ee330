// Policy applications over HTTP (notes/applications-contract.md): the pre-filled form, submission, attachments, the list and one application, and the reviewer's and applicant's actions.
import type { FastifyInstance } from 'fastify';
import { idParams } from '../../../../shared/schemas/common.ts';
import {
  applicationAttachment,
  applicationAttachmentParams,
  applicationAttachmentTypes,
  applicationForm,
  applicationList,
  approveApplicationBody,
  listApplicationsQuery,
  policyApplication,
  rejectApplicationBody,
  submitApplicationBody,
} from '../../../../shared/schemas/policy-applications.ts';
import { forbidden, notFound } from '../../../http/errors.ts';
import { authorize } from '../../abilities.ts';
import { discardFile } from '../../appeals/attachments/attachment-store.ts';
import { sendStoredFile } from '../../appeals/attachments/send-stored-file.ts';
import { readUpload } from '../../appeals/attachments/read-upload.ts';
import { businessDateOf } from '../../calendar/working-days.ts';
import { applicationScopeFor } from '../policy.access.ts';
import { addApplicationAttachment, attachableApplication } from './application-attachments.ts';
import { prepareApplication } from './application-form.ts';
import { findApplicationAttachment, findVisibleApplication, listApplicationAttachments, listApplications } from './application.repository.ts';
import { applicationViews, toApplicationView } from './application-view.ts';
import { approveApplication, rejectApplication, withdrawApplication } from './review-application.ts';
import { submitApplication } from './submit-application.ts';

export function applicationRoutes(app: FastifyInstance): void {
  const { clock, config } = app.deps;

  /** Reading applications at all: reviewers, leaders, supervisors and enterprise users. */
  const readScope = (actor: Parameters<typeof applicationScopeFor>[0]) => {
    const scope = applicationScopeFor(actor);
    if (scope.kind === 'none') throw forbidden('无权查看政策申报 / not allowed to read policy applications');
    return scope;
  };

  app.defineRoute({
    method: 'GET', url: '/api/v1/policies/{id}/application-form', summary: '申报表（按企业库预填）/ the application form pre-filled from the registry, eligibility and whether the enterprise may apply', tags: ['policies'], auth: true,
    params: idParams, response: applicationForm,
    handler: async ({ actor, db, params }) => {
      authorize(actor, 'policy.apply');
      return (await prepareApplication(db, params.id, actor.enterpriseId!, businessDateOf(clock.now()))).form;
    },
  });

  app.defineRoute({
    method: 'POST', url: '/api/v1/policies/{id}/applications', summary: '提交申报 / apply for a policy (honours Idempotency-Key)', tags: ['policies'], auth: true, idempotent: true,
    params: idParams, body: submitApplicationBody, response: policyApplication,
    handler: async ({ actor, ctx, db, params, body }) => {
      authorize(actor, 'policy.apply');
      return submitApplication({ db, clock }, ctx, actor, params.id, body);
    },
  });

  app.defineRoute({
    method: 'GET', url: '/api/v1/policy-applications', summary: '政策申报列表 / applications (reviewers: nearest deadline first; an enterprise: its own, newest first)', tags: ['policies'], auth: true,
    query: listApplicationsQuery, response: applicationList,
    handler: async ({ actor, db, query }) => {
      const now = clock.now();
      const { total, rows } = await listApplications(db, readScope(actor), query, now);
      return { total, items: await applicationViews(db, actor, rows, now) };
    },
  });

  app.defineRoute({
    method: 'GET', url: '/api/v1/policy-applications/{id}', summary: '申报详情 / one application', tags: ['policies'], auth: true,
    params: idParams, response: policyApplication,
    handler: async ({ actor, db, params }) => {
      const row = await findVisibleApplication(db, readScope(actor), params.id);
      return toApplicationView(actor, row, await listApplicationAttachments(db, [row.id]), clock.now());
    },
  });

  app.defineRoute({
    method: 'POST', url: '/api/v1/policy-applications/{id}/approve', summary: '审核通过并生成兑现记录 / approve: an approved grant within the budget', tags: ['policies'], auth: true,
    params: idParams, body: approveApplicationBody, response: policyApplication,
    handler: async ({ actor, ctx, db, params, body }) => {
      authorize(actor, 'policy.review');
      return approveApplication({ db, clock }, ctx, actor, params.id, body);
    },
  });

  app.defineRoute({
    method: 'POST', url: '/api/v1/policy-applications/{id}/reject', summary: '驳回申报 / reject with a reason', tags: ['policies'], auth: true,
    params: idParams, body: rejectApplicationBody, response: policyApplication,
    handler: async ({ actor, ctx, db, params, body }) => {
      authorize(actor, 'policy.review');
      return rejectApplication({ db, clock }, ctx, actor, params.id, body.reason);
    },
  });

  app.defineRoute({
    method: 'POST', url: '/api/v1/policy-applications/{id}/withdraw', summary: '撤回申报 / the applicant withdraws while under review', tags: ['policies'], auth: true,
    params: idParams, response: policyApplication,
    handler: async ({ actor, ctx, db, params }) => {
      authorize(actor, 'policy.apply');
      return withdrawApplication({ db, clock }, ctx, actor, params.id);
    },
  });

  app.defineRoute({
    method: 'POST', url: '/api/v1/policy-applications/{id}/attachments', tags: ['policies'], auth: true, status: 201,
    summary: '上传申报材料 / add an attachment: multipart/form-data field `file` (PNG, JPEG, WebP or PDF by content, at most 20 MB), by the applicant while under review',
    params: idParams, response: applicationAttachment,
    handler: async ({ actor, ctx, db, params, request }) => {
      authorize(actor, 'policy.apply');
      // Refuse before reading the body when the caller may not add to this application at all.
      await attachableApplication(db, actor, params.id);
      const at = clock.now();
      const upload = await readUpload(request, config.dataDir, at, applicationAttachmentTypes);
      try {
        return await addApplicationAttachment(db, ctx, actor, params.id, upload, at);
      } catch (error) {
        await discardFile(upload.file);
        throw error;
      }
    },
  });

  app.defineRoute({
    method: 'GET', url: '/api/v1/policy-applications/{id}/attachments/{attachmentId}', tags: ['policies'], auth: true,
    summary: '下载申报材料 / download an attachment (to whoever may see the application)',
    params: applicationAttachmentParams,
    handler: async ({ actor, db, params, reply }) => {
      await findVisibleApplication(db, readScope(actor), params.id);
      const attachment = await findApplicationAttachment(db, params.id, params.attachmentId);
      if (!attachment) throw notFound('附件 / attachment');
      return sendStoredFile(reply, config.dataDir, attachment);
    },
  });
}
