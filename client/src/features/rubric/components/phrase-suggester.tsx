import { useEffect, useState, type FormEvent, type ReactNode } from "react";
import { Link } from "react-router";
import { verdictLabel } from "../../../components/grading/verdict-badge";
import { TableScroll } from "../../../components/ui/table-scroll";
import type { PhraseBody } from "../../../lib/api-types";
import { useRubricEntries, usePreviewPhrase, useSaveSuggestion, type RubricPreview } from "../api/rubric";
import "../rubric.css";

const PHRASE_MAX = 120;
const NOTE_MAX = 1000;
const pct = (x: number | null) => (x === null ? "no rulings" : `${Math.round(x * 100)}%`);

/** The answer text the page shows (HighlightedAnswer's blockquote): a selection inside it becomes the phrase. */
const ANSWER_TEXT = ".answer-view .answer-text";

function useSelectedAnswerText(onSelect: (text: string) => void) {
  useEffect(() => {
    const onChange = () => {
      const selection = document.getSelection();
      const text = selection?.toString().replace(/\s+/g, " ").trim() ?? "";
      const node = selection?.anchorNode;
      const inside = node && (node instanceof Element ? node : node.parentElement)?.closest(ANSWER_TEXT);
      if (text && inside) onSelect(text.slice(0, PHRASE_MAX));
    };
    document.addEventListener("selectionchange", onChange);
    return () => document.removeEventListener("selectionchange", onChange);
  }, [onSelect]);
}

/**
 * A mentor's "this wording should count": select a span of the answer (or type it), pick the concept or misconception,
 * preview which of their candidates' answers would change verdict, then save the suggestion for the bank's maintainer.
 */
