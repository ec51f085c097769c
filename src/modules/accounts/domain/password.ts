import { dictionary } from "@zxcvbn-ts/language-common";

/**
 * Password rules after NIST SP 800-63B: length is what makes a password strong, so we ask for
 * length and refuse only the well-known ones; no composition rules, no forced rotation.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

let common: Set<string> | null = null;
function commonPasswords(): Set<string> {
  // 49,000 passwords from public breach corpora (zxcvbn-ts), loaded on first use.
  common ??= new Set((dictionary["passwords-common"] as string[]).map((p) => p.toLowerCase()));
  return common;
}

export type PasswordProblem = "password.tooShort" | "password.tooLong" | "password.common" | "password.containsEmail";

export function checkPassword(password: string, context: { email?: string } = {}): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return "password.tooShort";
  if (length > PASSWORD_MAX_LENGTH) return "password.tooLong";
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower)) return "password.common";
  // A common password padded with repeated characters is still a common password.
  const collapsed = lower.replace(/(.)\1+$/u, "$1");
  if (commonPasswords().has(collapsed) || commonPasswords().has(lower.replace(/\d+$/, ""))) return "password.common";
  const local = context.email?.split("@")[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return "password.containsEmail";
  return null;
}
