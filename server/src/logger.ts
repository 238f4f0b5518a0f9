import pino from "pino";
import pretty from "pino-pretty";
import type { LogFormat } from "./config.ts";

export type Logger = pino.Logger;

/** Unless LOG_FORMAT says otherwise: readable lines for a person at a terminal, JSON for whatever collects logs. */
export const defaultLogFormat = (stdoutIsTty: boolean = process.stdout.isTTY === true): LogFormat =>
  stdoutIsTty ? "pretty" : "json";

export interface LoggerOptions {
  /** Undefined: decided by whether stdout is a terminal (`defaultLogFormat`). */
  format?: LogFormat;
  /** Where lines go; stdout when left out. */
  destination?: NodeJS.WritableStream;
}

/**
 * The fields of the access log's "request" line (http/access-log.ts). On a terminal they make its message, so a
 * request is one line ("GET /api/questions 200 3.1 ms"), and are left out of the fields printed below it.
 */
const REQUEST_FIELDS = ["method", "path", "status", "ms"];

const terminalMessage = (log: Record<string, unknown>, messageKey: string): string =>
  log[messageKey] === "request" && REQUEST_FIELDS.every((field) => field in log)
    ? `${String(log.method)} ${String(log.path)} ${String(log.status)} ${String(log.ms)} ms`
    : String(log[messageKey] ?? "");

export function createLogger(level: string, { format = defaultLogFormat(), destination }: LoggerOptions = {}): Logger {
  const options = { level, redact: ["req.headers.cookie", 'res.headers["set-cookie"]'] };
  if (format === "pretty") {
    // Synchronous, so the lines before a crash or an exit reach the terminal; pid and host say nothing there.
    const lines = pretty({
      destination: destination ?? 1,
      sync: true,
      translateTime: "SYS:HH:MM:ss.l",
      ignore: ["pid", "hostname", ...REQUEST_FIELDS].join(","),
      messageFormat: terminalMessage,
    });
    return pino(options, lines);
  }
  return destination ? pino(options, destination) : pino(options);
}
