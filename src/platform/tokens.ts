import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** 256 random bits, URL-safe: session cookies, invitation and reset links, API tokens. */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Only hashes of tokens are stored: a copy of the database opens no session. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
