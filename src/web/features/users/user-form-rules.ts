// Client-side checks of the user form, the same as the server's schema (src/shared/schemas/org.ts).
export const usernamePattern = /^[a-z0-9][a-z0-9._-]{2,31}$/;
export const phonePattern = /^[0-9+\- ]{5,20}$/;
export const minPasswordLength = 10;

/** Empty text fields are sent as null ("no phone"), not as an empty string the server would refuse. */
export function blankToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}
