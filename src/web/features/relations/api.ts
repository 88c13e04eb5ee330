// Calls of 包联: my enterprises, assignments (list, create, end), visits (list, log with an appeal), projects, the staff picker.
import { z } from 'zod';
import { listOf, uuid } from '../../../shared/schemas/common.ts';
import { appealView } from '../../../shared/schemas/appeals.ts';
import {
  assignmentView,
  myRelationsResponse,
  projectView,
  visitView,
  type CreateAssignmentBody,
  type LogVisitBody,
} from '../../../shared/schemas/enterprise-relations.ts';
import { api } from '../../lib/api.ts';

export const relationKeys = {
  all: ['relations'] as const,
  mine: ['relations', 'mine'] as const,
  list: (filters: Record<string, unknown>) => ['relations', 'assignments', filters] as const,
  visits: (assignmentId: string) => ['relations', 'visits', assignmentId] as const,
  projects: (q: string) => ['relations', 'projects', q] as const,
  staff: (q: string) => ['relations', 'staff', q] as const,
};

const staffOption = z.object({ id: uuid, username: z.string(), displayName: z.string(), roles: z.array(z.string()), unitName: z.string().nullable() });

export const fetchMyRelations = () => api.get('/relations/mine', myRelationsResponse);
export const fetchAssignments = (query: { page: number; pageSize: number; active?: boolean; userId?: string; enterpriseId?: string }) =>
  api.get('/relations/assignments', listOf(assignmentView), query);
export const createAssignment = (body: Partial<CreateAssignmentBody>) => api.create('/relations/assignments', body, assignmentView);
export const endAssignment = (id: string, body: { reason: string; endOn?: string }) => api.post(`/relations/assignments/${id}/end`, body, assignmentView);
export const fetchVisits = (assignmentId: string) => api.get(`/relations/assignments/${assignmentId}/visits`, listOf(visitView));
export const logVisit = (assignmentId: string, body: LogVisitBody) =>
  api.create(`/relations/assignments/${assignmentId}/visits`, body, z.object({ visit: visitView, appeal: appealView.nullable() }));
export const fetchProjects = (q: string) => api.get('/relations/projects', listOf(projectView), { q, pageSize: 50 });
export const createProject = (body: { name: string; enterpriseId?: string; stage?: string }) => api.create('/relations/projects', body, projectView);
export const searchStaff = (q: string) => api.get('/relations/assignable-users', listOf(staffOption), { q, pageSize: 30 });
