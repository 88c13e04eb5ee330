// Who may add attachments to an appeal, and when: whoever works on or owns it, while it is open; internal ones only staff who see internal records.
import type { AppealStatus } from '../../../../shared/schemas/appeals.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Part } from '../appeal-machine.ts';
import { seesInternal } from '../appeal.access.ts';

const finished: readonly AppealStatus[] = ['closed', 'rejected', 'merged'];

export const isFinished = (status: AppealStatus): boolean => finished.includes(status);

/** Any part beyond reading: the dispatcher, lead and co handlers, follow-up, supervisor, and the enterprise itself (materials asked for while paused). */
export const playsAPart = (parts: readonly Part[]): boolean => parts.some((p) => p !== 'viewer');

/** The 'attach' ability of an appeal view. */
export const canAttach = (parts: readonly Part[], status: AppealStatus): boolean => playsAPart(parts) && !isFinished(status);

export const canAttachInternal = (actor: Actor, parts: readonly Part[], status: AppealStatus): boolean => canAttach(parts, status) && seesInternal(actor, parts);
