/**
 * Compiles the grader's WebAssembly (server/src/grading/similarity/accumulate.wat) into the module that embeds it.
 * Run after editing the .wat: npm run build:wasm. A unit test checks the embedded bytes are this compilation's.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import wabtInit from "wabt";

const FOLDER = new URL("../../server/src/grading/similarity/", import.meta.url);
const SOURCE = new URL("accumulate.wat", FOLDER);
const GENERATED = new URL("accumulate-wasm.ts", FOLDER);

/** The bytes of accumulate.wat, compiled. */
export async function compiledWat(): Promise<Uint8Array> {
  const wabt = await wabtInit();
  const parsed = wabt.parseWat("accumulate.wat", readFileSync(SOURCE, "utf8"));
  try {
    return parsed.toBinary({}).buffer;
  } finally {
    parsed.destroy();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const base64 = Buffer.from(await compiledWat()).toString("base64");
  writeFileSync(
    GENERATED,
    `// Generated from accumulate.wat by \`npm run build:wasm\`; do not edit.\nexport const ACCUMULATE_WASM =\n  "${base64}";\n`,
  );
  console.log(`wrote ${GENERATED.pathname}`);
}
