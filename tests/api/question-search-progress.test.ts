import supertest from "supertest";
import { expect, it } from "vitest";
import type { BankQuestion } from "../../server/src/content/load.ts";
import { bank, describeEachDatabase, signedUpAgent, useTestApp } from "../setup/test-app.ts";

type Listed = { slug: string; progress?: string };
const visible = () => bank().questions.filter((q) => !q.followUpOf);
const singleChoice = () => bank().questions.flatMap((q) => (q.type === "single-choice" && !q.followUpOf ? [q] : []));
const rightChoice = (q: BankQuestion) => (q.type === "single-choice" ? q.choices.find((c) => c.correct)!.id : "");
const wrongChoice = (q: BankQuestion) => (q.type === "single-choice" ? q.choices.find((c) => !c.correct)!.id : "");

describeEachDatabase("question search and progress API", (kind) => {
  const t = useTestApp(kind);

  it("when searched, then only questions whose title or prompt holds every word come back, in any case", async () => {
    const res = await supertest(t.app).get("/api/questions?q=%20dimensions%20FRAMEWORK%20&pageSize=100").expect(200);
    const expected = visible().filter((q) =>
      ["dimensions", "framework"].every((w) => `${q.title ?? ""} ${q.prompt}`.toLowerCase().includes(w)),
    );
    expect(res.body.items.map((q: Listed) => q.slug).sort()).toEqual(expected.map((q) => q.slug).sort());
    // "framework" appears only in this question's title, not its prompt.
    expect(res.body.items.map((q: Listed) => q.slug)).toContain("compare-choosing-dimensions");

    const combined = await supertest(t.app).get("/api/questions?q=dimensions&section=flink").expect(200);
    expect(combined.body.items.every((q: { section: string }) => q.section === "flink")).toBe(true);
  });

  it("when nothing matches the search, then the page is empty; a wildcard is only a character", async () => {
    const none = await supertest(t.app).get("/api/questions?q=zzqx-nothing").expect(200);
    expect(none.body).toMatchObject({ items: [], total: 0 });
    const percent = await supertest(t.app)
      .get(`/api/questions?q=${encodeURIComponent("%_")}`)
      .expect(200);
    expect(percent.body.total).toBe(visible().filter((q) => `${q.title ?? ""} ${q.prompt}`.includes("%_")).length);
  });

  it("when the search is longer than 100 characters, then 400 names the field", async () => {
    const res = await supertest(t.app)
      .get(`/api/questions?q=${"a".repeat(101)}`)
      .expect(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual(["q"]);
  });

  it("when signed out, then no question carries progress and the progress filter changes nothing", async () => {
    const all = await supertest(t.app).get("/api/questions?pageSize=100").expect(200);
    expect(all.body.items.some((q: Listed) => "progress" in q)).toBe(false);
    const solved = await supertest(t.app).get("/api/questions?progress=solved").expect(200);
    expect(solved.body.total).toBe(all.body.total);
    await supertest(t.app).get("/api/questions?progress=done").expect(400);
  });

  it("when a candidate has answered, then their questions read solved or attempted, and another candidate's answers don't count", async () => {
    const [solvedQ, attemptedQ, othersQ] = singleChoice();
    const me = await signedUpAgent(t.app);
    const other = await signedUpAgent(t.app);
    await me.agent
      .post(`/api/questions/${solvedQ!.slug}/check`)
      .send({ answer: wrongChoice(solvedQ!) })
      .expect(200);
    await me.agent
      .post(`/api/questions/${solvedQ!.slug}/check`)
      .send({ answer: rightChoice(solvedQ!) })
      .expect(200);
    await me.agent
      .post(`/api/questions/${attemptedQ!.slug}/check`)
      .send({ answer: wrongChoice(attemptedQ!) })
      .expect(200);
    await other.agent
      .post(`/api/questions/${othersQ!.slug}/check`)
      .send({ answer: rightChoice(othersQ!) })
      .expect(200);

    const sections = [...new Set([solvedQ!.section, attemptedQ!.section, othersQ!.section])].join(",");
    const list = await me.agent.get(`/api/questions?section=${sections}&pageSize=100`).expect(200);
    const marked = Object.fromEntries(
      list.body.items.filter((q: Listed) => q.progress).map((q: Listed) => [q.slug, q.progress]),
    );
    expect(marked).toEqual({ [solvedQ!.slug]: "solved", [attemptedQ!.slug]: "attempted" });

    const solved = await me.agent.get("/api/questions?progress=solved").expect(200);
    expect(solved.body.items.map((q: Listed) => q.slug)).toEqual([solvedQ!.slug]);
    const unsolved = await me.agent
      .get(`/api/questions?section=${sections}&progress=unsolved&pageSize=100`)
      .expect(200);
    const unsolvedSlugs = unsolved.body.items.map((q: Listed) => q.slug);
    expect(unsolvedSlugs).not.toContain(solvedQ!.slug);
    expect(unsolvedSlugs).toContain(attemptedQ!.slug);
    expect(unsolvedSlugs).toContain(othersQ!.slug);
    expect(unsolved.body.total).toBe(list.body.total - 1);

    const searchedSolved = await me.agent.get("/api/questions?progress=solved&q=zzqx-nothing").expect(200);
    expect(searchedSolved.body.total).toBe(0);
  });

  it("when a round answer was correct, or a mentor overrode a wrong one to correct, then the question reads solved", async () => {
    const [, , , fromRound, overridden] = singleChoice();
    const me = await signedUpAgent(t.app);
    const mentor = await signedUpAgent(t.app, "mentor");
    const question = (slug: string) =>
      t.db.prisma.question.findUniqueOrThrow({ where: { slug }, select: { id: true, currentVersionId: true } });
    const answer = async (slug: string, verdict: string) => {
      const q = await question(slug);
      return t.db.prisma.answer.create({
        data: {
          userId: me.user.id,
          questionId: q.id,
          questionVersionId: q.currentVersionId!,
          source: "round",
          response: "a",
          grade: {},
          verdict,
          score: verdict === "correct" ? 1 : 0,
        },
      });
    };
    await answer(fromRound!.slug, "correct");
    const wrong = await answer(overridden!.slug, "incorrect");
    await t.db.prisma.gradeOverride.create({
      data: {
        answerId: wrong.id,
        mentorId: mentor.user.id,
        fromVerdict: "incorrect",
        fromScore: 0,
        verdict: "correct",
        score: 1,
        reason: "Right call",
      },
    });

    const solved = await me.agent.get("/api/questions?progress=solved").expect(200);
    expect(solved.body.items.map((q: Listed) => [q.slug, q.progress]).sort()).toEqual(
      [
        [fromRound!.slug, "solved"],
        [overridden!.slug, "solved"],
      ].sort(),
    );
  });
});
