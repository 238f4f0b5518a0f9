/**
 * The rule engine against two cheap graders it could have been instead, on the labelled calibration files
 * (decision 009): (a) the engine as `npm run grade -- --calibrate` runs it, (b) a bag of keywords (the weighted
 * share of rubric concepts and of the expected option whose phrases occur in the answer), (c) TF-IDF cosine
 * similarity between the answer and the question's model answer, the lexical stand-in for embeddings (no
 * embedding model or hosted LLM can run on these machines). The baselines' two thresholds are fitted on
 * dev*.jsonl only and reported on the other files; the engine's rubrics were tuned on every file here but
 * test.jsonl, so its figures on the blind and external files are in-sample (docs/grading.md has its first-sight
 * figures). To show how much that advantage can be worth, each set also reports the best a baseline could reach
 * with thresholds fitted on that very set.
 * Usage: npm run bench:grader-alternatives [-- --seconds 2]
 */
import { readdirSync } from "node:fs";
import { parseArgs } from "node:util";
import { stemmer } from "stemmer";
import { z } from "zod";
import { calibrationLineSchema, readJsonLines } from "../../server/src/cli/grade/lines.ts";
import { loadContent, type BankQuestion } from "../../server/src/content/load.ts";
import { cell, cohensKappa, confusionMatrix, observedAgreement } from "../../server/src/grading/agreement.ts";
import { gradeFreeText } from "../../server/src/grading/index.ts";
import type { Lexicon, ResolvedRubric, Verdict } from "../../server/src/grading/types.ts";

type FreeText = Extract<BankQuestion, { type: "free-text" }>;
interface Item {
  set: string;
  question: FreeText;
  answer: string;
  label: Verdict;
  /** The blind batches say what sort of answer each is (plain, terse, partial, wrong-reason, gaming, long). */
  kind?: string;
}
/** A grader that gives a number, turned into a verdict by two thresholds fitted on labelled data. */
interface ScoreGrader {
  name: string;
  score: (item: Item) => number;
}
interface Thresholds {
  partial: number;
  correct: number;
}

const VERDICTS: readonly Verdict[] = ["correct", "partial", "incorrect"];
const FIT_SET = /^dev\d*$/;
const lineSchema = calibrationLineSchema.extend({ kind: z.string().optional() });
const GRID = Array.from({ length: 101 }, (_, i) => i / 100);

const words = (text: string): string[] =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((w) => stemmer(w));
/** Stems joined by single spaces and padded, so a phrase is present when " its stems " is a substring. */
const padded = (stems: string[]): string => ` ${stems.join(" ")} `;

function readItems(dir: string, bySlug: Map<string, FreeText>): { items: Item[]; skipped: number } {
  const items: Item[] = [];
  let skipped = 0;
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".jsonl"))
    .sort();
  for (const file of files) {
    for (const entry of readJsonLines(`${dir}/${file}`, lineSchema)) {
      const question = entry.ok ? bySlug.get(entry.value.question) : undefined;
      if (!entry.ok || !question || typeof entry.value.answer !== "string") {
        skipped++;
        continue;
      }
      const { answer, label, kind } = entry.value;
      items.push({ set: file.replace(/\.jsonl$/, ""), question, answer, label, kind });
    }
  }
  return { items, skipped };
}

/** (b): no negation, commitment or facts; what a keyword grader built from the same rubric would see. */
function bagOfKeywords(lexicon: Lexicon): ScoreGrader {
  const options = new Map(lexicon.options.map((o) => [o.id, o]));
  const compiled = new Map<ResolvedRubric, { weight: number; phrases: string[] }[]>();
  const compile = (rubric: ResolvedRubric) => {
    const items = rubric.concepts.map((c) => ({ weight: c.weight, phrases: c.phrases.map((p) => padded(words(p))) }));
    if (rubric.choice) {
      // Naming the expected option weighs as much as the rubric's heaviest point: most questions turn on it.
      const names = rubric.choice.expected.flatMap((id) => [
        options.get(id)?.label ?? id,
        ...(options.get(id)?.aliases ?? []),
      ]);
      items.push({
        weight: Math.max(1, ...rubric.concepts.map((c) => c.weight)),
        phrases: names.map((n) => padded(words(n))),
      });
    }
    compiled.set(rubric, items);
    return items;
  };
  return {
    name: "bag of keywords",
    score: ({ question, answer }) => {
      const items = compiled.get(question.resolvedRubric) ?? compile(question.resolvedRubric);
      const text = padded(words(answer));
      let found = 0;
      let total = 0;
      for (const item of items) {
        total += item.weight;
        if (item.phrases.some((p) => p.length > 2 && text.includes(p))) found += item.weight;
      }
      return total === 0 ? 0 : found / total;
    },
  };
}

