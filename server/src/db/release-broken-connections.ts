import type { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from "@prisma/driver-adapter-utils";
import type pg from "pg";

const ends = (query: SqlQuery) => query.sql === "COMMIT" || query.sql === "ROLLBACK";

/**
 * adapter-pg 6.19.3 hands a transaction's connection back to the pool in commit()/rollback(), which Prisma calls
 * only after its COMMIT or ROLLBACK statement succeeded. When the backend died mid-transaction that statement fails,
 * so the connection stayed checked out for ever: two killed backends and a pool of two never served again. Here a
 * connection whose COMMIT or ROLLBACK failed is destroyed instead (`release(error)`), whatever state it is in.
 */
function releasingTransaction(tx: Transaction): Transaction {
  // adapter-pg keeps the pool client in a protected field; the version is pinned and the fault test covers it.
  const client = (tx as unknown as { client: pg.PoolClient }).client;
  let destroyed = false;
  const run = async <T>(query: SqlQuery, execute: () => Promise<T>): Promise<T> => {
    try {
      return await execute();
    } catch (error) {
      if (ends(query) && !destroyed) {
        destroyed = true;
        client.release(error instanceof Error ? error : new Error(String(error)));
      }
      throw error;
    }
  };
  return {
    provider: tx.provider,
    adapterName: tx.adapterName,
    options: tx.options,
    queryRaw: (query) => run(query, () => tx.queryRaw(query)),
    executeRaw: (query) => run(query, () => tx.executeRaw(query)),
    commit: async () => (destroyed ? undefined : tx.commit()),
    rollback: async () => (destroyed ? undefined : tx.rollback()),
  };
}

function releasingAdapter(adapter: SqlDriverAdapter): SqlDriverAdapter {
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query) => adapter.queryRaw(query),
    executeRaw: (query) => adapter.executeRaw(query),
    executeScript: (script) => adapter.executeScript(script),
    getConnectionInfo: adapter.getConnectionInfo && (() => adapter.getConnectionInfo!()),
    dispose: () => adapter.dispose(),
    startTransaction: async (isolationLevel) => releasingTransaction(await adapter.startTransaction(isolationLevel)),
  };
}

/** PrismaPg whose transactions never leave a dead connection checked out. */
export function releaseBrokenConnections(factory: PrismaPg): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => releasingAdapter(await factory.connect()),
  };
}
