import { isUniqueViolation } from "../db/index.ts";
import { AppError } from "../http/index.ts";
import { listActive, buildFollowUpIndex, chainBelow, titleOf } from "../questions/index.ts";
import { closeRound, type RoundDeps } from "./close-round.ts";
import { deadlineFor } from "./deadline.ts";
import { drawWithChains } from "./draw.ts";
import { insertRoundWithQuestions, openRoundIdOf, overdueRoundIds } from "./repo.ts";

export interface NewRound {
  questionCount: number;
  timeLimitSeconds: number;
  sections?: string[];
  types?: ("single-choice" | "multi-choice" | "free-text")[];
  difficulty?: string[];
  /** Exactly these questions (slugs), in this order, instead of a random draw. */
  questions?: string[];
}

/** Starting a round while another is open: the error carries the open round's id, so the client can offer it. */
class RoundInProgressError extends AppError {
  constructor(readonly roundId: string) {
    super("round_in_progress", "You already have a round in progress; finish it (or let its time run out) first");
  }

  override toJSON() {
    const { error } = super.toJSON();
    return { error: { ...error, roundId: this.roundId } };
  }
}

/** Closes the user's rounds whose time (plus grace) ran out while nobody was looking. */
export async function closeOverdueRounds(deps: RoundDeps, userId: string): Promise<void> {
  const cutoff = new Date(deps.now().getTime() - deps.graceSeconds * 1000);
  for (const id of await overdueRoundIds(deps.prisma, cutoff, { userId })) await closeRound(deps, id, "expired");
}

/**
 * One open round per candidate. The partial unique index on open rounds is what decides between simultaneous
 * starts; the look-up first only spares the draw when the answer is already known.
 */
export async function createRound(deps: RoundDeps, userId: string, input: NewRound): Promise<string> {
  await closeOverdueRounds(deps, userId);
  for (let attempt = 1; ; attempt++) {
    const open = await openRoundIdOf(deps.prisma, userId);
    if (open) throw new RoundInProgressError(open);
    try {
      return await insertRound(deps, userId, input);
    } catch (error) {
      // Lost the race to a simultaneous start: the loop reports that round (or tries once more if it closed since).
      if (!isUniqueViolation(error) || attempt > 1) throw error;
    }
  }
}

/**
 * The questions a round can draw from: every matching question that follows up nothing, each with its chain of
 * follow-ups (which come along whatever the filters say: the interviewer asks them because of the parent).
 */
async function drawPool(deps: RoundDeps, input: NewRound) {
  const all = { skip: 0, take: 10_000 };
  const [{ items }, { items: active }] = await Promise.all([
    listActive(deps, { section: input.sections, type: input.types, difficulty: input.difficulty }, all),
    listActive(deps, {}, all),
  ]);
  // Every active question is already here with its body: who follows up whom needs no query of its own.
  const index = buildFollowUpIndex(active.map((q) => q.body));
  const bySlug = new Map(active.map((q) => [q.body.slug, q]));
  const parents = items.filter((q) => !index.parentOf.has(q.body.slug));
  // Follow-ups obey the round's filters too (no free-text follow-up in a choice-only round); one left out takes
  // its own follow-ups with it, since they would never unlock.
  const matching = new Set(items.map((q) => q.body.slug));
  const chainOf = (q: (typeof items)[number]) => {
    const kept = new Set([q.body.slug]);
    for (const slug of chainBelow(index, q.body.slug)) {
      if (matching.has(slug) && kept.has(index.parentOf.get(slug)!)) kept.add(slug);
    }
    kept.delete(q.body.slug);
    return [...kept].map((slug) => bySlug.get(slug)!);
  };
  return { parents, chainOf, size: parents.reduce((n, q) => n + 1 + chainOf(q).length, 0) };
}

async function drawRound(deps: RoundDeps, input: NewRound) {
  const pool = await drawPool(deps, input);
  if (pool.size < input.questionCount) {
    throw new AppError("validation_failed", "Not enough questions match these filters", [
      { path: "questionCount", message: `only ${pool.size} active question(s) match these filters` },
    ]);
  }
  return drawWithChains(pool.parents, pool.chainOf, input.questionCount);
}

/**
 * The listed questions, each checked against the bank: it must be active, and a follow-up listed with its parent
 * must come after it (otherwise it would stay locked behind a question the candidate has not reached).
 */
async function listedQuestions(deps: RoundDeps, slugs: readonly string[]) {
  const { items: active } = await listActive(deps, {}, { skip: 0, take: 10_000 });
  const bySlug = new Map(active.map((q) => [q.body.slug, q]));
  // A person may read these: they name questions by title, and an unknown slug has no title to give.
  const details = slugs.flatMap((slug, i) => {
    const question = bySlug.get(slug);
    if (!question) return [{ path: `questions.${i}`, message: "This question is no longer in the bank" }];
    const parent = question.body.followUpOf;
    if (parent && slugs.indexOf(parent) > i) {
      const above = bySlug.get(parent);
      const message = `“${titleOf(question.body)}” must come after the question it follows up${above ? `, “${titleOf(above.body)}”` : ""}`;
      return [{ path: `questions.${i}`, message }];
    }
    return [];
  });
  if (details.length) throw new AppError("validation_failed", "Some of those questions can't be asked", details);
  return slugs.map((slug) => bySlug.get(slug)!);
}

async function insertRound(deps: RoundDeps, userId: string, input: NewRound): Promise<string> {
  const picked = input.questions ? await listedQuestions(deps, input.questions) : await drawRound(deps, input);
  const startedAt = deps.now();
  return insertRoundWithQuestions(
    deps.prisma,
    {
      userId,
      timeLimitSeconds: input.timeLimitSeconds,
      filters: input.questions
        ? { questions: input.questions }
        : { sections: input.sections ?? null, types: input.types ?? null, difficulty: input.difficulty ?? null },
      startedAt,
      deadline: deadlineFor(startedAt, input.timeLimitSeconds),
    },
    picked,
  );
}
