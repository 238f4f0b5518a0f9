import { z } from "zod";

const person = z.object({ id: z.uuid(), displayName: z.string(), email: z.string() }).openapi("Person");

export const inviteResponse = z.object({ code: z.string(), expiresAt: z.iso.datetime() }).openapi("LinkInvite");

export const redeemBody = z
  .object({ code: z.string().trim().min(1, { message: "enter the invite code" }).max(64) })
  .openapi("RedeemInviteRequest");

export const linkSchema = z
  .object({ id: z.uuid(), candidate: person, mentor: person, createdAt: z.iso.datetime() })
  .openapi("MentorLink");

export const linkList = z.object({ items: z.array(linkSchema) }).openapi("MentorLinkList");

export const linkParams = z.object({ id: z.uuid({ message: "must be a link id" }) });
