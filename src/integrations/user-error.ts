/**
 * An error in what the user gave (the config, the output folder, a write-up, an environment
 * variable), thrown from the integration. Astro prints under a thrown error's message its
 * location, stack trace and cause: for these, lines of the tool's own code that buried the one
 * line saying what to fix. An error without a stack Astro prints as its message alone.
 */
export function userError(message: string): Error {
  const error = new Error(message);
  error.stack = '';
  return error;
}
