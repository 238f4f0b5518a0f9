/**
 * `npm start` with every statement counted: Prisma's adapter, the session store, the limiter and the raw SQL all go
 * through `pg.Client#query` (BEGIN and COMMIT included), so patching it before the app loads sees them all. The
 * parent asks for the running total over IPC (send "statements"; the reply is `{ statements }`).
 */
import pg from "pg";

let statements = 0;
const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  statements++;
  return query.apply(this, args);
} as typeof pg.Client.prototype.query;

process.on("message", (message) => {
  if (message === "statements") process.send?.({ statements });
});

await import("../../server/src/cli/start.ts");
