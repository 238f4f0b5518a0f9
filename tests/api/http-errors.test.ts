import supertest from "supertest";
import { expect, it } from "vitest";
import { describeEachDatabase, signedUpAgent, useTestApp } from "../setup/test-app.ts";

describeEachDatabase("HTTP behaviour", (kind) => {
  const t = useTestApp(kind);

  it("when the body is malformed JSON, then 400 invalid_json", async () => {
    const res = await supertest(t.app)
      .post("/api/auth/login")
      .set("Content-Type", "application/json")
      .send("{not json")
      .expect(400);
    expect(res.body.error.code).toBe("invalid_json");
  });

  it("when the body is larger than 64 kB, then 413", async () => {
    const res = await supertest(t.app)
      .post("/api/auth/login")
      .send({ email: "a@b.io", password: "x".repeat(70_000) })
      .expect(413);
    expect(res.body.error.code).toBe("payload_too_large");
  });

  it("when the route is unknown, then 404 with the error shape", async () => {
    const res = await supertest(t.app).get("/api/does-not-exist").expect(404);
    expect(res.body.error).toMatchObject({ code: "not_found", message: "No route for GET /api/does-not-exist" });
  });

  it("when a request arrives, then the response carries a request id, echoing the caller's", async () => {
    const own = await supertest(t.app).get("/healthz").set("X-Request-Id", "abc-123").expect(200);
    expect(own.headers["x-request-id"]).toBe("abc-123");
    const fresh = await supertest(t.app).get("/healthz").expect(200);
    expect(fresh.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("when a browser sends a cross-site state change, then 403 csrf_rejected; same-origin and plain clients pass", async () => {
    const { agent } = await signedUpAgent(t.app);
    const cross = await agent.post("/api/auth/logout").set("Origin", "https://evil.example").expect(403);
    expect(cross.body.error.code).toBe("csrf_rejected");
    await agent.post("/api/auth/logout").set("Sec-Fetch-Site", "cross-site").expect(403);
    await agent.get("/api/me").expect(200);
    await agent.post("/api/auth/logout").set("Sec-Fetch-Site", "same-origin").expect(204);
  });

  it("when a state change sends a form-encoded body, then 415, so HTML forms on other sites cannot post", async () => {
    const res = await supertest(t.app)
      .post("/api/auth/login")
      .type("form")
      .send("email=a@b.io&password=whatever123")
      .expect(415);
    expect(res.body.error.code).toBe("unsupported_media_type");
  });

  it("when readiness is checked on a migrated database, then 200 names the database", async () => {
    const res = await supertest(t.app).get("/readyz").expect(200);
    expect(res.body).toEqual({ status: "ready", database: kind });
  });

  it("when the OpenAPI document is requested, then it describes the account routes from their schemas", async () => {
    const res = await supertest(t.app).get("/api/openapi.json").expect(200);
    expect(res.body.openapi).toBe("3.1.0");
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(["/api/auth/signup", "/api/auth/login", "/api/me"]),
    );
    const signup = res.body.paths["/api/auth/signup"].post.requestBody.content["application/json"].schema;
    expect(JSON.stringify(signup)).toContain("SignupRequest");
    await supertest(t.app).get("/api/docs").expect(200).expect("Content-Type", /html/);
  });
});
