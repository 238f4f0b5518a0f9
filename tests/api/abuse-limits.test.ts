import supertest from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { RateLimiter } from "../../server/src/http/rate-limit.ts";
import { createTestApp, describeEachDatabase, uniqueEmail, type TestApp } from "../setup/test-app.ts";

const PASSWORD = "a long enough password";
const WRONG = "not the password at all";

// The PostgreSQL database is shared by every test file, and the other files all come from 127.0.0.1: these tests
// count against addresses of their own (the benchmarking range), told to the app through a trusted proxy header.
let lastAddress = 0;
const freshAddress = () => `198.18.${(++lastAddress >> 8) & 255}.${lastAddress & 255}`;

describeEachDatabase("abuse limits", (kind) => {
  describe("behind a trusted proxy (TRUST_PROXY=loopback)", () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(kind, {
        trustProxy: ["loopback"],
        limits: { loginPerAccountAddress: 3, loginPerAccount: 6, loginPerAddress: 8, signupPerHour: 2 },
      });
    });
    afterAll(() => t.close());

    const signUp = (address: string, email = uniqueEmail(), password = PASSWORD) =>
      supertest(t.app)
        .post("/api/auth/signup")
        .set("X-Forwarded-For", address)
        .send({ email, password, displayName: "Owner", role: "candidate" });
    const logIn = (address: string, email: string, password: string, agent = supertest.agent(t.app)) =>
      agent.post("/api/auth/login").set("X-Forwarded-For", address).send({ email, password });

    it("when a stranger exhausts the failed logins for an account, then only the stranger's address is refused and the owner logs in from elsewhere", async () => {
      const email = uniqueEmail("owner");
      await signUp(freshAddress(), email).expect(201);
      const stranger = freshAddress();

      for (let i = 0; i < 3; i++) await logIn(stranger, email, WRONG).expect(401);
      const refused = await logIn(stranger, email, WRONG).expect(429);
      const refusedRight = await logIn(stranger, email, PASSWORD).expect(429);

      expect(refused.body.error.code).toBe("rate_limited");
      expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
      expect(Number(refusedRight.headers["retry-after"])).toBeGreaterThan(0);
      const owner = supertest.agent(t.app);
      await logIn(freshAddress(), email, PASSWORD, owner).expect(200);
      expect((await owner.get("/api/me").expect(200)).body.user.email).toBe(email);
    });

    it("when failures for one account come from many addresses, then the per-account ceiling refuses them all", async () => {
      const email = uniqueEmail("target");
      await signUp(freshAddress(), email).expect(201);

      for (const address of [freshAddress(), freshAddress()]) {
        for (let i = 0; i < 3; i++) await logIn(address, email, WRONG).expect(401);
      }
      const refused = await logIn(freshAddress(), email, PASSWORD).expect(429);

      expect(refused.body.error.code).toBe("rate_limited");
      expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
    });

    it("when the owner logs in after mistyping, then those failures from that address are forgotten", async () => {
      const email = uniqueEmail("typist");
      const home = freshAddress();
      await signUp(home, email).expect(201);

      for (let i = 0; i < 2; i++) await logIn(home, email, WRONG).expect(401);
      await logIn(home, email, PASSWORD).expect(200);

      for (let i = 0; i < 3; i++) await logIn(home, email, WRONG).expect(401);
      await logIn(home, email, WRONG).expect(429);
    });

    it("when many people log in successfully from one address, then none of them is refused (a classroom behind one NAT)", async () => {
      const classroom = freshAddress();
      const emails: string[] = [];
      for (let i = 0; i < 2; i++) {
        const email = uniqueEmail("pupil");
        await signUp(classroom, email).expect(201);
        emails.push(email);
      }

      for (let round = 0; round < 5; round++) {
        for (const email of emails) await logIn(classroom, email, PASSWORD).expect(200);
      }
    });

    it("when one address signs up more than SIGNUP_LIMIT_PER_HOUR times, then it gets 429 with Retry-After and another address still can", async () => {
      const address = freshAddress();
      await signUp(address).expect(201);
      await signUp(address).expect(201);

      const refused = await signUp(address).expect(429);

      expect(refused.body.error.code).toBe("rate_limited");
      expect(Number(refused.headers["retry-after"])).toBeGreaterThan(3000);
      await signUp(freshAddress()).expect(201);
    });

    it("when sign-ups are refused by the schema, then they are not counted; weak-password attempts are", async () => {
      const address = freshAddress();
      for (let i = 0; i < 3; i++) await signUp(address, "not-an-email").expect(400);
      await signUp(address, uniqueEmail(), "aaaaaaaaaa").expect(400);
      await signUp(address).expect(201);

      const refused = await signUp(address).expect(429);

      expect(refused.body.error.code).toBe("rate_limited");
    });

    it("when IPv6 clients rotate addresses inside one /64, then they share one allowance", async () => {
      await signUp("2001:db8:77:1::a").expect(201);
      await signUp("2001:db8:77:1::b").expect(201);

      await signUp("2001:db8:77:1:ffff::c").expect(429);
      await signUp("2001:db8:77:2::a").expect(201);
    });

    it("when the limiter is pruned, then finished windows are deleted and running ones kept", async () => {
      const [done, running] = [`test:done:${freshAddress()}`, `test:running:${freshAddress()}`];
      await t.db.sql.run(
        `INSERT INTO "RateLimit" (key, points, "resetAt")
         VALUES ($1, 5, now() - interval '1 second'), ($2, 5, now() + interval '1 hour')`,
        [done, running],
      );

      await new RateLimiter(t.db.sql).prune();

      const rows = await t.db.sql.query(
        `SELECT key FROM "RateLimit" WHERE key IN ($1, $2)`,
        [done, running],
        z.object({ key: z.string() }),
      );
      expect(rows.map((r) => r.key)).toEqual([running]);
    });

    it("when secure cookies run behind the TLS proxy, then the session cookie is Secure and works", async () => {
      const secure = await createTestApp(kind, { trustProxy: ["loopback"], secureCookies: true });
      try {
        const res = await supertest(secure.app)
          .post("/api/auth/signup")
          .set("X-Forwarded-Proto", "https")
          .set("X-Forwarded-For", freshAddress())
          .send({ email: uniqueEmail(), password: PASSWORD, displayName: "Behind TLS", role: "candidate" })
          .expect(201);
        const cookie = String(res.headers["set-cookie"]);
        expect(cookie).toMatch(/wm\.sid=.*;.*Secure/i);

        await supertest(secure.app).get("/api/me").set("Cookie", cookie.split(";")[0]!).expect(200);
      } finally {
        await secure.close();
      }
    });
  });

  describe("reached directly with secure cookies and no TRUST_PROXY", () => {
    let t: TestApp;
    beforeAll(async () => {
      // Only the per-(account, address) limit is low: the address here is 127.0.0.1, which the other files share.
      t = await createTestApp(kind, { secureCookies: true, limits: { loginPerAccountAddress: 3 } });
    });
    afterAll(() => t.close());

    it("when a client rotates X-Forwarded-For, then it is ignored and the failed-login limit still applies", async () => {
      const email = uniqueEmail("direct");
      await supertest(t.app)
        .post("/api/auth/signup")
        .send({ email, password: PASSWORD, displayName: "Direct", role: "candidate" })
        .expect(201);

      for (let i = 0; i < 3; i++) {
        await supertest(t.app)
          .post("/api/auth/login")
          .set("X-Forwarded-For", freshAddress())
          .send({ email, password: WRONG })
          .expect(401);
      }
      const refused = await supertest(t.app)
        .post("/api/auth/login")
        .set("X-Forwarded-For", freshAddress())
        .send({ email, password: PASSWORD })
        .expect(429);

      expect(refused.body.error.code).toBe("rate_limited");
    });

    it("when a proxy claims https but is not trusted, then no Secure cookie is sent over plain http", async () => {
      const res = await supertest(t.app)
        .post("/api/auth/signup")
        .set("X-Forwarded-Proto", "https")
        .send({ email: uniqueEmail(), password: PASSWORD, displayName: "Plain", role: "candidate" })
        .expect(201);

      expect(res.headers["set-cookie"]).toBeUndefined();
    });
  });
});
