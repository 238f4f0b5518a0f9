import { useState, type FormEvent } from "react";
import { MAX_SEARCH_LENGTH } from "../utils/filters";

type QuestionSearchProps = {
  /** The search in the address; the parent keys this component on it so a change there (Back, a link) resets the box. */
  query: string | undefined;
  onSearch: (query: string | undefined) => void;
};

/** Searches on Enter or the button rather than per keystroke: each search is a new address and a new request. */
export function QuestionSearch({ query, onSearch }: QuestionSearchProps) {
  const [text, setText] = useState(query ?? "");

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSearch(text.trim() || undefined);
  }

  return (
    <form role="search" className="question-search" onSubmit={handleSubmit}>
      <label htmlFor="question-search" className="field-label">
        Search questions
      </label>
      <div className="question-search-row">
        <input
          id="question-search"
          type="search"
          className="input"
          value={text}
          maxLength={MAX_SEARCH_LENGTH}
          onChange={(event) => setText(event.target.value)}
        />
        <button type="submit" className="button button-secondary">
          Search
        </button>
        {query && (
          <button type="button" className="button-link" onClick={() => onSearch(undefined)}>
            Clear search
          </button>
        )}
      </div>
    </form>
  );
}
