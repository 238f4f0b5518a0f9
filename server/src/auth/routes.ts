import { Router } from "express";
import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { clientAddressKey, defineRoute, AppError } from "../http/index.ts";
import { preloadPasswordPolicy } from "./password-policy.ts";
import { loginBody, signupBody, userResponse } from "./schemas.ts";
import * as auth from "./service.ts";
import { currentUser, requireUser, signIn, signOut } from "./session.ts";

export function authRoutes(deps: auth.AuthDeps & { registry: OpenAPIRegistry }): Router {
  const router = Router();
  const { registry } = deps;
  preloadPasswordPolicy();

  defineRoute(
    router,
    registry,
    {
      method: "post",
      path: "/api/auth/signup",
      tag: "Accounts",
      summary: "Create an account and sign in (rate-limited per address)",
      body: signupBody,
      responses: {
        201: { description: "Signed up and signed in", schema: userResponse },
        400: { description: "Invalid fields, or a password that is too easy to guess (the reason is in details)" },
        409: { description: "Email already registered" },
        429: { description: "Too many sign-ups from this address; see Retry-After" },
      },
    },
    async ({ req, res, body }) => {
      const user = await auth.signup(deps, { ...body, address: clientAddressKey(req.ip) });
      await signIn(req, res, { id: user.id, role: user.role });
      res.status(201).json({ user });
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: "post",
      path: "/api/auth/login",
      tag: "Accounts",
      summary: "Sign in (failed attempts are limited per account and address, per account and per address)",
      body: loginBody,
      responses: {
        200: { description: "Signed in", schema: userResponse },
        401: { description: "Email or password is incorrect" },
        429: { description: "Too many attempts; see Retry-After" },
      },
    },
    async ({ req, res, body }) => {
      const user = await auth.login(deps, { ...body, address: clientAddressKey(req.ip) });
      await signIn(req, res, { id: user.id, role: user.role });
      res.json({ user });
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: "post",
      path: "/api/auth/logout",
      tag: "Accounts",
      summary: "Sign out",
      responses: { 204: { description: "Signed out (also when no one was signed in)" } },
    },
    async ({ req, res }) => {
      await signOut(req, res);
      res.status(204).end();
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: "get",
      path: "/api/me",
      tag: "Accounts",
      summary: "The signed-in user",
      auth: true,
      middleware: [requireUser],
      responses: { 200: { description: "The user", schema: userResponse }, 401: { description: "Not signed in" } },
    },
    async ({ req, res }) => {
      const user = await auth.findUser(deps.prisma, currentUser(req).id);
      if (!user) {
        await signOut(req, res);
        throw new AppError("unauthenticated", "Sign in to continue");
      }
      res.json({ user });
    },
  );

  return router;
}
