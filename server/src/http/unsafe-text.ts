/**
 * Text no field may hold: NUL (PostgreSQL text cannot store it) and UTF-16 surrogates without their pair (not
 * characters at all: they cannot be encoded as UTF-8 or stored in jsonb, and would break every later read).
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const isUnsafeText = (text: string): boolean => text.includes("\0") || LONE_SURROGATE.test(text);

/**
 * The path of the first string (value or object key) in a parsed request part that holds unsafe text, or undefined.
 * Iterative, so a deeply nested JSON body cannot exhaust the stack.
 */
export function findUnsafeText(value: unknown): string | undefined {
  const pending: [unknown, string[]][] = [[value, []]];
  while (pending.length) {
    const [item, path] = pending.pop()!;
    if (typeof item === "string") {
      if (isUnsafeText(item)) return path.join(".");
    } else if (item !== null && typeof item === "object") {
      for (const [key, child] of Object.entries(item)) {
        if (isUnsafeText(key)) return [...path, key].join(".");
        pending.push([child, [...path, key]]);
      }
    }
  }
  return undefined;
}
