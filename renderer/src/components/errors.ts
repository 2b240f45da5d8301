import { ApiError } from '../api';

/** The message of any failure in the user's language. */
export function errorText(err: unknown, lang: string): string {
  if (err instanceof ApiError) return err.text(lang);
  return String(err);
}
