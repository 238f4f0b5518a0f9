/** A server under test in a process of its own, so the load generator's CPU and the server's are told apart. */
import { spawn, type ChildProcess } from "node:child_process";

export interface ChildServer {
  process: ChildProcess;
  port: number;
  url: string;
  /** Sends a message over IPC and resolves with the child's next reply. */
  ask<T>(message: string): Promise<T>;
  stop(): Promise<void>;
}

/** Runs a TypeScript entry point with tsx on a port of its own, stdout and stderr shown, an IPC channel open. */
export function startChild(
  script: string,
  port: number,
  env: Record<string, string>,
  nodeFlags: string[] = [],
): ChildServer {
  const child = spawn(process.execPath, [...nodeFlags, "--import", "tsx", script], {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    process: child,
    port,
    url: `http://127.0.0.1:${port}`,
    ask: <T>(message: string) =>
      new Promise<T>((resolve, reject) => {
        child.once("message", (reply) => resolve(reply as T));
        if (!child.send(message)) reject(new Error(`${script} is not listening on IPC`));
      }),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const killLater = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(killLater);
    },
  };
}

/** Polls `url` until it answers with `status` (any status when omitted); fails when the child exits or time runs out. */
export async function waitUntilServing(
  server: ChildServer,
  path: string,
  status?: number,
  timeoutMs = 120_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.process.exitCode !== null)
      throw new Error(`the server on port ${server.port} exited (code ${server.process.exitCode}) before it was ready`);
    const answered = await fetch(server.url + path).then(
      (res) => status === undefined || res.status === status,
      () => false,
    );
    if (answered) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server on port ${server.port} was not ready within ${timeoutMs / 1000} s`);
}
