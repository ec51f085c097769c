import { expect, it } from "vitest";
import { MAX_DELAY_SECONDS, requiredDelaySeconds, secondsUntilAllowed } from "./throttle";

it.each([
  [0, 0],
  [4, 0],
  [5, 2],
  [6, 4],
  [10, 64],
  [20, MAX_DELAY_SECONDS],
])("%i failures → wait %i s", (failures, seconds) => {
  expect(requiredDelaySeconds(failures)).toBe(seconds);
});

it("counts the wait from the last failure", () => {
  const now = new Date("2026-11-23T10:00:00Z");
  const ago = (s: number) => new Date(now.getTime() - s * 1000);
  const ten = Array.from({ length: 10 }, (_, i) => ago(100 - i * 10));
  // Last failure 10 s ago, ten failures → 64 s wait → 54 s left.
  expect(secondsUntilAllowed(ten, now)).toBe(54);
  expect(secondsUntilAllowed(ten.slice(0, 4), now)).toBe(0);
  expect(secondsUntilAllowed([], now)).toBe(0);
});
