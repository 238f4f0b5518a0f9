import type { Lexicon } from "../grading/index.ts";
import type { VersionBody } from "../questions/index.ts";
import { questionFixed, questionState, roundParts } from "./present.ts";
import type { LoadedRound } from "./repo.ts";

/** A version's fixed parts as JSON, by choice order and lock; a version's body object lives as long as its cache. */
const fixedParts = new WeakMap<VersionBody, Map<string, string>>();
/** Choice orders are drawn per round, so a version can have many; past this many its entries start over. */
const MAX_PER_VERSION = 1_000;

/** The JSON of `questionFixed` without its closing brace, serialized once per version, choice order and lock. */
function fixedJson(q: LoadedRound["questions"][number], locked: boolean): string {
  let byKey = fixedParts.get(q.body);
  if (!byKey) fixedParts.set(q.body, (byKey = new Map()));
  const key = `${locked ? "locked" : "open"} ${q.choiceOrder === null ? "file order" : `[${q.choiceOrder.join(" ")}]`}`;
  let json = byKey.get(key);
  if (json === undefined) {
    if (byKey.size >= MAX_PER_VERSION) byKey.clear();
    json = JSON.stringify(questionFixed(q, locked)).slice(0, -1);
    byKey.set(key, json);
  }
  return json;
}

/**
 * `JSON.stringify(presentRound(...))`, for the round read a candidate's page repeats: a question's text and choices
 * never change for its version, so their JSON is made once and only what changes as the round goes on is serialized
 * per read. The pieces are whole JSON objects cut at a brace, in presentRound's key order.
 */
export function roundJson(
  round: LoadedRound,
  now: Date,
  graceSeconds: number,
  lexicon: Pick<Lexicon, "options">,
): string {
  const { head, chains, results } = roundParts(round, now, graceSeconds, lexicon);
  const questions = round.questions.map((q, i) => {
    const chain = chains[i]!;
    return `${fixedJson(q, chain.locked)},${JSON.stringify(questionState(q, chain)).slice(1)}`;
  });
  const tail = results ? `,"results":${JSON.stringify(results)}` : "";
  return `${JSON.stringify(head).slice(0, -1)},"questions":[${questions.join(",")}]${tail}}`;
}
