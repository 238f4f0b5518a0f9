import { useId, useState } from "react";
import type { GradedAnswer, Reader } from "./types";
import "./grading.css";

/** Why the grader was unsure, in the reader's words (reasons come from server/src/grading/confidence.ts). */
const REASONS: Record<string, string> = {
  "near-threshold": "the score sits close to the line between two grades",
  "little-recognised": "much of the answer is worded in a way the grader does not recognise",
  "mixed-signals": "the answer is long and changes its mind or mixes right and wrong points",
  "loose-matches-only": "the key points were only found loosely",
  "required-point-waived": "one required point was not found, although the rest was strong",
  "exemplars-disagree": "interviewers graded answers like this one differently, or were split on them",
};

/**
 * A low-confidence grade is provisional: the reader checks the answer against the key points themselves.
 * The ticks are a thinking aid for this screen only; nothing is stored.
 */
export function ProvisionalNote({
  result,
  conceptLabel,
  reader,
}: {
  result: GradedAnswer;
  conceptLabel: (id: string) => string;
  reader: Reader;
}) {
  const headingId = useId();
  const [ticked, setTicked] = useState<Set<string>>(new Set());
  if (result.type !== "free-text" || result.confidence !== "low" || result.answer === null) return null;
  const reasons = (result.confidenceReasons ?? []).map((r) => REASONS[r]).filter((r) => r !== undefined);
  const points = [...new Set([...result.matched, ...result.missed].map((p) => p.concept))];
  const whose = reader === "self" ? "your answer" : "the answer";
  const toggle = (id: string) =>
    setTicked((now) => {
      const next = new Set(now);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <section className="provisional-note" aria-labelledby={headingId}>
      <p id={headingId} className="provisional-title">
        We're not sure about this one
      </p>
      <p>
        This grade is provisional{reasons.length > 0 ? `: ${reasons.join("; ")}` : ""}. Compare {whose} with the model
        answer below and tick each key point it really makes.
      </p>
      <ul className="self-check">
        {points.map((id) => (
          <li key={id}>
            <label>
              <input type="checkbox" checked={ticked.has(id)} onChange={() => toggle(id)} /> {conceptLabel(id)}
            </label>
          </li>
        ))}
      </ul>
      {points.length > 0 && (
        <p className="self-check-count" aria-live="polite">
          {ticked.size} of {points.length} key points ticked
        </p>
      )}
    </section>
  );
}
