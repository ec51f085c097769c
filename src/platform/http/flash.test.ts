import { expect, it } from "vitest";
import { flashCookie, readFlash } from "./flash";

it("carries a catalogue message across a redirect, in the reader's language, once", () => {
  const cookie = flashCookie("countries.filter.apply").split(";")[0]!;
  expect(readFlash(cookie, "en")).toEqual({
    message: "Show States",
    clear: expect.stringContaining("Max-Age=0"),
  });
  expect(readFlash(cookie, "fr").message).not.toBe("Show States");
});

it("shows nothing that is not in the catalogue, and clears it", () => {
  const forged = readFlash("item10_flash=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "en");
  expect(forged.message).toBeNull();
  expect(forged.clear).toContain("Max-Age=0");
});

it("does nothing without the cookie", () => {
  expect(readFlash("other=1", "en")).toEqual({ message: null, clear: null });
});
