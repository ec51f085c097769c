import { expect, it } from "vitest";
import { checkPassword } from "./password";

it.each([
  ["correct horse battery staple", null],
  ["Ngā mihi nui ki a koutou", null],
  ["短い", "password.tooShort"],
  ["elevenchars", "password.tooShort"],
  ["x".repeat(257), "password.tooLong"],
  ["password1234", "password.common"],
  ["1q2w3e4r5t6y", "password.common"],
  ["123456789012", "password.common"],
  ["iloveyou11111", "password.common"],
  ["mere.tuisawau-2026", "password.containsEmail"],
] as const)("%s → %s", (password, problem) => {
  expect(checkPassword(password, { email: "mere.tuisawau@example.org" })).toBe(problem);
});

it("counts characters, not bytes", () => {
  expect(checkPassword("密码密码密码密码密码密码")).toBeNull();
});
