// Which action buttons an appeal shows (from its `abilities`, never from roles), what each asks for, and the request body built from the answers.
import { appealActions, type AppealAction } from '../../../shared/schemas/appeals.ts';

/** A form field of an action dialog; each maps to one property of the action's body. */
export type ActionField =
  | 'note'
  | 'reason'
  | 'intoId'
  | 'departmentId'
  | 'coDepartmentIds'
  | 'replyWithinWorkingDays'
  | 'workingDays'
  | 'content'
  | 'resolution'
  | 'reached'
  | 'resolved'
  | 'rating'
  | 'comment'
  | 'supervisionNote';

export const actionFields: Record<AppealAction, readonly ActionField[]> = {
  accept: ['note'],
  reject: ['reason'],
  merge: ['intoId', 'note'],
  assign: ['departmentId', 'coDepartmentIds', 'replyWithinWorkingDays', 'note'],
  sign: ['note'],
  return: ['reason'],
  pause: ['reason'],
  resume: ['note'],
  'request-extension': ['workingDays', 'reason'],
  'approve-extension': ['note'],
  'deny-extension': ['reason'],
  reply: ['content', 'resolution'],
  'follow-up': ['reached', 'resolved', 'rating', 'comment'],
  rate: ['rating', 'comment'],
  reopen: ['reason'],
  close: ['note'],
  supervise: ['supervisionNote'],
};

/** The step that moves the appeal on, per state; the first one the caller may take is the primary button. */
const mainSteps: readonly AppealAction[] = ['assign', 'sign', 'reply', 'approve-extension', 'follow-up', 'close', 'rate', 'resume', 'accept'];
/** Steps that turn the appeal back or refuse something: shown in red. */
const turningBack: readonly AppealAction[] = ['reject', 'return', 'deny-extension', 'reopen'];

export interface ActionButton {
  action: AppealAction;
  kind: 'primary' | 'default' | 'danger';
  fields: readonly ActionField[];
}

const isAction = (ability: string): ability is AppealAction => (appealActions as readonly string[]).includes(ability);

/** The buttons for an appeal's abilities: the main step first, then the others in the loop's order, turning-back ones last. */
export function actionButtonsFor(abilities: readonly string[]): ActionButton[] {
  const actions = appealActions.filter((a) => abilities.includes(a));
  const primary = mainSteps.find((a) => actions.includes(a));
  const rank = (a: AppealAction) => (a === primary ? 0 : turningBack.includes(a) ? 2 : 1);
  return [...actions]
    .sort((a, b) => rank(a) - rank(b) || appealActions.indexOf(a) - appealActions.indexOf(b))
    .map((action) => ({ action, kind: action === primary ? 'primary' : turningBack.includes(action) ? 'danger' : 'default', fields: actionFields[action] }));
}

export const hasAbility = (abilities: readonly string[], ability: string) => abilities.includes(ability);
export const isAppealAction = isAction;

export type ActionFormValues = Partial<{
  note: string;
  reason: string;
  intoId: string;
  departmentId: string;
  coDepartmentIds: string[];
  replyWithinWorkingDays: number | null;
  workingDays: number | null;
  content: string;
  resolution: string;
  reached: boolean;
  resolved: boolean;
  rating: number;
  comment: string;
  supervisionNote: string;
}>;

const text = (value: string | undefined) => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
};

/** The request body of an action from the dialog's values: empty optional texts left out, an unreached follow-up sends no verdict of its own. */
export function actionBody(action: AppealAction, values: ActionFormValues): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of actionFields[action]) {
    switch (field) {
      case 'note':
      case 'reason':
      case 'content':
      case 'comment': {
        const value = text(values[field]);
        if (value !== undefined) body[field] = value;
        break;
      }
      case 'supervisionNote': {
        const value = text(values.supervisionNote);
        if (value !== undefined) body.note = value;
        break;
      }
      case 'coDepartmentIds': {
        const ids = (values.coDepartmentIds ?? []).filter((id) => id !== values.departmentId);
        if (ids.length > 0) body.coDepartmentIds = ids;
        break;
      }
      case 'replyWithinWorkingDays':
      case 'workingDays': {
        const value = values[field];
        if (typeof value === 'number') body[field] = value;
        break;
      }
      case 'reached':
      case 'resolved':
        body[field] = values[field] === true;
        break;
      default: {
        const value = values[field];
        if (value !== undefined && value !== null && value !== '') body[field] = value;
      }
    }
  }
  if (action === 'follow-up' && body.reached === false) {
    // Nobody answered the call: the server still wants a rating; the call counts as an attempt, not a verdict.
    body.resolved = false;
    if (body.rating === undefined) body.rating = 3;
  }
  return body;
}
