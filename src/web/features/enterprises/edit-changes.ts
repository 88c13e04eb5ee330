// What the edit form sends: only fields the person changed (a masked phone left alone is never sent back), blanks as null.
import type { UpdateEnterpriseBody } from '../../../shared/schemas/enterprises.ts';

export type EditValues = Record<string, string | null | undefined>;

const normal = (value: string | null | undefined) => (value === undefined || value === null || value.trim() === '' ? null : value.trim());

/** The PATCH body: each field whose normalised value differs from the initial one; empty text becomes null. */
export function changedFields(initial: EditValues, edited: EditValues): UpdateEnterpriseBody {
  const body: Record<string, string | null> = {};
  for (const [key, value] of Object.entries(edited)) {
    if (normal(value) !== normal(initial[key])) body[key] = normal(value);
  }
  return body as UpdateEnterpriseBody;
}
