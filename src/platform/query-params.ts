/**
 * Reading a list's query parameters (`?q=…&limit=…`) the same way everywhere: blank means absent,
 * and each value that cannot be read is named in `errors`, in words an API caller can act on,
 * while the list falls back to its default instead of failing. Pure.
 */
export function queryReader(params: URLSearchParams) {
  const errors: Record<string, string> = {};
  const get = (k: string) => params.get(k)?.trim() || undefined;
  return {
    errors,
    get,
    /** A whole number within bounds, or the fallback (and an error when one was given). */
    int(k: string, min: number, max: number, fallback: number): number {
      const v = get(k);
      if (v === undefined) return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n < min || n > max) {
        errors[k] = `a whole number from ${min} to ${max}`;
        return fallback;
      }
      return n;
    },
    /** One of the allowed values, or undefined (and an error when another was given). */
    oneOf<T extends string>(k: string, allowed: readonly T[], what?: string): T | undefined {
      const v = get(k);
      if (v === undefined) return undefined;
      if ((allowed as readonly string[]).includes(v)) return v as T;
      errors[k] = what ?? `one of ${allowed.join(", ")}`;
      return undefined;
    },
  };
}

/** The page size and position every list accepts: up to 100 a page. */
export function pageOf(reader: ReturnType<typeof queryReader>, defaultLimit = 20) {
  return { limit: reader.int("limit", 1, 100, defaultLimit), offset: reader.int("offset", 0, 1_000_000, 0) };
}
