import { DriverAdapterError } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";

interface PgError {
  code?: string;
  detail?: string;
  column?: string;
  constraint?: string;
}

/** Mirrors adapter-pg's mapping so Prisma raises the same P2002/P2003/P2011 on PGlite as on PostgreSQL. */
function kindOf(error: PgError): Record<string, unknown> | undefined {
  const fields = error.detail
    ?.match(/Key \(([^)]+)\)/)
    ?.at(1)
    ?.split(", ");
  switch (error.code) {
    case "23505":
      return { kind: "UniqueConstraintViolation", constraint: fields ? { fields } : undefined };
    case "23502":
      return { kind: "NullConstraintViolation", constraint: fields ? { fields } : undefined };
    case "23503":
      return {
        kind: "ForeignKeyConstraintViolation",
        constraint: error.column
          ? { fields: [error.column] }
          : error.constraint
            ? { index: error.constraint }
            : undefined,
      };
    default:
      return undefined;
  }
}

let patched = false;

/**
 * pglite-prisma-adapter reports every database error as a bare "postgres" DriverAdapterError, which Prisma
 * does not translate (a unique violation never becomes P2002). Its query class is not exported, so the
 * mapping is installed on the prototype that every connection and transaction shares.
 */
export async function installPgliteErrorMapping(factory: PrismaPGlite): Promise<void> {
  if (patched) return;
  const adapter = await factory.connect();
  const queryable = Object.getPrototypeOf(Object.getPrototypeOf(adapter)) as { onError(e: unknown): never };
  const original = queryable.onError;
  queryable.onError = function onError(this: unknown, error: unknown): never {
    const mapped = kindOf(error as PgError);
    if (mapped) {
      const e = error as { code: string; message: string };
      throw new DriverAdapterError({ ...mapped, originalCode: e.code, originalMessage: e.message } as never);
    }
    return original.call(this, error);
  };
  patched = true;
}
