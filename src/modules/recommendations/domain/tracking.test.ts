import { describe, expect, it } from "vitest";
import type { Actor, Membership } from "../../../platform/actor";
import { trackingWriterFor, trackingWriters } from "./policy";
import { isHttpUrl, isSameTracking, parseClusterForm, parseTrackingFilter, parseTrackingForm } from "./tracking";

const valid = { status: "in-progress", visibility: "private" };

describe("parseTrackingForm", () => {
  it("reads lists one item a line, trimmed, without blanks or repeats", () => {
    const { value, problems } = parseTrackingForm({
      ...valid,
      institutions: " Ministry of Justice \n\nministry of justice\r\nOmbudsman ",
      evidenceLinks: ["https://example.org/report.pdf", " https://example.org/report.pdf "],
      notes: "  Law drafted.\r\nIn parliament.  ",
    });
    expect(problems).toEqual({});
    expect(value).toEqual({
      status: "in-progress",
      institutions: ["Ministry of Justice", "Ombudsman"],
      notes: "Law drafted.\nIn parliament.",
      evidenceLinks: ["https://example.org/report.pdf"],
      visibility: "private",
    });
  });

  it("keeps an entry private unless told otherwise", () => {
    expect(parseTrackingForm({ status: "implemented" }).value?.visibility).toBe("private");
  });

  it.each([
    [{ status: "" }, { status: { key: "tracking.error.status" } }],
    [{ status: "done" }, { status: { key: "tracking.error.status" } }],
    [{ ...valid, visibility: "everyone" }, { visibility: { key: "tracking.error.visibility" } }],
    [
      { ...valid, institutions: "x".repeat(201) },
      { institutions: { key: "tracking.error.institutionLength", values: { max: 200 } } },
    ],
    [
      { ...valid, institutions: Array.from({ length: 21 }, (_, i) => `Institution ${i}`) },
      { institutions: { key: "tracking.error.institutionCount", values: { max: 20 } } },
    ],
    [{ ...valid, notes: "x".repeat(5001) }, { notes: { key: "tracking.error.notes", values: { max: 5000 } } }],
    [
      { ...valid, evidenceLinks: "https://example.org\nexample.org/report" },
      { evidenceLinks: { key: "tracking.error.evidenceLink", values: { link: "example.org/report" } } },
    ],
    [
      { ...valid, evidenceLinks: "javascript:alert(1)" },
      { evidenceLinks: { key: "tracking.error.evidenceLink", values: { link: "javascript:alert(1)" } } },
    ],
    [
      { ...valid, evidenceLinks: Array.from({ length: 21 }, (_, i) => `https://example.org/${i}`) },
      { evidenceLinks: { key: "tracking.error.evidenceCount", values: { max: 20 } } },
    ],
  ])("names the field of each problem (%#)", (form, expected) => {
    const { value, problems } = parseTrackingForm(form);
    expect(value).toBeNull();
    expect(problems).toEqual(expected);
  });

  it("accepts the limits themselves", () => {
    const { problems } = parseTrackingForm({
      ...valid,
      institutions: Array.from({ length: 20 }, (_, i) => `${i}${"x".repeat(190)}`),
      notes: "x".repeat(5000),
      evidenceLinks: Array.from({ length: 20 }, (_, i) => `http://example.org/${i}`),
    });
    expect(problems).toEqual({});
  });
});

describe("parseClusterForm", () => {
  it("reads member keys separated by lines, commas or spaces, once each", () => {
    const { value } = parseClusterForm({ ...valid, name: "  Death   penalty ", members: "a-1, a-2\na-1 a-3;" });
    expect(value).toMatchObject({ name: "Death penalty", memberKeys: ["a-1", "a-2", "a-3"], status: "in-progress" });
  });

  it("needs a name of 1 to 120 characters and at least one member", () => {
    expect(parseClusterForm({ ...valid, name: " ", members: "" }).problems).toEqual({
      name: { key: "tracking.error.clusterName", values: { max: 120 } },
      members: { key: "tracking.error.members" },
    });
    expect(parseClusterForm({ ...valid, name: "x".repeat(121), members: "k" }).problems).toHaveProperty("name");
    expect(parseClusterForm({ ...valid, name: "x".repeat(120), members: "k" }).problems).toEqual({});
  });

  it("reports the shared fields' problems too", () => {
    expect(parseClusterForm({ status: "x", name: "A", members: "k" }).problems).toEqual({
      status: { key: "tracking.error.status" },
    });
  });
});

