// Puts an ApiError's details[].path messages next to the matching fields of an antd form.
import type { FormInstance } from 'antd';
import type { ErrorDetail } from '../../shared/errors.ts';
import { isApiError } from './api-error.ts';

/** The top-level field a detail path such as `roles.0` or `body.parentId` points at, if the form has it. */
export function fieldForPath(path: string, fieldNames: readonly string[]): string | null {
  const segments = path.split(/[.[\]/]+/).filter(Boolean);
  for (const segment of segments) {
    if (fieldNames.includes(segment)) return segment;
  }
  return null;
}

/** Splits details into the ones a form can show at a field and the rest. */
export function splitDetails(details: readonly ErrorDetail[], fieldNames: readonly string[]) {
  const byField = new Map<string, string[]>();
  const unmatched: ErrorDetail[] = [];
  for (const detail of details) {
    const field = fieldForPath(detail.path, fieldNames);
    if (field) byField.set(field, [...(byField.get(field) ?? []), detail.message]);
    else unmatched.push(detail);
  }
  return { byField, unmatched };
}

/**
 * Shows the error's field messages in the form. Returns true when every detail found a field,
 * so the caller only needs a general message when it returns false.
 */
export function applyFieldErrors(form: FormInstance, error: unknown): boolean {
  if (!isApiError(error) || error.details.length === 0) return false;
  const fieldNames = form.getFieldsError().map((field) => String(field.name[0]));
  const { byField, unmatched } = splitDetails(error.details, fieldNames);
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return unmatched.length === 0;
}
