import { ConfigError, loadConfig } from "../config.ts";
import { DataDirLockedError, MigrationError } from "../db/index.ts";
import { startServer } from "../main.ts";
import { ContentError, formatIssue } from "../content/index.ts";

/** Shared by `npm start` and `npm run dev`: one clear line on bad configuration, graceful shutdown on signals. */
export async function runServer(mode: "production" | "dev"): Promise<void> {
  try {
    const running = await startServer(loadConfig(), mode);
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      running.server.closeAllConnections?.();
      running.stop().then(
        () => process.exit(0),
        (err) => {
          console.error(`Error while stopping after ${signal}:`, err);
          process.exit(1);
        },
      );
    };
    process.on("SIGINT", () => stop("SIGINT"));
    process.on("SIGTERM", () => stop("SIGTERM"));
  } catch (error) {
    if (error instanceof ContentError) {
      console.error(`The question bank has ${error.issues.length} problem(s); run npm run content:check`);
      for (const issue of error.issues) console.error(formatIssue(issue));
    } else if (error instanceof ConfigError || error instanceof MigrationError || error instanceof DataDirLockedError) {
      console.error(error.message);
    } else if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") {
      console.error(
        `Port already in use: ${(error as NodeJS.ErrnoException & { port?: number }).port ?? ""} (set PORT)`,
      );
    } else {
      console.error("Watermark could not start:", error);
    }
    process.exit(1);
  }
}
