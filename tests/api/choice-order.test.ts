import supertest from "supertest";
import { describe, expect, it } from "vitest";
import type { BankQuestion } from "../../server/src/content/load.ts";
import { bank, describeEachDatabase, signedUpAgent, useTestApp } from "../setup/test-app.ts";

type Agent = Awaited<ReturnType<typeof signedUpAgent>>["agent"];
type ChoiceQuestion = Extract<BankQuestion, { type: "single-choice" | "multi-choice" }>;
type Shown = { slug: string; type: string; choices?: { id: string }[] };

const choiceQuestions = () => bank().questions.filter((q): q is ChoiceQuestion => q.type !== "free-text");
const bankQuestion = (slug: string) => choiceQuestions().find((q) => q.slug === slug)!;
const fileOrder = (slug: string) => bankQuestion(slug).choices.map((c) => c.id);
const idsOf = (choices: { id: string }[]) => choices.map((c) => c.id);
const correctIds = (slug: string) =>
  new Set(
    bankQuestion(slug)
      .choices.filter((c) => c.correct)
      .map((c) => c.id),
  );
/** True when every correct option is listed before every wrong one: how the bank itself lists them. */
const correctFirst = (slug: string, order: string[]) => {
  const right = correctIds(slug);
  return order.every((id, i) => i < right.size === right.has(id));
};

/** Binomial(n, p) bounds that a fair count falls outside with probability below 1e-6 in all. */
function chanceBounds(n: number, p: number): { low: number; high: number } {
  const pmf = [Math.pow(1 - p, n)];
  for (let k = 1; k <= n; k++) pmf.push((pmf[k - 1]! * (n - k + 1) * p) / (k * (1 - p)));
  let low = 0;
  for (let below = 0; below + pmf[low]! < 5e-7;) below += pmf[low++]!;
  let high = n;
  for (let above = 0; above + pmf[high]! < 5e-7;) above += pmf[high--]!;
  return { low, high };
}

/** Expects `order` to hold each of the question's choice ids exactly once. */
function expectPermutation(slug: string, order: string[]) {
  expect([...order].sort()).toEqual([...fileOrder(slug)].sort());
}

