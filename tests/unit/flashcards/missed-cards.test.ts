import { describe, expect, it } from "vitest";
import { UPSERT_MISSED_CARDS } from "../../../server/src/flashcards/missed-cards-repo.ts";
import { numbered } from "../../../server/src/db/rows.ts";

describe("the missed-card upsert", () => {
  it("as text for prepared statements, numbers exactly the user, question and time as $1, $2 and $3 and binds nothing", () => {
    expect(UPSERT_MISSED_CARDS.match(/\$\d+(::\w+)?/g)).toEqual([
      "$1::uuid",
      "$2::uuid",
      "$3::timestamptz",
      "$3::timestamptz",
      "$3::timestamptz",
    ]);
  });

  it("as a fragment for Prisma, binds its values as parameters", () => {
    const query = numbered(UPSERT_MISSED_CARDS, ["u", "q", "t"]);
    expect(query.values).toEqual(["u", "q", "t", "t", "t"]);
    expect(query.text).not.toContain("'u'");
  });

  it("as a fragment, is the same statement, the time's three placeholders each bound to the one time", () => {
    const query = numbered(UPSERT_MISSED_CARDS, ["u", "q", "t"]);
    expect(query.text.replace(/\$[45]\b/g, "$3")).toBe(UPSERT_MISSED_CARDS);
  });
});
