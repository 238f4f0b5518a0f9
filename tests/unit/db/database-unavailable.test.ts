import { DriverAdapterError } from "@prisma/driver-adapter-utils";
import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "../../../server/src/db/errors.ts";
import { Prisma } from "../../../server/src/generated/prisma/client.ts";

const clientVersion = "6.19.3";
const pgError = (code: string, message: string) =>
  Object.assign(new Error(message), { code, severity: "FATAL", detail: undefined });
const socketError = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, errno: -111 });
const killed = () =>
  new DriverAdapterError({
    kind: "postgres",
    code: "57P01",
    severity: "FATAL",
    message: "terminating connection due to administrator command",
    originalCode: "57P01",
  } as never);
const known = (code: string, meta?: Record<string, unknown>) =>
  new Prisma.PrismaClientKnownRequestError("Invalid invocation", { code, clientVersion, meta });

// The shapes below are the ones measured against pg 8.23 and Prisma 6.19.3 (see server/src/db/errors.ts).
describe("isDatabaseUnavailable", () => {
  it.each([
    [
      "a connection killed while idle in a transaction",
      new Error("Client has encountered a connection error and is not queryable"),
    ],
    ["a connection lost mid-query", new Error("Connection terminated unexpectedly")],
    ["a pool with no free connection in time", new Error("timeout exceeded when trying to connect")],
    ["a refused connection", socketError("ECONNREFUSED")],
    ["a reset connection", socketError("ECONNRESET")],
    ["PostgreSQL terminating the backend", pgError("57P01", "terminating connection due to administrator command")],
    ["PostgreSQL starting up", pgError("57P03", "the database system is starting up")],
    ["a statement timeout", pgError("57014", "canceling statement due to statement timeout")],
    ["a dropped database", pgError("3D000", 'database "x" does not exist')],
    ["too many connections", pgError("53300", "sorry, too many clients already")],
    ["a database closed to connections", pgError("55000", 'database "x" is not currently accepting connections')],
    ["a connection exception", pgError("08006", "connection failure")],
    ["adapter-pg's wrapping of a killed backend", killed()],
    ["adapter-pg's unreachable server", new DriverAdapterError({ kind: "DatabaseNotReachable", host: "h", port: 1 })],
    ["Prisma's P1001", known("P1001")],
    ["Prisma's P2024 pool timeout", known("P2024")],
    ["Prisma's P2028 transaction that could not start in time", known("P2028")],
    ["Prisma's raw query error carrying a killed backend", known("P2010", { driverAdapterError: killed() })],
    ["an error caused by a lost connection", new Error("failed", { cause: new Error("Connection terminated") })],
  ])("when the error is %s, then the database is unavailable", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["a unique violation", known("P2002")],
    ["a missing record", known("P2025")],
    ["a syntax error", pgError("42601", "syntax error")],
    ["a serialization failure", pgError("40001", "could not serialize access")],
    ["a plain bug", new TypeError("cannot read properties of undefined")],
    ["a thrown string", "Connection terminated"],
    ["nothing", undefined],
  ])("when the error is %s, then it is not an outage", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it("when an error's causes form a cycle, then the check still ends", () => {
    const a = new Error("a") as Error & { cause?: unknown };
    a.cause = new Error("b", { cause: a });
    expect(isDatabaseUnavailable(a)).toBe(false);
  });
});