describeEachDatabase("choice order", (kind) => {
  const t = useTestApp(kind);

  const roundOf = async (agent: Agent, id: string) => (await agent.get(`/api/rounds/${id}`).expect(200)).body;
  const ordersOf = (questions: Shown[]) =>
    new Map(questions.filter((q) => q.choices).map((q) => [q.slug, idsOf(q.choices!)]));
  const storedOrders = async (roundId: string) => {
    const rows = await t.db.prisma.roundQuestion.findMany({
      where: { roundId },
      include: { question: { select: { slug: true } } },
    });
    return new Map(rows.map((row) => [row.question.slug, row.choiceOrder as string[] | null]));
  };
  const startChoiceRound = async (agent: Agent, types = ["single-choice", "multi-choice"]) => {
    const available = choiceQuestions().filter((q) => types.includes(q.type)).length;
    const body = { questionCount: Math.min(30, available), timeLimitSeconds: 1800, types };
    return (await agent.post("/api/rounds").send(body).expect(201)).body as { id: string; questions: Shown[] };
  };

  it("when a single-choice question is fetched 200 times, then its correct option leads about as often as chance", async () => {
    const q = choiceQuestions().find((x) => x.type === "single-choice" && x.choices.length >= 3)!;
    const right = [...correctIds(q.slug)][0]!;
    const n = 200;
    let leads = 0;
    for (let i = 0; i < n; i++) {
      const order = idsOf((await supertest(t.app).get(`/api/questions/${q.slug}`).expect(200)).body.choices);
      expectPermutation(q.slug, order);
      if (order[0] === right) leads++;
    }
    const { low, high } = chanceBounds(n, 1 / q.choices.length);
    expect(high).toBeLessThan(n / 2);
    expect(leads).toBeGreaterThanOrEqual(low);
    expect(leads).toBeLessThanOrEqual(high);
  });

  it("when a multi-choice question is fetched again and again, then its correct options are not always listed first", async () => {
    const q = choiceQuestions().find((x) => x.type === "multi-choice" && x.choices.length >= 4)!;
    let correctFirstCount = 0;
    for (let i = 0; i < 40; i++) {
      const order = idsOf((await supertest(t.app).get(`/api/questions/${q.slug}`).expect(200)).body.choices);
      expectPermutation(q.slug, order);
      if (correctFirst(q.slug, order)) correctFirstCount++;
    }
    expect(correctFirstCount).toBeLessThan(40);
  });

  it("when the bank is listed, then each listing shuffles the choices afresh", async () => {
    const seen = new Map<string, Set<string>>();
    for (let i = 0; i < 8; i++) {
      const page = (
        await supertest(t.app).get("/api/questions?type=single-choice,multi-choice&pageSize=100").expect(200)
      ).body;
      for (const q of page.items as Shown[]) {
        expectPermutation(q.slug, idsOf(q.choices!));
        seen.set(q.slug, (seen.get(q.slug) ?? new Set()).add(idsOf(q.choices!).join(",")));
      }
    }
    const reshuffled = [...seen.values()].filter((orders) => orders.size > 1).length;
    expect(reshuffled).toBeGreaterThan(seen.size / 2);
  });

  it("when a practice answer is checked, then it is graded by choice id whatever order was shown", async () => {
    const { agent } = await signedUpAgent(t.app);
    const q = choiceQuestions().find((x) => x.type === "single-choice")!;
    const shown = idsOf((await agent.get(`/api/questions/${q.slug}`).expect(200)).body.choices);
    const right = [...correctIds(q.slug)][0]!;
    const wrong = shown.find((id) => id !== right)!;
    expect((await agent.post(`/api/questions/${q.slug}/check`).send({ answer: right }).expect(200)).body.verdict).toBe(
      "correct",
    );
    expect((await agent.post(`/api/questions/${q.slug}/check`).send({ answer: wrong }).expect(200)).body.verdict).toBe(
      "incorrect",
    );
  });

  describe("a practice answer's shown order", () => {
    const opening = (type: ChoiceQuestion["type"]) =>
      choiceQuestions().find((x) => x.type === type && !x.followUpOf && x.choices.length >= 3)!;
    /** An order that is neither file order nor its reverse, so only a stored order can produce it. */
    const scrambled = (slug: string) => {
      const [a, b, ...rest] = fileOrder(slug);
      return [...rest, b!, a!];
    };
    const linkedMentor = async (agent: Agent) => {
      const mentor = await signedUpAgent(t.app, "mentor");
      const invite = (await agent.post("/api/links/invites").send({}).expect(201)).body;
      await mentor.agent.post("/api/links").send({ code: invite.code }).expect(201);
      return mentor.agent;
    };

    it("when a check carries the order shown, then the reveal, the owner's detail and the mentor's detail list the choices in it", async () => {
      const { agent } = await signedUpAgent(t.app);
      const mentor = await linkedMentor(agent);
      for (const type of ["single-choice", "multi-choice"] as const) {
        const q = opening(type);
        const shown = scrambled(q.slug);
        const answer = type === "single-choice" ? shown[0]! : [shown[0]!];

        const checked = (
          await agent.post(`/api/questions/${q.slug}/check`).send({ answer, choiceOrder: shown }).expect(200)
        ).body;

        expect(idsOf(checked.choices)).toEqual(shown);
        const stored = await t.db.prisma.answer.findUniqueOrThrow({ where: { id: checked.answerId } });
        expect(stored.choiceOrder).toEqual(shown);
        expect(idsOf((await agent.get(`/api/answers/${checked.answerId}`).expect(200)).body.reveal.choices)).toEqual(
          shown,
        );
        expect(idsOf((await mentor.get(`/api/answers/${checked.answerId}`).expect(200)).body.reveal.choices)).toEqual(
          shown,
        );
      }
    });

    it("when a check carries no order, then the answer stores none and its detail falls back to file order", async () => {
      const { agent } = await signedUpAgent(t.app);
      const q = opening("single-choice");

      const checked = (
        await agent
          .post(`/api/questions/${q.slug}/check`)
          .send({ answer: fileOrder(q.slug)[0] })
          .expect(200)
      ).body;

      expect((await t.db.prisma.answer.findUniqueOrThrow({ where: { id: checked.answerId } })).choiceOrder).toBeNull();
      expect(idsOf(checked.choices)).toEqual(fileOrder(q.slug));
      expect(idsOf((await agent.get(`/api/answers/${checked.answerId}`).expect(200)).body.reveal.choices)).toEqual(
        fileOrder(q.slug),
      );
    });

    it("when a check is resent under its idempotency key, then the replay answers with the first order and stores nothing", async () => {
      const { agent, user } = await signedUpAgent(t.app);
      const q = opening("single-choice");
      const shown = scrambled(q.slug);
      const request = { answer: shown[1]!, choiceOrder: shown, idempotencyKey: "shown-order-replay" };
      const first = (await agent.post(`/api/questions/${q.slug}/check`).send(request).expect(200)).body;

      const again = (await agent.post(`/api/questions/${q.slug}/check`).send(request).expect(200)).body;
      const reshuffled = (
        await agent
          .post(`/api/questions/${q.slug}/check`)
          .send({ ...request, choiceOrder: fileOrder(q.slug) })
          .expect(200)
      ).body;

      expect(again).toEqual(first);
      expect(reshuffled).toEqual(first);
      expect(idsOf(again.choices)).toEqual(shown);
      expect(await t.db.prisma.answer.count({ where: { userId: user.id } })).toBe(1);
    });

    it("when the order is not the question's choices each exactly once, then the check is a 400 naming choiceOrder and nothing is stored", async () => {
      const { agent, user } = await signedUpAgent(t.app);
      const q = opening("single-choice");
      const ids = fileOrder(q.slug);
      const freeText = bank().questions.find((x) => x.type === "free-text" && !x.followUpOf)!;
      const cases = [
        { slug: q.slug, answer: ids[0]!, choiceOrder: [...ids, ids[0]!], problem: /must not repeat/ },
        {
          slug: q.slug,
          answer: ids[0]!,
          choiceOrder: [...ids.slice(1), "no-such-choice"],
          problem: /unknown choice id.*no-such-choice/,
        },
        { slug: q.slug, answer: ids[0]!, choiceOrder: ids.slice(1), problem: new RegExp(`missing: ${ids[0]}`) },
        { slug: freeText.slug, answer: "An answer in words.", choiceOrder: ["a", "b"], problem: /free-text/ },
      ];

      for (const { slug, problem, ...body } of cases) {
        const res = await agent.post(`/api/questions/${slug}/check`).send(body).expect(400);

        expect(res.body.error.code).toBe("validation_failed");
        expect(res.body.error.message).toBe("The choice order does not fit the question");
        expect(res.body.error.details).toEqual([{ path: "choiceOrder", message: expect.stringMatching(problem) }]);
      }
      expect(await t.db.prisma.answer.count({ where: { userId: user.id } })).toBe(0);
    });

    it("when the order is not a list of ids, then the check is a 400 from the request schema", async () => {
      const { agent } = await signedUpAgent(t.app);
      const q = opening("single-choice");

      for (const choiceOrder of [[], "a,b,c", [1, 2, 3]]) {
        const res = await agent
          .post(`/api/questions/${q.slug}/check`)
          .send({ answer: fileOrder(q.slug)[0], choiceOrder })
          .expect(400);

        expect(res.body.error.code).toBe("validation_failed");
        expect(res.body.error.details.length).toBeGreaterThan(0);
        expect(res.body.error.details.every((d: { path: string }) => d.path.startsWith("choiceOrder"))).toBe(true);
      }
    });
  });

  it("when a round is read again and again, then every question keeps the order stored when the round was drawn", async () => {
    const { agent } = await signedUpAgent(t.app);
    const round = await startChoiceRound(agent);
    const orders = ordersOf(round.questions);
    for (const [slug, order] of orders) expectPermutation(slug, order);
    for (let i = 0; i < 3; i++) expect(ordersOf((await roundOf(agent, round.id)).questions)).toEqual(orders);

    // Every choice question stores its order, a follow-up still locked behind its parent included.
    const stored = await storedOrders(round.id);
    for (const [slug, order] of orders) expect(stored.get(slug)).toEqual(order);
    const isChoice = (slug: string) => choiceQuestions().some((q) => q.slug === slug);
    for (const [slug, order] of stored) {
      if (isChoice(slug)) expectPermutation(slug, order!);
      else expect(order).toBeNull();
    }

    const singles = [...orders].filter(([slug]) => bankQuestion(slug).type === "single-choice");
    const leading = singles.filter(([slug, order]) => correctIds(slug).has(order[0]!)).length;
    expect(leading).toBeLessThan(singles.length);
    // Each question has its own order: as positions in file order, they are not all one pattern.
    const patterns = new Set(
      [...orders].map(([slug, order]) => order.map((id) => fileOrder(slug).indexOf(id)).join(",")),
    );
    expect(patterns.size).toBeGreaterThan(1);
    await agent.post(`/api/rounds/${round.id}/finish`).expect(200);
  });

  it("when two rounds draw the same questions, then they do not share one order", async () => {
    const { agent } = await signedUpAgent(t.app);
    // The section with the most choice questions, drawn whole twice, so both rounds hold the same questions.
    const countIn = (section: string) => choiceQuestions().filter((q) => q.section === section).length;
    const section = [...new Set(choiceQuestions().map((q) => q.section))].sort((x, y) => countIn(y) - countIn(x))[0]!;
    const body = {
      questionCount: Math.min(30, countIn(section)),
      timeLimitSeconds: 1800,
      sections: [section],
      types: ["single-choice", "multi-choice"],
    };
    const first = (await agent.post("/api/rounds").send(body).expect(201)).body;
    await agent.post(`/api/rounds/${first.id}/finish`).expect(200);
    const second = (await agent.post("/api/rounds").send(body).expect(201)).body;
    await agent.post(`/api/rounds/${second.id}/finish`).expect(200);
    const a = ordersOf(first.questions);
    const b = ordersOf(second.questions);
    const both = [...a.keys()].filter((slug) => b.has(slug));
    expect(both.length).toBeGreaterThan(4);
    expect(both.filter((slug) => a.get(slug)!.join() !== b.get(slug)!.join()).length).toBeGreaterThan(0);
  });

  it("when a multi-choice round is drawn, then correct options do not always come before wrong ones", async () => {
    const { agent } = await signedUpAgent(t.app);
    const round = await startChoiceRound(agent, ["multi-choice"]);
    const orders = [...ordersOf(round.questions)];
    expect(orders.length).toBeGreaterThan(5);
    expect(orders.filter(([slug, order]) => correctFirst(slug, order)).length).toBeLessThan(orders.length);
    await agent.post(`/api/rounds/${round.id}/finish`).expect(200);
  });

  it("when a round is finished, then its results, the answer detail and the mentor's review show the order the candidate saw", async () => {
    const { agent } = await signedUpAgent(t.app);
    const mentor = await signedUpAgent(t.app, "mentor");
    const invite = (await agent.post("/api/links/invites").send({}).expect(201)).body;
    await mentor.agent.post("/api/links").send({ code: invite.code }).expect(201);
    const round = await startChoiceRound(agent);
    const orders = ordersOf(round.questions);
    const answered = round.questions.filter((q) => q.choices).slice(0, 3);
    for (const q of answered) {
      const pick = q.type === "single-choice" ? q.choices![1]!.id : [q.choices![0]!.id, q.choices![1]!.id];
      await agent
        .post(`/api/rounds/${round.id}/answers`)
        .send({ question: q.slug, answer: pick, idempotencyKey: `order-${q.slug}` })
        .expect(201);
    }

    const stored = await storedOrders(round.id);
    const finished = (await agent.post(`/api/rounds/${round.id}/finish`).expect(200)).body;
    const withChoices = (items: Shown[]) => items.filter((item) => item.choices);
    for (const item of withChoices(finished.results.items)) expect(idsOf(item.choices!)).toEqual(stored.get(item.slug));
    for (const [slug, order] of orders) expect(stored.get(slug)).toEqual(order);
    const reread = (await roundOf(agent, round.id)).results.items as Shown[];
    for (const item of withChoices(reread)) expect(idsOf(item.choices!)).toEqual(stored.get(item.slug));

    const history = (await agent.get("/api/answers?source=round&limit=50").expect(200)).body.items as {
      id: string;
      roundId: string;
      question: { slug: string };
    }[];
    const mine = history.filter((h) => h.roundId === round.id);
    expect(mine.map((h) => h.question.slug).sort()).toEqual(answered.map((q) => q.slug).sort());
    for (const h of mine) {
      const own = (await agent.get(`/api/answers/${h.id}`).expect(200)).body;
      expect(idsOf(own.reveal.choices)).toEqual(orders.get(h.question.slug));
      const reviewed = (await mentor.agent.get(`/api/answers/${h.id}`).expect(200)).body;
      expect(idsOf(reviewed.reveal.choices)).toEqual(orders.get(h.question.slug));
    }
  });

  it("when a round was drawn before orders were stored, then it reads, scores and reviews in file order", async () => {
    const { agent } = await signedUpAgent(t.app);
    const round = await startChoiceRound(agent);
    await t.db.prisma.$executeRaw`UPDATE "RoundQuestion" SET "choiceOrder" = NULL WHERE "roundId" = ${round.id}::uuid`;

    const open = ((await roundOf(agent, round.id)).questions as Shown[]).filter((q) => q.choices);
    for (const q of open) expect(idsOf(q.choices!)).toEqual(fileOrder(q.slug));
    const first = open[0]!;
    const pick = first.type === "single-choice" ? first.choices![0]!.id : [first.choices![0]!.id];
    await agent
      .post(`/api/rounds/${round.id}/answers`)
      .send({ question: first.slug, answer: pick, idempotencyKey: "legacy-order" })
      .expect(201);
    const finished = (await agent.post(`/api/rounds/${round.id}/finish`).expect(200)).body;
    for (const item of (finished.results.items as Shown[]).filter((i) => i.choices))
      expect(idsOf(item.choices!)).toEqual(fileOrder(item.slug));
    const history = (await agent.get("/api/answers?source=round").expect(200)).body.items as { id: string }[];
    const detail = (await agent.get(`/api/answers/${history[0]!.id}`).expect(200)).body;
    expect(idsOf(detail.reveal.choices)).toEqual(fileOrder(first.slug));
  });
});
