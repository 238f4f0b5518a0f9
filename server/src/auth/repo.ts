import type { Prisma } from "../db/index.ts";

export const insertUser = (
  db: Prisma,
  data: { email: string; passwordHash: string; displayName: string; role: "candidate" | "mentor" },
) => db.user.create({ data });

export const userByEmail = (db: Prisma, email: string) => db.user.findUnique({ where: { email } });

export const userById = (db: Prisma, id: string) => db.user.findUnique({ where: { id } });
