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

/** The signed session id a request carries, if its signature holds. */
export const sessionIdFrom = (cookieHeader: string | undefined, secret: string): string | undefined => {
  const value = sessionCookieValue(cookieHeader);
  return value === undefined ? undefined : unsignSessionId(value, secret);
};
