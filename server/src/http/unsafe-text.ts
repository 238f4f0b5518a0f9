/**
 * Text no field may hold: NUL (PostgreSQL text cannot store it) and UTF-16 surrogates without their pair (not
 * characters at all: they cannot be encoded as UTF-8 or stored in jsonb, and would break every later read).
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const isUnsafeText = (text: string): boolean => text.includes("\0") || LONE_SURROGATE.test(text);

interface Step {
  key: string;
  parent: Step | undefined;
}

/**
 * The path of the first string (value or object key) in a parsed request part that holds unsafe text, or undefined.
 * Iterative, and each entry only links to its parent, so a body nested thousands of levels deep (64 kB of `[`)
 * costs linear time and cannot exhaust the stack; the path is spelt out only for the one string reported.
 */
export function findUnsafeText(value: unknown): string | undefined {
  const pending: [unknown, Step | undefined][] = [[value, undefined]];
  while (pending.length) {
    const [item, at] = pending.pop()!;
    if (typeof item === "string") {
      if (isUnsafeText(item)) return spell(at);
    } else if (item !== null && typeof item === "object") {
      for (const [key, child] of Object.entries(item)) {
        const step = { key, parent: at };
        if (isUnsafeText(key)) return spell(step);
        pending.push([child, step]);
      }
    }
  }
  return undefined;
}

function spell(step: Step | undefined): string {
  const keys: string[] = [];
  for (let s = step; s; s = s.parent) keys.push(s.key);
  return keys.reverse().join(".");
}