describe("isSameTracking", () => {
  const state = parseTrackingForm({ ...valid, institutions: "A\nB" }).value!;
  it("tells a real change from a resubmission", () => {
    expect(isSameTracking(state, { ...state, institutions: ["A", "B"] })).toBe(true);
    expect(isSameTracking(state, { ...state, institutions: ["B", "A"] })).toBe(false);
    expect(isSameTracking(state, { ...state, visibility: "public" })).toBe(false);
  });
});

describe("isHttpUrl", () => {
  it.each([
    ["https://www.ohchr.org/en/hr-bodies/upr", true],
    ["http://example.org", true],
    ["ftp://example.org/file", false],
    ["mailto:someone@example.org", false],
    ["/relative/path", false],
    ["https://", false],
  ])("%s → %s", (value, expected) => expect(isHttpUrl(value)).toBe(expected));
});

describe("parseTrackingFilter", () => {
  it("reads the filters and names those it cannot read", () => {
    expect(
      parseTrackingFilter(new URLSearchParams("status=untracked&cycle=2&theme=women&q=torture&state=fji")),
    ).toEqual({ filter: { status: "untracked", cycle: 2, theme: "women", q: "torture", state: "FJI" }, invalid: [] });
    expect(parseTrackingFilter(new URLSearchParams("status=done&cycle=first&state=Fiji"))).toEqual({
      filter: { q: "" },
      invalid: ["status", "cycle", "state"],
    });
  });
});

describe("tracking.edit", () => {
  const membership = (m: Partial<Membership>): Membership => ({
    organisationId: "org-fiji",
    organisationKind: "state",
    isSecretariat: false,
    role: "state-focal-point",
    regionalGroup: null,
    countryIso3: "FJI",
    ...m,
  });
  const user = (...memberships: Membership[]): Actor => ({
    kind: "user",
    userId: "u",
    displayName: "U",
    sessionId: null,
    memberships,
    secondFactor: true,
  });

  it.each<[string, Actor, string | null]>([
    ["the State's focal point", user(membership({})), "org-fiji"],
    ["another State's focal point", user(membership({ organisationId: "org-hnd", countryIso3: "HND" })), null],
    ["a provider of the same country", user(membership({ role: "provider-focal-point" })), null],
    ["a focal point of a non-State organisation", user(membership({ organisationKind: "nhri" })), null],
    [
      "the secretariat",
      user(membership({ role: "secretariat-officer", isSecretariat: true, organisationKind: "un-entity" })),
      null,
    ],
    ["nobody signed in", { kind: "anonymous" }, null],
    ["the platform itself", { kind: "system", process: "test" }, null],
    [
      "a read-only token of the State",
      { kind: "token", tokenId: "t", organisationId: "org-fiji", membership: membership({}), scope: "read" },
      null,
    ],
    [
      "a read-write token of the State",
      { kind: "token", tokenId: "t", organisationId: "org-fiji", membership: membership({}), scope: "read-write" },
      "org-fiji",
    ],
  ])("%s", (_who, actor, organisationId) => {
    expect(trackingWriterFor(actor, "FJI")?.organisationId ?? null).toBe(organisationId);
  });

  it("lists every State the actor speaks for", () => {
    const actor = user(membership({}), membership({ organisationId: "org-hnd", countryIso3: "HND" }));
    expect(trackingWriters(actor)).toEqual([
      { organisationId: "org-fiji", stateIso3: "FJI" },
      { organisationId: "org-hnd", stateIso3: "HND" },
    ]);
    expect(trackingWriterFor(actor, "HND")?.organisationId).toBe("org-hnd");
  });
});
