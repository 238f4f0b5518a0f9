import "./grading.css";
const NOTES: Record<string, string> = {
  "negated-choice": "You ruled out an option you named",
  "several-choices": "Commit to one choice",
  "no-commitment": "Commit to one choice",
  "generic-choice": "Name the framework, not only batch or streaming",
  "keyword-list": "Answer in sentences, not a keyword list",
  "wrong-choice": "That is not the framework this scenario calls for",
  "exemplars-raised": "Graded up: interviewers rated answers like this one higher than the key points found here",
  "exemplars-lowered": "Graded down: interviewers rated answers like this one lower than the key points found here",
};

/** Plain words for a grader flag, or undefined for flags that are bookkeeping (hedged, typo-corrected, …). */
export function flagNote(flag: string): string | undefined {
  if (flag.startsWith("misconception:")) return "Contains a misconception";
  if (flag.startsWith("wrong-fact:"))
    return "Says something about a framework that is true of another one (or denies what is true of it)";
  return NOTES[flag];
}

export function FlagNotes({ flags, title }: { flags: string[]; title: string }) {
  // Several flags can share one note ("several-choices" and "no-commitment"); say it once.
  const notes = [...new Set(flags.map(flagNote).filter((note) => note !== undefined))];
  if (notes.length === 0) return null;
  return (
    <div className="flag-notes">
      <p className="flag-notes-title">{title}</p>
      <ul>
        {notes.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
    </div>
  );
}
