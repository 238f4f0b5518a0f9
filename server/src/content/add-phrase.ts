import { isMap, isScalar, isSeq, parse, parseDocument, type YAMLMap, type YAMLSeq } from "yaml";

/** Where a phrase goes in a question file: the question's rubric concept or misconception, by id. */
export interface PhrasePlace {
  slug: string;
  kind: "concept" | "misconception";
  id: string;
  phrase: string;
}

/**
 * The file's text with the phrase added to the rubric entry's `phrases`, or why it cannot be placed. Only the
 * lines that hold the list change (an author's layout and comments stay as written): a flow list `[a, b]` gains
 * `, phrase`, a block list gains a `- phrase` line, an entry without phrases gains a `phrases: [phrase]` line.
 */
export function addPhrase(text: string, place: PhrasePlace): { text: string } | { problem: string } {
  const doc = parseDocument(text);
  const questions: unknown[] = isSeq(doc.contents) ? doc.contents.items : [];
  const question = questions.find((q): q is YAMLMap => isMap(q) && q.get("slug") === place.slug);
  if (!question) return { problem: `question ${place.slug} is not in this file` };
  const list = question.getIn(["rubric", place.kind === "concept" ? "concepts" : "misconceptions"]);
  const key = place.kind === "concept" ? "concept" : "id";
  const entries: unknown[] = isSeq(list) ? list.items : [];
  const entry = entries.find((e): e is YAMLMap => isMap(e) && e.get(key) === place.id);
  if (!entry?.range) return { problem: `the rubric of ${place.slug} has no ${place.kind} ${place.id}` };
  const item = yamlItem(place.phrase);
  const phrases = entry.get("phrases", true);
  if (phrases === undefined) {
    const indent = " ".repeat(entry.range[0] - text.lastIndexOf("\n", entry.range[0]) - 1);
    const [head, tail] = splitAfterLine(text, entry.range[0]);
    return { text: `${head}${indent}phrases: [${item}]\n${tail}` };
  }
  if (!isSeq(phrases) || !phrases.range)
    return { problem: `${place.kind} ${place.id} has phrases that are not a list` };
  if (phrases.flow) return { text: intoFlowList(text, phrases, item) };
  const last = phrases.items.at(-1);
  if (!isScalar(last) || !last.range) return { problem: `${place.kind} ${place.id} has an unreadable phrase list` };
  const first = phrases.items[0] as { range: [number, number, number] };
  const dash = text.slice(text.lastIndexOf("\n", first.range[0]) + 1, first.range[0]);
  const [head, tail] = splitAfterLine(text, last.range[1]);
  return { text: `${head}${dash}${item}\n${tail}` };
}

/** The text up to the end of the line holding `at`, newline included (one is added to a last line without), and the rest. */
function splitAfterLine(text: string, at: number): [string, string] {
  const end = text.indexOf("\n", at);
  return end < 0 ? [`${text}\n`, ""] : [text.slice(0, end + 1), text.slice(end + 1)];
}

function intoFlowList(text: string, list: YAMLSeq, item: string): string {
  const close = text.lastIndexOf("]", list.range![1]);
  const at = text.slice(0, close).trimEnd().length;
  return `${text.slice(0, at)}${list.items.length ? ", " : ""}${item}${text.slice(at)}`;
}

/** The phrase as a flow-list item: plain when it reads back as the same string, else double-quoted. */
function yamlItem(phrase: string): string {
  const plain = /^[\p{L}\p{N}][\p{L}\p{N} '.\-/]*$/u.test(phrase) && !/ $/.test(phrase);
  if (plain) {
    try {
      if ((parse(`[${phrase}]`) as unknown[])[0] === phrase) return phrase;
    } catch {
      // Not readable as a plain item: quoted below.
    }
  }
  return JSON.stringify(phrase);
}