export function PhraseSuggester({ answerId, question }: { answerId: string; question: string }) {
  const entries = useRubricEntries(question);
  const preview = usePreviewPhrase();
  const save = useSaveSuggestion();
  const [phrase, setPhrase] = useState("");
  const [target, setTarget] = useState("");
  const [note, setNote] = useState("");
  const [error, setError] = useState<string>();
  const [shown, setShown] = useState<{ body: PhraseBody; result: RubricPreview }>();
  useSelectedAnswerText(setPhrase);

  const body = (): PhraseBody | undefined => {
    const [kind, id] = target.split(":");
    const trimmed = phrase.trim();
    if (trimmed.length < 2 || trimmed.length > PHRASE_MAX) {
      setError(`Select or type a phrase of 2 to ${PHRASE_MAX} characters.`);
      return undefined;
    }
    if (!id) {
      setError("Pick the concept or misconception the phrase shows.");
      return undefined;
    }
    setError(undefined);
    return { question, phrase: trimmed, ...(kind === "concept" ? { concept: id } : { misconception: id }) };
  };
  const current = shown && shown.body.phrase === phrase.trim() && target === targetOf(shown.body);

  const onPreview = (e: FormEvent) => {
    e.preventDefault();
    const b = body();
    if (!b || preview.isPending) return;
    save.reset();
    preview.mutate(b, {
      onSuccess: (result) => setShown({ body: b, result }),
      onError: (err) => setError(err.message),
    });
  };
  const onSave = () => {
    if (!shown || !current) return;
    save.mutate(
      { ...shown.body, ...(note.trim() ? { note: note.trim() } : {}) },
      {
        onError: (err) => setError(err.message),
      },
    );
  };

  const rubric = entries.data;
  if (!rubric || (rubric.concepts.length === 0 && rubric.misconceptions.length === 0)) return null;
  return (
    <section className="grade-section phrase-suggester" aria-labelledby="suggest-h">
      <h3 id="suggest-h">Suggest a rubric phrase</h3>
      <p className="grade-note">
        Select words in the answer above, or type them, and pick what they show. The preview regrades your candidates'
        answers to this question with the phrase added; nothing changes until the bank's maintainer applies it.
      </p>
      <form onSubmit={onPreview} noValidate>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="form-row">
          <div className="field">
            <label className="field-label" htmlFor="suggest-phrase">
              Phrase
            </label>
            <input
              id="suggest-phrase"
              className="input"
              maxLength={PHRASE_MAX}
              value={phrase}
              onChange={(e) => setPhrase(e.target.value)}
              aria-describedby="suggest-phrase-hint"
            />
            <p className="field-hint" id="suggest-phrase-hint">
              {phrase.trim().length}/{PHRASE_MAX}
            </p>
          </div>
          <div className="field">
            <label className="field-label" htmlFor="suggest-target">
              It shows
            </label>
            <select id="suggest-target" className="input" value={target} onChange={(e) => setTarget(e.target.value)}>
              <option value="">Choose…</option>
              <optgroup label="Concepts (earn credit)">
                {rubric.concepts.map((c) => (
                  <option key={c.id} value={`concept:${c.id}`}>
                    {c.label}
                  </option>
                ))}
              </optgroup>
              {rubric.misconceptions.length > 0 && (
                <optgroup label="Misconceptions (cost credit)">
                  {rubric.misconceptions.map((m) => (
                    <option key={m.id} value={`misconception:${m.id}`}>
                      {m.id}
                    </option>
                  ))}
                </optgroup>
              )}
            </select>
          </div>
        </div>
        <button type="submit" className="button button-secondary" aria-disabled={preview.isPending || undefined}>
          Preview
        </button>
      </form>
      {shown && current && (
        <PreviewResult result={shown.result} answerId={answerId}>
          <div className="field">
            <label className="field-label" htmlFor="suggest-note">
              Note for the maintainer (optional)
            </label>
            <textarea
              id="suggest-note"
              className="textarea"
              rows={2}
              maxLength={NOTE_MAX}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          </div>
          <div className="suggester-actions">
            <button
              type="button"
              className="button button-primary"
              aria-disabled={save.isPending || save.isSuccess || undefined}
              onClick={() => !save.isSuccess && onSave()}
            >
              Save suggestion
            </button>
          </div>
          {save.isSuccess && (
            <p className="banner banner-info" role="status">
              Suggestion saved: “{save.data.suggestion.phrase}” for the bank's maintainer.
            </p>
          )}
        </PreviewResult>
      )}
    </section>
  );
}

const targetOf = (b: PhraseBody) => (b.concept ? `concept:${b.concept}` : `misconception:${b.misconception}`);

function PreviewResult({
  result,
  answerId,
  children,
}: {
  result: RubricPreview;
  answerId: string;
  children: ReactNode;
}) {
  const agrees = (to: string, ruling?: string) =>
    ruling === undefined ? "No ruling" : to === ruling ? "Agrees with your ruling" : "Disagrees with your ruling";
  return (
    <div className="preview-result" aria-live="polite">
      <p>
        {result.changed.length} of {result.total} {result.total === 1 ? "answer" : "answers"} would change verdict ·
        agreement with your rulings <strong>{pct(result.agreementBefore)}</strong> →{" "}
        <strong>{pct(result.agreementAfter)}</strong>
      </p>
      {result.changed.length > 0 && (
        <TableScroll label="Answers whose verdict would change, table">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Answer</th>
                <th scope="col">Now</th>
                <th scope="col">With the phrase</th>
                <th scope="col">Your ruling</th>
              </tr>
            </thead>
            <tbody>
              {result.changed.map((c, i) => (
                <tr key={c.answerId}>
                  <td>
                    {c.answerId === answerId ? (
                      "This answer"
                    ) : (
                      <Link to={`/answers/${c.answerId}`}>Answer {i + 1}</Link>
                    )}
                  </td>
                  <td>{verdictLabel(c.from)}</td>
                  <td>{verdictLabel(c.to)}</td>
                  <td>
                    {c.ruling ? `${verdictLabel(c.ruling)} · ` : ""}
                    {agrees(c.to, c.ruling)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {children}
    </div>
  );
}
