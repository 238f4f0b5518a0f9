import { z } from "zod";

/** A query parameter listing values comma-separated ("a,b"), also accepted repeated (`?x=a&x=b`); blanks dropped. */
export const csvQuery = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (v) =>
      typeof v === "string"
        ? v
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean)
        : v,
    z.array(item).optional(),
  );
