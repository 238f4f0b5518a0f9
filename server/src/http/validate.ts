import type { Request } from "express";
import type { z } from "zod";
import { AppError, type FieldIssue } from "./app-error.ts";
import { findUnsafeText } from "./unsafe-text.ts";

function issues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join(".") || "(body)", message: i.message }));
}

/** Every route's body, query and path go through here, so this one check covers every text field of the API. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown, where: string): z.infer<S> {
  const unsafe = findUnsafeText(value);
  if (unsafe !== undefined) {
    throw new AppError("validation_failed", `The request ${where} is not valid`, [
      { path: unsafe || `(${where})`, message: "must not contain NUL characters or unpaired UTF-16 surrogates" },
    ]);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new AppError("validation_failed", `The request ${where} is not valid`, issues(parsed.error));
  return parsed.data;
}

export const parseBody = <S extends z.ZodType>(schema: S, req: Request): z.infer<S> =>
  parseWith(schema, req.body ?? {}, "body");
export const parseQuery = <S extends z.ZodType>(schema: S, req: Request): z.infer<S> =>
  parseWith(schema, req.query, "query");
export const parseParams = <S extends z.ZodType>(schema: S, req: Request): z.infer<S> =>
  parseWith(schema, req.params, "path");
