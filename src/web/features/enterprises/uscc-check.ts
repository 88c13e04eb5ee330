// The credit-code check of the create form: the shared GB 32100 validation, worded in the UI language next to the field.
import type { TFunction } from 'i18next';
import { normaliseUscc, validateUscc } from '../../../shared/uscc.ts';

/** The reason the code is refused, in the UI language, or null when it is a valid code (or still empty). */
export function usccProblemText(input: string | undefined, t: TFunction): string | null {
  if (!input?.trim()) return null;
  const result = validateUscc(input);
  if (result.ok) return null;
  return t(`enterprisesPage.form.usccProblems.${result.problem}`, { count: [...normaliseUscc(input)].length, position: result.position ?? '' });
}

/** An antd form rule that runs the check (the server checks again and names the same field). */
export function usccRule(t: TFunction) {
  return {
    validator: (_: unknown, value: string | undefined) => {
      const problem = usccProblemText(value, t);
      return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
    },
  };
}
