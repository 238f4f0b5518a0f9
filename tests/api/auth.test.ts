import supertest from "supertest";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestApp, describeEachDatabase, signedUpAgent, uniqueEmail, type TestApp } from "../setup/test-app.ts";

const PASSWORD = "a long enough password";

describeEachDatabase("accounts", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  it("when a candidate signs up, then they get 201, their user and a working HttpOnly SameSite session", async () => {
    const agent = supertest.agent(t.app);
    const email = uniqueEmail();
    const res = await agent
      .post("/api/auth/signup")
      .send({ email: `  ${email.toUpperCase()} `, password: PASSWORD, displayName: " Ada ", role: "candidate" })
      .expect(201);
    expect(res.body.user).toMatchObject({ email, displayName: "Ada", role: "candidate" });
    expect(res.body.user).not.toHaveProperty("passwordHash");
    const cookie = String(res.headers["set-cookie"]);
    expect(cookie).toMatch(/wm\.sid=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const me = await agent.get("/api/me").expect(200);
    expect(me.body.user.id).toBe(res.body.user.id);
  });

  it("when the password is stored, then it is an argon2id hash, never the password", async () => {
    const { user } = await signedUpAgent(t.app);
    const row = await t.db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain(PASSWORD);
  });

  it("when the same email signs up twice, then the second gets 409 email_taken and nothing changes", async () => {
    const { email } = await signedUpAgent(t.app, "mentor");
    const res = await supertest(t.app)
      .post("/api/auth/signup")
      .send({ email, password: "another long password", displayName: "Other", role: "candidate" })
      .expect(409);
    expect(res.body.error.code).toBe("email_taken");
    const row = await t.db.prisma.user.findUniqueOrThrow({ where: { email } });
    expect(row.role).toBe("mentor");
  });

  it("when signup fields are invalid, then 400 lists each field path", async () => {
    const res = await supertest(t.app)
      .post("/api/auth/signup")
      .send({ email: "not-an-email", password: "short", displayName: "", role: "admin" })
      .expect(400);
    expect(res.body.error.code).toBe("validation_failed");
    const paths = res.body.error.details.map((d: { path: string }) => d.path).sort();
    expect(paths).toEqual(["displayName", "email", "password", "role"]);
  });

  it("when logging in with a wrong password or an unknown email, then both get the same 401", async () => {
    const { email } = await signedUpAgent(t.app);
    const wrong = await supertest(t.app).post("/api/auth/login").send({ email, password: "wrong password!!" }).expect(401);
    const unknown = await supertest(t.app)
      .post("/api/auth/login")
      .send({ email: uniqueEmail("nobody"), password: "wrong password!!" })
      .expect(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error.code).toBe("invalid_credentials");
  });

  it("when a user logs in, then the session id rotates and the old cookie no longer works after logout", async () => {
    const { agent, email } = await signedUpAgent(t.app);
    const before = (await agent.get("/api/me")).request.cookies;
    const login = await agent.post("/api/auth/login").send({ email, password: PASSWORD }).expect(200);
    const newCookie = String(login.headers["set-cookie"]).split(";")[0];
    expect(newCookie).not.toBe(before);
    await agent.post("/api/auth/logout").expect(204);
    await agent.get("/api/me").expect(401);
    await supertest(t.app).get("/api/me").set("Cookie", newCookie!).expect(401);
  });

  it("when an account gets more than 10 failed logins, then it is rate-limited with Retry-After, counted in the database", async () => {
    const { email } = await signedUpAgent(t.app);
    for (let i = 0; i < 10; i++) {
      await supertest(t.app).post("/api/auth/login").send({ email, password: "wrong password!!" }).expect(401);
    }
    const limited = await supertest(t.app).post("/api/auth/login").send({ email, password: PASSWORD }).expect(429);
    expect(limited.body.error.code).toBe("rate_limited");
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    const rows = await t.db.sql.query<{ points: number }>(`SELECT points FROM "RateLimit" WHERE key = $1`, [
      `login:email:${email}`,
    ]);
    expect(rows[0]!.points).toBe(11);
  });

  it("when not signed in, then /api/me is 401 with the error shape", async () => {
    const res = await supertest(t.app).get("/api/me").expect(401);
    expect(res.body).toEqual({ error: { code: "unauthenticated", message: expect.any(String) } });
  });
});
