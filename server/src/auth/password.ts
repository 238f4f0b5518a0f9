import { hash, verify } from "@node-rs/argon2";

// argon2id with the library's defaults (19 MiB, 2 passes) — OWASP's minimum recommendation.
export const hashPassword = (password: string): Promise<string> => hash(password);

// Verifying against a real hash when the e-mail is unknown keeps both failures equally slow.
const DUMMY_HASH = await hash("watermark-timing-equaliser");

export async function verifyPassword(storedHash: string | undefined, password: string): Promise<boolean> {
  try {
    return (await verify(storedHash ?? DUMMY_HASH, password)) && storedHash !== undefined;
  } catch {
    return false;
  }
}
