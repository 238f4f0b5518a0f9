/** The db module's public surface: other modules import from here, never from its files. */
export { DataDirLockedError } from "./data-dir-lock.ts";
export { MIGRATIONS_DIR, openDatabase } from "./database.ts";
export type { Database, Prisma, Tx } from "./database.ts";
export { isDatabaseUnavailable, isUniqueViolation } from "./errors.ts";
export { MigrationError, isMigrated, migrate, readMigrations } from "./migrate.ts";
export type { Migration } from "./migrate.ts";
export { col, execute, join, numbered, queryRow, queryRows, sql } from "./rows.ts";
export type { Sql } from "./rows.ts";
export type { Prepared, SqlRunner, SqlStatements } from "./sql-runner.ts";
