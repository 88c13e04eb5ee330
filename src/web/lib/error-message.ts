// The sentence to show a person for a failed call: our own wording for transport problems, else the server's.
import type { TFunction } from 'i18next';
import { isApiError } from './api-error.ts';

/** Codes whose server message is technical or absent; the UI words them itself. */
const ownWording = new Set(['network_error', 'bad_response', 'internal_error', 'unavailable', 'unauthenticated', 'forbidden', 'not_found', 'invalid_credentials']);

export function errorMessage(error: unknown, t: TFunction): string {
  if (!isApiError(error)) return t('errors.unknown');
  if (ownWording.has(error.code)) return t(`errors.${error.code}`);
  const message = error.message || t('errors.unknown');
  // Details the message does not already say are added, so that nothing the server explained is lost.
  const extra = error.details.filter((d) => !message.includes(d.message)).map((d) => (d.path ? `${d.path}: ${d.message}` : d.message));
  return extra.length > 0 ? `${message}（${extra.join('；')}）` : message;
}
