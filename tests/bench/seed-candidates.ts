/** The users and questions the hot-path bench rotates over, created through the API as real clients would. */
import { randomUUID } from "node:crypto";

export interface BenchQuestion {
  slug: string;
  type: "free-text" | "single-choice" | "multi-choice";
  choices?: { id: string }[];
  followUpOf?: string;
  locked?: boolean;
}

export interface Candidate {
  cookie: string;
  round: { id: string; questions: BenchQuestion[] };
}

async function call(base: string, method: string, path: string, cookie?: string, body?: unknown) {
  const res = await fetch(base + path, {
    method,
    headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...(cookie ? { cookie } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
  return { json: text ? JSON.parse(text) : undefined, cookie: res.headers.get("set-cookie")?.split(";")[0] };
}

/** `count` candidates signed up, each with an open round of `questionCount` questions (a few at a time: argon2 is slow). */
export async function seedCandidates(base: string, count: number, questionCount: number): Promise<Candidate[]> {
  const candidates: Candidate[] = [];
  for (let start = 0; start < count; start += 8) {
    const batch = Array.from({ length: Math.min(8, count - start) }, async (_, k) => {
      const i = start + k;
      const { cookie } = await call(base, "POST", "/api/auth/signup", undefined, {
        email: `hot-${i}-${randomUUID()}@example.com`,
        password: "a long enough password",
        displayName: `Hot ${i}`,
        role: "candidate",
      });
      if (!cookie) throw new Error("sign-up set no session cookie");
      const round = await call(base, "POST", "/api/rounds", cookie, { questionCount, timeLimitSeconds: 3600 });
      return { cookie, round: round.json as Candidate["round"] };
    });
    candidates.push(...(await Promise.all(batch)));
  }
  return candidates;
}

/** Every active question a newcomer can practise (follow-ups stay hidden until their parent is answered). */
export async function practiceQuestions(base: string): Promise<BenchQuestion[]> {
  const all: BenchQuestion[] = [];
  for (let page = 1; ; page++) {
    const { json } = await call(base, "GET", `/api/questions?pageSize=100&page=${page}`);
    const { items, total } = json as { items: BenchQuestion[]; total: number };
    all.push(...items);
    if (!items.length || all.length >= total) break;
  }
  return all.filter((q) => !q.followUpOf);
}
