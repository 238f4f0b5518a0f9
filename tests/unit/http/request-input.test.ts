import { describe, expect, it } from "vitest";
import { clientAddressKey } from "../../../server/src/http/client-address.ts";
import { findUnsafeText, isUnsafeText } from "../../../server/src/http/unsafe-text.ts";

describe("unsafe text", () => {
  it.each([
    ["NUL", "a\u0000b"],
    ["a lone high surrogate", "\ud800"],
    ["a lone low surrogate", "x\udc00"],
    ["a high surrogate at the end", "ok\ud83d"],
    ["surrogates in the wrong order", "\ude00\ud83d"],
  ])("when text holds %s, then it is unsafe", (_, text) => {
    expect(isUnsafeText(text)).toBe(true);
  });

  it.each([
    ["plain text", "Flink, because 100 ms"],
    ["an emoji (a proper surrogate pair)", "watermarks 🌊 late data"],
    ["other control characters", "tab\there\r\n"],
    ["full-width and accented letters", "Ａda Lovelace, naïve"],
  ])("when text holds %s, then it is safe", (_, text) => {
    expect(isUnsafeText(text)).toBe(false);
  });

  it("when unsafe text is nested in arrays, objects or keys, then its path is reported", () => {
    expect(findUnsafeText({ answer: ["ok", "b\u0000d"] })).toBe("answer.1");
    expect(findUnsafeText({ a: { [`k\ud800`]: 1 } })).toBe(`a.k\ud800`);
    expect(findUnsafeText("\u0000")).toBe("");
    expect(findUnsafeText({ n: 1, b: true, z: null, s: "fine", list: [[["deep"]]] })).toBeUndefined();
  });

  it("when a body is nested thousands of levels deep, then the walk finishes without overflowing the stack", () => {
    let deep: unknown = "bottom\u0000";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findUnsafeText(deep)).toBe(Array(100_000).fill("0").join("."));
  });
});

describe("client address keys", () => {
  it.each([
    ["203.0.113.7", "203.0.113.7"],
    ["::ffff:203.0.113.7", "203.0.113.7"],
    ["2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"],
    ["2001:db8:1:2::9", "2001:db8:1:2::/64"],
    ["2001:0db8:0001:0002:ffff::", "2001:db8:1:2::/64"],
    ["2001:db8::1", "2001:db8:0:0::/64"],
    ["::1", "0:0:0:0::/64"],
    ["fe80::1%eth0", "fe80:0:0:0::/64"],
    ["64:ff9b::192.0.2.33", "64:ff9b:0:0::/64"],
    [undefined, "unknown"],
  ])("when the client address is %s, then attempts count under %s", (ip, key) => {
    expect(clientAddressKey(ip)).toBe(key);
  });
});
