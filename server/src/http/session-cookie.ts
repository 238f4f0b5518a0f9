import { createHmac, timingSafeEqual } from "node:crypto";

export const SESSION_COOKIE = "wm.sid";

/**
 * The cookie value format express-session used (`s:` + id + `.` + unpadded base64 HMAC-SHA256), kept so sessions
 * issued before the switch stay valid.
 */
const mac = (sid: string, secret: string) =>
  createHmac("sha256", secret).update(sid).digest("base64").replace(/=+$/, "");

export const signSessionId = (sid: string, secret: string): string => `s:${sid}.${mac(sid, secret)}`;

/** The session id in a signed cookie value, or undefined when it is unsigned, malformed or signed with another secret. */
export function unsignSessionId(value: string, secret: string): string | undefined {
  if (!value.startsWith("s:")) return undefined;
  const dot = value.lastIndexOf(".");
  if (dot < 3) return undefined;
  const sid = value.slice(2, dot);
  const given = Buffer.from(value.slice(dot + 1));
  const expected = Buffer.from(mac(sid, secret));
  return given.length === expected.length && timingSafeEqual(given, expected) ? sid : undefined;
}

/** The raw (still URL-encoded) value of the session cookie in a Cookie header; the first one wins, as in browsers' order. */
export function sessionCookieValue(header: string | undefined): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) {
      const raw = part
        .slice(eq + 1)
        .trim()
        .replace(/^"(.*)"$/, "$1");
      try {
        return decodeURIComponent(raw);
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

const MAX_VERIFIED = 10_000;
/** Session cookie values whose signature verified, by secret: signed value → session id. */
const verified = new Map<string, Map<string, string>>();

/**
 * The signed session id a request carries, if its signature holds. A browser sends the same cookie on every request
 * of a session, and checking its HMAC again is most of what the hottest requests cost before their statement, so a
 * value that verified under a secret is remembered (the same bytes always verify the same way). The key is the
 * signed value, not the whole Cookie header: only values the server signed can enter, so neither forged cookies nor
 * one session's cookie padded with ever-changing other cookies can crowd the cache. Bounded, oldest out first.
 */
export const sessionIdFrom = (cookieHeader: string | undefined, secret: string): string | undefined => {
  const value = sessionCookieValue(cookieHeader);
  if (value === undefined) return undefined;
  let known = verified.get(secret);
  const hit = known?.get(value);
  if (hit !== undefined) return hit;
  const sid = unsignSessionId(value, secret);
  if (sid === undefined) return undefined;
  if (!known) verified.set(secret, (known = new Map()));
  if (known.size >= MAX_VERIFIED) known.delete(known.keys().next().value!);
  known.set(value, sid);
  return sid;
};
