// Who may see enterprise records: staff all of them, an enterprise user only its own (list filter in SQL).
import type { Actor } from '../auth/actor.ts';
import { isStaff } from '../auth/actor.ts';

export const enterpriseAccess = {
  'enterprise.read': (actor: Actor) => isStaff(actor) || actor.enterpriseId !== null,
} as const;
