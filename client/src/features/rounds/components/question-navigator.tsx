export type NavigatorItem = {
  slug: string;
  /** Absent for a locked follow-up, whose title would give away what it asks. */
  title?: string;
  state: "answered" | "draft" | "empty" | "locked";
  followUp: boolean;
  flagged: boolean;
};

const STATE_TEXT = {
  answered: "answered",
  draft: "draft saved",
  empty: "not started",
  locked: "opens after the question before it",
} as const;

type QuestionNavigatorProps = {
  items: NavigatorItem[];
  current: number;
  onSelect: (index: number) => void;
};

/** Every question at a glance, each reachable in one step; the state is in the name as well as the styling. */
export function QuestionNavigator({ items, current, onSelect }: QuestionNavigatorProps) {
  const answered = items.filter((item) => item.state === "answered").length;
  return (
    <nav className="round-nav" aria-label="Questions">
      <p className="round-nav-summary">
        {answered} of {items.length} answered
      </p>
      <ol className="round-nav-list">
        {items.map((item, index) => (
          <li key={item.slug}>
            <button
              type="button"
              className={`round-nav-item round-nav-${item.state}${item.followUp ? " round-nav-follow-up" : ""}`}
              aria-current={index === current ? "step" : undefined}
              // The visible number alone says nothing about the state, which is otherwise only in the styling. The name
              // holds the visible text in order ("2 locked"), so someone who says what they see can press it.
              aria-label={`Question ${index + 1}${item.state === "locked" ? " locked" : ""}${item.title ? `: ${item.title}` : ""}${item.followUp ? ", follow-up" : ""}, ${STATE_TEXT[item.state]}${item.flagged ? ", flagged" : ""}`}
              title={item.title}
              onClick={() => onSelect(index)}
            >
              {index + 1}
              {item.flagged && (
                <span className="round-nav-flag" aria-hidden="true">
                  ⚑
                </span>
              )}
              {/* Spelled out on the button itself: the styling alone would leave it to colour and a dotted border. */}
              {item.state === "locked" && <span className="round-nav-lock"> locked</span>}
            </button>
          </li>
        ))}
      </ol>
      <ul className="round-nav-legend" aria-hidden="true">
        <li>
          <span className="round-nav-swatch round-nav-answered" /> Answered
        </li>
        <li>
          <span className="round-nav-swatch round-nav-draft" /> Draft
        </li>
        <li>
          <span className="round-nav-swatch round-nav-empty" /> Not started
        </li>
        {items.some((item) => item.flagged) && (
          <li>
            <span className="round-nav-flag-key">⚑</span> Flagged
          </li>
        )}
        {items.some((item) => item.followUp) && (
          <li>
            <span className="round-nav-swatch round-nav-locked" /> Follow-up, locked
          </li>
        )}
      </ul>
    </nav>
  );
}
