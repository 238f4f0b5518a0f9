import type { Prisma } from "../db/index.ts";
import { prepareRubric, type Lexicon } from "../grading/index.ts";
import { activeVersionIds } from "./repo.ts";
import type { VersionBodies } from "./version-bodies.ts";

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Reads every active question's version into the app's VersionBodies and compiles its rubric once, in the background
 * after start-up. A rubric takes ~10 ms to compile and the result is kept, so otherwise the first answer to each
 * question after a restart waits for it. One rubric at a time with a yield between, so requests are served meanwhile.
 * Returns how many.
 */
export async function warmRubrics(
  deps: { prisma: Prisma; versionBodies: VersionBodies; lexicon: Lexicon },
  shouldStop: () => boolean = () => false,
): Promise<number> {
  const bodies = await deps.versionBodies.many(deps.prisma, await activeVersionIds(deps.prisma));
  let compiled = 0;
  for (const body of bodies.values()) {
    if (shouldStop()) break;
    if (body.type !== "free-text") continue;
    await yieldToEventLoop();
    prepareRubric(body.resolvedRubric, deps.lexicon);
    compiled++;
  }
  return compiled;
}
