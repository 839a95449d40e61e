/**
 * Suites that need a tool outside npm (Chromium, poppler, qpdf, PostgreSQL) or the worked examples
 * next to the checkout (../shared/examples). On a developer's machine a missing one skips its
 * suite; under CI=true it fails the run instead, so a green CI means every suite ran.
 */

/** True when the suite must be skipped here; throws (failing the test file) under CI=true. */
export function missing(what: string, available: boolean): boolean {
  if (available) return false;
  if (process.env.CI === 'true' || process.env.CI === '1')
    throw new Error(`${what} is missing, and under CI=true this suite must run, not skip: install it (see .ci/run).`);
  return true;
}
