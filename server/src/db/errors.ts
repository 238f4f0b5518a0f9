/** Prisma's error codes, the same on both databases (PGlite's are mapped in pglite-errors.ts). */
const hasCode = (error: unknown, code: string): boolean =>
  typeof error === "object" && error !== null && (error as { code?: unknown }).code === code;

export const isUniqueViolation = (error: unknown): boolean => hasCode(error, "P2002");
