/**
 * Load with autocannon where each connection draws its requests from a generator of its own: a connection is one
 * client sending one request at a time, so per-connection state (whose cookie, which draft slot) stays in order.
 */
import autocannon from "autocannon";
import { cpuSecondsBetween, cpuSnapshot, machineCpuSeconds, ownCpuSeconds } from "./cpu-usage.ts";
import { percentile } from "./stats.ts";

export interface LoadRequest {
  method: "GET" | "PUT" | "POST";
  path: string;
  cookie?: string;
  /** Sent as JSON. */
  body?: unknown;
}

/** One connection's requests, in order; `answered` hears each response before the next request is drawn. */
export interface Connection {
  next(): LoadRequest;
  answered?(status: number, body: string): void;
}

export interface LoadFigures {
  seconds: number;
  /** Requests written, answered or not: what the server was asked to do. */
  sent: number;
  completed: number;
  perSecond: number;
  /** 2xx latencies, ms. */
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /**
   * CPU used over the run as a share of one core: this process (the load), each named group of processes (undefined
   * where it cannot be read), and the whole machine.
   */
  cpu: { load: number; machine: number; groups: Record<string, number | undefined> };
}

export async function runLoad(opts: {
  port: number;
  connections: number;
  /** How long to run, or how many requests to send in all (at least one per connection). */
  length: { seconds: number } | { requests: number };
  connection: (index: number) => Connection;
  /** Processes whose CPU share to report (the server, the database's backends), by name. */
  processes?: Record<string, () => Promise<number[]>>;
}): Promise<LoadFigures> {
  const latencies: number[] = [];
  let opened = 0;
  const groups = Object.entries(opts.processes ?? {});
  const snapshots = async () => Promise.all(groups.map(async ([, pids]) => cpuSnapshot(await pids())));
  const groupsBefore = await snapshots();
  const cpuBefore = { load: ownCpuSeconds(), machine: machineCpuSeconds() };
  const started = performance.now();
  const result = await autocannon({
    url: `http://127.0.0.1:${opts.port}`,
    connections: opts.connections,
    ...("seconds" in opts.length
      ? { duration: opts.length.seconds }
      : { amount: Math.max(opts.length.requests, opts.connections) }),
    setupClient(client) {
      const conn = opts.connection(opened++);
      client.on("response", (status: number, _bytes: number, ms: number) => {
        if (status >= 200 && status < 300) latencies.push(ms);
      });
      client.setRequests([
        {
          setupRequest(request) {
            const next = conn.next();
            const json = next.body === undefined ? undefined : JSON.stringify(next.body);
            return {
              ...request,
              method: next.method,
              path: next.path,
              headers: {
                ...(next.cookie ? { cookie: next.cookie } : {}),
                ...(json === undefined ? {} : { "content-type": "application/json" }),
              },
              body: json,
            };
          },
          onResponse: (status: number, body: string) => conn.answered?.(status, body),
        },
      ]);
    },
  });
  const wall = (performance.now() - started) / 1000;
  const machine = machineCpuSeconds();
  const load = ownCpuSeconds();
  const groupsAfter = await snapshots();
  latencies.sort((a, b) => a - b);
  return {
    seconds: result.duration,
    sent: result.requests.sent,
    completed: result.requests.total,
    perSecond: result.requests.total / result.duration,
    p50: latencies.length ? percentile(latencies, 50) : NaN,
    p99: latencies.length ? percentile(latencies, 99) : NaN,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    cpu: {
      load: (load - cpuBefore.load) / wall,
      machine: (machine.busy - cpuBefore.machine.busy) / wall,
      groups: Object.fromEntries(
        groups.map(([name], i) => {
          const seconds = cpuSecondsBetween(groupsBefore[i]!, groupsAfter[i]!);
          return [name, seconds === undefined ? undefined : seconds / wall];
        }),
      ),
    },
  };
}
