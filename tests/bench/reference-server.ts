/**
 * The yardstick the hot-path bench divides by: the least a Node server can do per request against PostgreSQL. Plain
 * `node:http`, a pool of 16 and one `UPDATE … WHERE id = $1` per request, with the body read and stored so it moves
 * the same bytes an autosave does. `PUT /ref/<id>` answers 204; anything else 404.
 * Env: DATABASE_URL (a database with the bench_ref table), PORT.
 */
import { createServer } from "node:http";
import pg from "pg";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 16 });
pool.on("error", () => undefined);

const server = createServer((req, res) => {
  const id = /^\/ref\/(\d+)$/.exec(req.url ?? "")?.[1];
  if (req.method !== "PUT" || !id) {
    res.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    pool
      .query("UPDATE bench_ref SET n = n + 1, body = $2 WHERE id = $1", [Number(id), Buffer.concat(chunks).toString()])
      .then(
        () => res.writeHead(204).end(),
        (error: Error) => res.writeHead(500).end(error.message),
      );
  });
});
server.listen(Number(process.env.PORT));

process.on("SIGTERM", () => {
  server.closeAllConnections();
  server.close();
  void pool.end().then(() => process.exit(0));
});
