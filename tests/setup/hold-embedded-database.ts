// A child process for the single-writer test: opens the embedded database in WATERMARK_DATA_DIR the way every
// entry point does, says "ready", and holds it until SIGTERM (clean close) or SIGKILL (a crash).
import { loadConfig } from "../../server/src/config.ts";
import { openDatabase } from "../../server/src/db/database.ts";

const config = loadConfig();
const db = await openDatabase({ dataDir: config.dataDir });
process.stdout.write("ready\n");
process.on("SIGTERM", () => {
  db.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
setInterval(() => undefined, 60_000);