type Vector = Map<string, number>;

/** (c): IDF from the bank's own text (prompts, model answers, explanations), never from calibration answers. */
function tfidfCosine(questions: BankQuestion[]): ScoreGrader {
  const documents = questions.map((q) =>
    words(`${q.prompt} ${q.type === "free-text" ? q.modelAnswer : ""} ${q.explanation}`),
  );
  const df = new Map<string, number>();
  for (const doc of documents) for (const w of new Set(doc)) df.set(w, (df.get(w) ?? 0) + 1);
  // Smoothed IDF (as scikit-learn's default): words the bank never uses still count, as rare words.
  const idf = (w: string) => Math.log((documents.length + 1) / ((df.get(w) ?? 0) + 1)) + 1;
  const vector = (stems: string[]): Vector => {
    const v: Vector = new Map();
    for (const w of stems) v.set(w, (v.get(w) ?? 0) + 1);
    let norm = 0;
    for (const [w, tf] of v) {
      const x = tf * idf(w);
      v.set(w, x);
      norm += x * x;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (const [w, x] of v) v.set(w, x / norm);
    return v;
  };
  // Model answers are embedded once, as an embedding grader would store them.
  const models = new Map(
    questions.flatMap((q) => (q.type === "free-text" ? [[q.slug, vector(words(q.modelAnswer))] as const] : [])),
  );
  return {
    name: "TF-IDF cosine",
    score: ({ question, answer }) => {
      const model = models.get(question.slug)!;
      let dot = 0;
      for (const [w, x] of vector(words(answer))) dot += x * (model.get(w) ?? 0);
      return dot;
    },
  };
}

const verdictOf = (score: number, t: Thresholds): Verdict =>
  score >= t.correct ? "correct" : score >= t.partial ? "partial" : "incorrect";

interface Figures {
  n: number;
  agreement: number;
  kappa: number;
  falsePasses: number;
}

function figures(pairs: (readonly [Verdict, Verdict])[]): Figures {
  const c = confusionMatrix(VERDICTS, pairs);
  return {
    n: c.total,
    agreement: observedAgreement(c),
    kappa: cohensKappa(c),
    falsePasses: cell(c, "incorrect", "correct"),
  };
}

/** The threshold pair with the highest agreement on `scored`; ties go to the higher kappa. */
function fit(scored: { score: number; label: Verdict }[]): Thresholds {
  let best = { t: { partial: 0, correct: 0 }, agreement: -1, kappa: -1 };
  for (const partial of GRID) {
    for (const correct of GRID) {
      if (correct < partial) continue;
      const t = { partial, correct };
      const f = figures(scored.map((s) => [s.label, verdictOf(s.score, t)] as const));
      if (f.agreement > best.agreement || (f.agreement === best.agreement && f.kappa > best.kappa))
        best = { t, agreement: f.agreement, kappa: f.kappa };
    }
  }
  return best.t;
}

/** Gradings per CPU second over the whole file set, after one warm-up pass (rubric compilation, JIT). */
function throughput(items: Item[], gradeOne: (item: Item) => unknown, seconds: number): number {
  for (const item of items) gradeOne(item);
  const start = process.cpuUsage();
  const deadline = performance.now() + seconds * 1000;
  let n = 0;
  while (performance.now() < deadline) {
    for (const item of items) gradeOne(item);
    n += items.length;
  }
  const cpu = process.cpuUsage(start);
  return n / ((cpu.user + cpu.system) / 1e6);
}

const { values } = parseArgs({
  options: { seconds: { type: "string", default: "2" }, content: { type: "string", default: "content" } },
});
const bank = loadContent(values.content);
const freeText = bank.questions.filter((q): q is FreeText => q.type === "free-text");
const { items, skipped } = readItems(`${values.content}/calibration`, new Map(freeText.map((q) => [q.slug, q])));
const sets = [...new Set(items.map((i) => i.set))];
const heldOut = sets.filter((s) => !FIT_SET.test(s));
const baselines = [bagOfKeywords(bank.lexicon), tfidfCosine(bank.questions)];

const engine = (item: Item) => gradeFreeText(item.question.resolvedRubric, bank.lexicon, item.answer);
const engineVerdicts = items.map((item) => engine(item).verdict);
const baselineRuns = baselines.map((b) => {
  const scores = items.map((item) => b.score(item));
  const fitted = fit(
    items.flatMap((item, i) => (FIT_SET.test(item.set) ? [{ score: scores[i]!, label: item.label }] : [])),
  );
  return { b, scores, fitted, verdicts: scores.map((s) => verdictOf(s, fitted)) };
});

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const show = (f: Figures) => `${pct(f.agreement)} / ${f.kappa.toFixed(3)} / ${f.falsePasses}`;
const pairsFor = (select: (item: Item) => boolean, verdicts: Verdict[]) =>
  items.flatMap((item, i) => (select(item) ? [[item.label, verdicts[i]!] as const] : []));

/** A ceiling needs a mix of labels to mean anything; one kind of answer mostly carries one label, so it gets none. */
function row(label: string, select: (item: Item) => boolean, withCeiling = true): string {
  const n = items.filter(select).length;
  const cells = [show(figures(pairsFor(select, engineVerdicts)))];
  for (const run of baselineRuns) {
    const own = items.flatMap((item, i) => (select(item) ? [{ score: run.scores[i]!, label: item.label }] : []));
    const ceiling = withCeiling ? fit(own) : undefined;
    const ceilingAgreement =
      ceiling && figures(own.map((s) => [s.label, verdictOf(s.score, ceiling)] as const)).agreement;
    cells.push(
      show(figures(pairsFor(select, run.verdicts))),
      ceilingAgreement === undefined ? "–" : pct(ceilingAgreement),
    );
  }
  return `| ${label} | ${n} | ${cells.join(" | ")} |`;
}

console.log(
  `${items.length} labelled answers to ${freeText.length} free-text questions in ${sets.length} files${skipped ? ` (${skipped} lines skipped)` : ""}`,
);
for (const run of baselineRuns)
  console.log(
    `${run.b.name}: thresholds fitted on dev*.jsonl: partial >= ${run.fitted.partial}, correct >= ${run.fitted.correct}`,
  );
console.log(
  "\ncells: agreement / Cohen's kappa / incorrect graded correct; 'ceiling' = agreement with thresholds fitted on that set itself",
);
console.log(
  `| set | answers | (a) engine | ${baselines.map((b) => `(${b === baselines[0] ? "b" : "c"}) ${b.name} | ceiling`).join(" | ")} |`,
);
console.log(`|---|---|---|${baselines.map(() => "---|---|").join("")}`);
for (const set of sets) console.log(row(FIT_SET.test(set) ? `${set} (fit)` : set, (i) => i.set === set));
console.log(row("dev* pooled (fit)", (i) => FIT_SET.test(i.set)));
console.log(row("blind-* pooled", (i) => i.set.startsWith("blind-")));
console.log(row("held out pooled (all but dev*)", (i) => heldOut.includes(i.set)));
for (const kind of [...new Set(items.flatMap((i) => (i.kind && heldOut.includes(i.set) ? [i.kind] : [])))].sort()) {
  console.log(row(`held out, kind ${kind}`, (i) => i.kind === kind && heldOut.includes(i.set), false));
}

const seconds = Number(values.seconds);
console.log(`\ngradings per CPU second over all ${items.length} answers (${seconds} s each, one core):`);
console.log(`  (a) engine: ${Math.round(throughput(items, engine, seconds)).toLocaleString("en-US")}`);
for (const run of baselineRuns) {
  const rate = throughput(items, (item) => verdictOf(run.b.score(item), run.fitted), seconds);
  console.log(`  (${run === baselineRuns[0] ? "b" : "c"}) ${run.b.name}: ${Math.round(rate).toLocaleString("en-US")}`);
}
