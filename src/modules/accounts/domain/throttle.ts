/**
 * Sign-in throttling with exponential backoff, per account and per address. Pure: given the
 * failures in the window, how many seconds must pass before the next try is even checked.
 */
export const THROTTLE_WINDOW_MINUTES = 15;
export const FREE_FAILURES = 5;
export const MAX_DELAY_SECONDS = 15 * 60;

export function requiredDelaySeconds(failureCount: number): number {
  if (failureCount < FREE_FAILURES) return 0;
  return Math.min(2 ** (failureCount - FREE_FAILURES + 1), MAX_DELAY_SECONDS);
}

/** Seconds still to wait (0 when a try is allowed now). */
export function secondsUntilAllowed(failures: Date[], now: Date): number {
  if (failures.length === 0) return 0;
  const last = Math.max(...failures.map((f) => f.getTime()));
  const allowedAt = last + requiredDelaySeconds(failures.length) * 1000;
  return Math.max(0, Math.ceil((allowedAt - now.getTime()) / 1000));
}
