import { expect, it } from "vitest";
import { bank, describeEachDatabase, signedUpAgent, useTestApp } from "../setup/test-app.ts";

type Agent = Awaited<ReturnType<typeof signedUpAgent>>["agent"];

const NONE = [0, 0, 0];
const ZERO = { total: 0, matrix: [NONE, NONE, NONE], agreement: 0, kappa: 0, perQuestion: [], mostDisagreed: [] };

describeEachDatabase("grader agreement scope", (kind) => {
  const t = useTestApp(kind);

  const link = async (candidate: Agent, mentor: Agent) => {
    const invite = (await candidate.post("/api/links/invites").send({}).expect(201)).body;
    return (await mentor.post("/api/links").send({ code: invite.code }).expect(201)).body as { id: string };
  };
  const practise = async (agent: Agent, answer: string) =>
    (await agent.post("/api/questions/scenario-fraud-detection/check").send({ answer }).expect(200)).body as {
      answerId: string;
      verdict: string;
    };
  const agreement = async (mentor: Agent) => (await mentor.get("/api/review/agreement").expect(200)).body;

  it("when mentors ask for grader agreement, then each sees only their own rulings on candidates linked to them", async () => {
    const candidate = await signedUpAgent(t.app, "candidate");
    const ruler = await signedUpAgent(t.app, "mentor");
    const colleague = await signedUpAgent(t.app, "mentor");
    const loner = await signedUpAgent(t.app, "mentor");
    const rulerLink = await link(candidate.agent, ruler.agent);
    await link(candidate.agent, colleague.agent);
    const first = await practise(candidate.agent, "Flink, because 100 ms needs event-at-a-time processing");
    const second = await practise(candidate.agent, "Spark batch, nightly");

    await ruler.agent.post(`/api/answers/${first.answerId}/confirm`).send({}).expect(200);
    await ruler.agent
      .post(`/api/answers/${second.answerId}/override`)
      .send({ verdict: "partial", score: 0.5, reason: "Half right" })
      .expect(201);
    // The colleague disagrees on the first answer: that is their ruling, not the ruler's.
    await colleague.agent
      .post(`/api/answers/${first.answerId}/override`)
      .send({ verdict: first.verdict === "incorrect" ? "correct" : "incorrect", score: 0, reason: "Disagree" })
      .expect(201);

    const mine = await agreement(ruler.agent);
    expect(mine.total).toBe(2);
    const title = bank().questions.find((q) => q.slug === "scenario-fraud-detection")!.title;
    expect(mine.perQuestion).toEqual([
      expect.objectContaining({ question: "scenario-fraud-detection", title, rulings: 2 }),
    ]);
    expect(mine.perQuestion[0].disagreements).toBe(second.verdict === "partial" ? 0 : 1);
    const theirs = await agreement(colleague.agent);
    expect(theirs).toMatchObject({ total: 1, agreement: 0 });
    expect(await agreement(loner.agent)).toMatchObject(ZERO);

    await ruler.agent.delete(`/api/links/${rulerLink.id}`).expect(204);
    expect(await agreement(ruler.agent)).toMatchObject(ZERO);
    expect((await agreement(colleague.agent)).total).toBe(1);
  });
});
