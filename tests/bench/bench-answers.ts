/** Answers the load sends: well-formed for each question type, and different from one request to the next. */
import type { BenchQuestion } from "./seed-candidates.ts";

const FREE_TEXT = [
  "I would use Spark batch here: the data is bounded, a few hours of latency are fine, and batch is simpler, cheaper " +
    "and easier to debug than running a streaming cluster around the clock. Partition by day, write Parquet, and " +
    "rerun a failed day from the raw files since the job is idempotent.",
  "Flink, because the 100 ms budget needs event-at-a-time processing; Spark's micro-batches add their trigger " +
    "interval to every event. Keyed state per card holds the recent transactions, event-time windows with a " +
    "watermark handle late events, and checkpoints to S3 give exactly-once state after a failure.",
  "Kafka Streams fits because the team already runs Kafka and the logic is per-key enrichment: it is a library, so " +
    "it deploys with the service, scales with the partitions, and its changelog topics restore the state stores. " +
    "I would not bring in a separate cluster for this.",
  "A hybrid: stream the events into a Kafka topic for the live dashboard with Structured Streaming, and run a nightly " +
    "batch job over the same raw data to recompute the exact aggregates, so late and corrected events are fixed " +
    "by the batch layer while users still see fresh numbers during the day.",
];

/** An autosave of a half-written answer, marked so every save to a slot has its own value. */
export const DRAFT_TEXT = FREE_TEXT[0]!;

/** The `n`th draft sent to question `q`: free text carries `marker`, choices cycle so consecutive drafts differ. */
export function draftFor(q: BenchQuestion, n: number, marker: string): string | string[] {
  if (q.type === "free-text") return `${DRAFT_TEXT} [${marker}]`;
  const id = q.choices![n % q.choices!.length]!.id;
  return q.type === "single-choice" ? id : [id];
}

/** The `n`th practice answer to `q`. */
export function practiceAnswerFor(q: BenchQuestion, n: number): string | string[] {
  if (q.type === "free-text") return FREE_TEXT[n % FREE_TEXT.length]!;
  const id = q.choices![n % q.choices!.length]!.id;
  return q.type === "single-choice" ? id : [id];
}
