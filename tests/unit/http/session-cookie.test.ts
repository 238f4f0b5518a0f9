import { describe, expect, it } from "vitest";
import {
  sessionCookieValue,
  sessionIdFrom,
  signSessionId,
  unsignSessionId,
} from "../../../server/src/http/session-cookie.ts";
import { sessionUserOf } from "../../../server/src/auth/session-repo.ts";

const SECRET = "test-secret-test-secret-test-secret";

describe("session cookie", () => {
  it("when a session id is signed, then it matches the format express-session issued (old cookies stay valid)", () => {
    // Computed with cookie-signature 1.x, the signer express-session used.
    expect(signSessionId("abcDEF123_-xyz", SECRET)).toBe(
      "s:abcDEF123_-xyz.y9zG5GRkX83JeUV/djPq/HKvgzlGqXeMBoC2WIkdUM0",
    );
  });

  it("when a signed value is read back, then the id comes out; tampered, unsigned or foreign values give nothing", () => {
    const signed = signSessionId("sid-1", SECRET);
    expect(unsignSessionId(signed, SECRET)).toBe("sid-1");
    expect(unsignSessionId(signed.replace("sid-1", "sid-2"), SECRET)).toBeUndefined();
    expect(unsignSessionId(`${signed}x`, SECRET)).toBeUndefined();
    expect(unsignSessionId(signed.slice(0, -1), SECRET)).toBeUndefined();
    expect(unsignSessionId("sid-1", SECRET)).toBeUndefined();
    expect(unsignSessionId("s:sid-1", SECRET)).toBeUndefined();
    expect(unsignSessionId("s:.", SECRET)).toBeUndefined();
    expect(unsignSessionId(signed, "another-secret-another-secret-12")).toBeUndefined();
  });

  it("when the Cookie header holds several cookies, then the session cookie's value is found and URL-decoded", () => {
    const signed = signSessionId("abc", SECRET);
    const header = `theme=dark; wm.sid=${encodeURIComponent(signed)}; other=1`;
    expect(sessionCookieValue(header)).toBe(signed);
    expect(sessionIdFrom(header, SECRET)).toBe("abc");
    expect(sessionCookieValue(`wm.sid="${encodeURIComponent(signed)}"`)).toBe(signed);
    expect(sessionCookieValue("wm.sidx=1; xwm.sid=2")).toBeUndefined();
    expect(sessionCookieValue("wm.sid=%E0%A4%A")).toBeUndefined();
    expect(sessionCookieValue(undefined)).toBeUndefined();
  });

  it("when a verified cookie comes again, then it is still read per secret, and a tampered copy is still refused", () => {
    const signed = encodeURIComponent(signSessionId("again", SECRET));
    const other = "another-secret-another-secret-12";
    for (let i = 0; i < 2; i++) {
      expect(sessionIdFrom(`wm.sid=${signed}`, SECRET)).toBe("again");
      expect(sessionIdFrom(`a=${i}; wm.sid=${signed}`, SECRET)).toBe("again");
      expect(sessionIdFrom(`wm.sid=${signed}`, other)).toBeUndefined();
      expect(sessionIdFrom(`wm.sid=${signed.replace("again", "agaim")}`, SECRET)).toBeUndefined();
    }
  });
});

describe("stored session data", () => {
  it("when the JSON names a user and a role, then that is the session user; anything else is no user", () => {
    expect(sessionUserOf(JSON.stringify({ cookie: {}, userId: "u", role: "mentor" }))).toEqual({
      id: "u",
      role: "mentor",
    });
    expect(sessionUserOf(JSON.stringify({ cookie: {} }))).toBeUndefined();
    expect(sessionUserOf(JSON.stringify({ userId: "u", role: "admin" }))).toBeUndefined();
    expect(sessionUserOf("not json")).toBeUndefined();
  });
});
