import supertest from "supertest";
import { expect, it } from "vitest";
import { describeEachDatabase, signedUpAgent, uniqueEmail, useTestApp } from "../setup/test-app.ts";

const PASSWORD = "a long enough password";

describeEachDatabase("accounts", (kind) => {
  const t = useTestApp(kind);

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
    const wrong = await supertest(t.app)
      .post("/api/auth/login")
      .send({ email, password: "wrong password!!" })
      .expect(401);
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

  it.each([
    ["ten spaces", "          ", /too easy to guess.*Repeated characters/],
    ["one repeated letter", "aaaaaaaaaa", /too easy to guess.*Repeated characters/],
    ["a common password", "password123", /too easy to guess.*commonly used password/],
    ["a keyboard row", "qwertyuiop", /too easy to guess/],
    ["the email address", "{email}", /must not contain your email address/],
    ["the email's name with a year", "{local}1990", /too easy to guess.*built from your email address or name/],
    ["the display name", "Ada Lovelace!!", /too easy to guess.*built from your email address or name/],
  ])(
    "when the password is %s, then sign-up is 400 with the reason under password and no account",
    async (_, pattern, why) => {
      const email = uniqueEmail("ada.lovelace");
      const password = pattern.replace("{email}", email).replace("{local}", email.split("@")[0]!.replace(/[-.]/g, ""));

      const res = await supertest(t.app)
        .post("/api/auth/signup")
        .send({ email, password, displayName: "Ada Lovelace", role: "candidate" })
        .expect(400);

      expect(res.body.error.code).toBe("validation_failed");
      expect(res.body.error.details).toEqual([{ path: "password", message: expect.stringMatching(why) }]);
      expect(await t.db.prisma.user.findUnique({ where: { email } })).toBeNull();
    },
  );

  it("when the password is a phrase of a few words, then sign-up succeeds (the length rule still applies)", async () => {
    const ok = { email: uniqueEmail(), password: "correct horse battery", displayName: "Ada", role: "candidate" };
    await supertest(t.app).post("/api/auth/signup").send(ok).expect(201);

    const short = await supertest(t.app)
      .post("/api/auth/signup")
      .send({ ...ok, email: uniqueEmail(), password: "kx8#Qz!" })
      .expect(400);
    const message = "Password must be at least 10 characters";
    expect(short.body.error.details).toEqual([{ path: "password", message }]);
  });

  it("when not signed in, then /api/me is 401 with the error shape", async () => {
    const res = await supertest(t.app).get("/api/me").expect(401);
    expect(res.body).toEqual({ error: { code: "unauthenticated", message: expect.any(String) } });
  });
});
