/**
 * Grading throughput on one core: realistic 40–80-word answers (calibration answers of that length plus
 * synthetic ones with typos, so memoised lookups keep missing as they would on real traffic). Then, for comparison,
 * the calibration answers alone in file order, moving between questions as a server's traffic does.
 * Usage: npm run bench:grading [-- --seconds 5]
 */
import { readdirSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { loadContent, type BankQuestion } from "../../server/src/content/load.ts";
import { gradeFreeText } from "../../server/src/grading/index.ts";
import type { Lexicon, ResolvedRubric } from "../../server/src/grading/types.ts";
import { percentile, prng } from "./stats.ts";

type FreeText = Extract<BankQuestion, { type: "free-text" }>;
interface Item {
  slug: string;
  rubric: ResolvedRubric;
  answer: string;
}

const TARGET_PER_SECOND = 20_000;
const MIN_WORDS = 40;
const MAX_WORDS = 80;
const SYNTHETIC_PER_QUESTION = 150;
const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

function calibrationItems(bySlug: Map<string, FreeText>): Item[] {
  const files = readdirSync("content/calibration")
    .filter((f) => f.endsWith(".jsonl"))
    .map((f) => `content/calibration/${f}`);
  return files.flatMap((file) =>
    readFileSync(file, "utf8")
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => JSON.parse(line) as { question: string; answer: string })
      .filter((x) => bySlug.has(x.question) && words(x.answer) >= MIN_WORDS && words(x.answer) <= MAX_WORDS)
      .map((x) => ({ slug: x.question, rubric: bySlug.get(x.question)!.resolvedRubric, answer: x.answer })),
  );
}

function typo(word: string, random: () => number): string {
  if (word.length < 5) return word;
  const i = 1 + Math.floor(random() * (word.length - 2));
  return word.slice(0, i) + word.charAt(i + 1) + word.charAt(i) + word.slice(i + 2);
}

/** Sentences of the question's model answer and explanation, shuffled, cut to 40–80 words, with typos. */
function syntheticItems(questions: FreeText[], random: () => number): Item[] {
  return questions.flatMap((q) => {
    const sentences = `${q.modelAnswer} ${q.explanation}`.split(/(?<=[.!?])\s+/);
    return Array.from({ length: SYNTHETIC_PER_QUESTION }, () => {
      const picked = [...sentences].sort(() => random() - 0.5);
      const out: string[] = [];
      for (const s of picked) if (words(out.join(" ")) < MIN_WORDS) out.push(s);
      const text = out.join(" ").split(/\s+/).slice(0, MAX_WORDS);
      const answer = text.map((w) => (random() < 0.08 ? typo(w, random) : w)).join(" ");
      return { slug: q.slug, rubric: q.resolvedRubric, answer };
    });
  });
}

/** As the app grades: the rubric, then the vote of the labelled answers to the question. */
const grade = (item: Item, lexicon: Lexicon) => gradeFreeText(item.rubric, lexicon, item.answer, { slug: item.slug });

interface Measured {
  n: number;
  elapsed: number;
  perCpuSecond: number;
  perWallSecond: number;
  /** Each grading's time in ms, sorted. */
  timings: number[];
}

function measure(items: Item[], lexicon: Lexicon, seconds: number): Measured {
  for (let i = 0; i < Math.min(items.length * 3, 20_000); i++) grade(items[i % items.length]!, lexicon);
  const timings: number[] = [];
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  let n = 0;
  while (performance.now() < deadline) {
    const item = items[n % items.length]!;
    const t0 = performance.now();
    grade(item, lexicon);
    timings.push(performance.now() - t0);
    n++;
  }
  const cpu = process.cpuUsage(cpuStart);
  const elapsed = (performance.now() - started) / 1000;
  // Wall time counts only grading, not the timer calls around it; CPU time leaves out moments the OS gave
  // the core to other processes, which is what "per second on one core" means on a shared machine.
  const perWallSecond = n / (timings.reduce((a, b) => a + b, 0) / 1000);
  const perCpuSecond = n / ((cpu.user + cpu.system) / 1e6);
  timings.sort((a, b) => a - b);
  return { n, elapsed, perCpuSecond, perWallSecond, timings };
}

const us = (ms: number) => `${(ms * 1000).toFixed(1)} µs`;
const rate = (x: number) => Math.round(x).toLocaleString("en-US");
const spread = (timings: number[]) =>
  `p50 ${us(percentile(timings, 50))}, p99 ${us(percentile(timings, 99))}, max ${us(timings.at(-1)!)}`;

function run(items: Item[], real: Item[], lexicon: Lexicon, seconds: number): void {
  const m = measure(items, lexicon, seconds);
  console.log(
    `answers: ${items.length} distinct, 40–80 words; graded ${m.n} times in ${m.elapsed.toFixed(1)} s on one core`,
  );
  console.log(
    `throughput: ${rate(m.perCpuSecond)} gradings per CPU second, ${rate(m.perWallSecond)} per wall-clock second`,
  );
  console.log(`target ${rate(TARGET_PER_SECOND)}/s: ${m.perCpuSecond >= TARGET_PER_SECOND ? "met" : "NOT met"}`);
  console.log(`one grading: ${spread(m.timings)}`);
  // The mix above is mostly synthetic answers taken question by question, whose tables stay in cache; people's
  // answers arriving from question to question, as on a server, cost more. Shown so the headline cannot hide it.
  const r = measure(real, lexicon, Math.max(1, seconds / 2));
  console.log(
    `real answers only, in file order (questions interleaved): ${rate(r.perCpuSecond)} gradings per CPU second; ` +
      spread(r.timings),
  );
}

const { values } = parseArgs({
  options: { seconds: { type: "string", default: "5" }, content: { type: "string", default: "content" } },
});
const bank = loadContent(values.content);
const questions = bank.questions.filter((q): q is FreeText => q.type === "free-text");
const bySlug = new Map(questions.map((q) => [q.slug, q]));
const calibration = calibrationItems(bySlug);
const synthetic = syntheticItems(questions, prng(42));
console.log(`calibration answers in range: ${calibration.length}; synthetic: ${synthetic.length}`);
run([...calibration, ...synthetic], calibration, bank.lexicon, Number(values.seconds));
