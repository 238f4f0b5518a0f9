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

export function createLogger(level: string, { format = defaultLogFormat(), destination }: LoggerOptions = {}): Logger {
  const options = { level, redact: ["req.headers.cookie", 'res.headers["set-cookie"]'] };
  if (format === "pretty") {
    // Synchronous, so the lines before a crash or an exit are on the terminal; pid and host say nothing there.
    const lines = pretty({ destination: destination ?? 1, sync: true, ignore: "pid,hostname", translateTime: "SYS:HH:MM:ss.l" });
    return pino(options, lines);
  }
  return destination ? pino(options, destination) : pino(options);
}
