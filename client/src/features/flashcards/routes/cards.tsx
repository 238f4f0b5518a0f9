import { useState } from "react";
import { Link } from "react-router";
import { SECTION_LABELS, type Section } from "../../../lib/questions";
import { useCardAction, useCardList, type CardFilter, type ListedCard } from "../api/flashcards";
import { FlashcardsNav } from "../components/flashcards-nav";
import "../flashcards.css";
import { LoadError, Loading } from "../../../components/ui/page-status";

const FILTERS: { value: CardFilter; label: string }[] = [
  { value: "personal", label: "From your answers" },
  { value: "leeches", label: "Leeches" },
  { value: "suspended", label: "Suspended" },
];

/** What an empty filter means, and the next step from it. */
const EMPTY: Record<CardFilter, { text: string; to: string; action: string }> = {
  personal: {
    text: "No personal cards yet. When a graded answer misses a key point, a card for that point appears here.",
    to: "/practice",
    action: "Practise a question",
  },
  leeches: {
    text: "No leeches. A card you forget 8 times is suspended and listed here.",
    to: "/flashcards",
    action: "Review your due cards",
  },
  suspended: {
    text: "No suspended cards. Suspend a card while reviewing to take it out of your queue; it is listed here.",
    to: "/flashcards",
    action: "Review your due cards",
  },
};

export function CardsRoute() {
  const [filter, setFilter] = useState<CardFilter>("personal");
  const list = useCardList(filter);
  const action = useCardAction();
  const [status, setStatus] = useState("");

  return (
    <>
      <title>Your flashcards · Watermark</title>
      <FlashcardsNav />
      <div className="page-heading">
        <h1>Your cards</h1>
        <p className="lede">
          Cards made from points you missed, and cards taken out of the queue. Suspend, bring back or delete them.
        </p>
      </div>
      <div className="fc-filter" role="group" aria-label="Show">
        {FILTERS.map((f) => (
          <button
            key={f.value}
            type="button"
            className={`button button-small ${filter === f.value ? "button-primary" : "button-secondary"}`}
            aria-pressed={filter === f.value}
            onClick={() => setFilter(f.value)}
          >
            {f.label}
          </button>
        ))}
      </div>
      <p role="status" className="inline-status">
        {status}
      </p>
      {action.isError && (
        <p className="banner banner-error" role="alert">
          That didn't work: {action.error.message}
        </p>
      )}
      {list.isPending ? (
        <Loading>Loading your cards…</Loading>
      ) : list.isError ? (
        <LoadError what="your cards" error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.cards.length === 0 ? (
        <div className="card empty-state">
          <p>{EMPTY[filter].text}</p>
          <Link to={EMPTY[filter].to}>{EMPTY[filter].action}</Link>
        </div>
      ) : (
        <ul className="fc-card-list">
          {list.data.cards.map((card) => (
            <CardItem
              key={card.id}
              card={card}
              busy={action.isPending}
              onAction={(kind) =>
                action.mutate(
                  { id: card.id, action: kind },
                  {
                    onSuccess: () =>
                      setStatus(
                        kind === "delete"
                          ? "Card deleted."
                          : kind === "suspend"
                            ? "Card suspended."
                            : "Card back in your queue.",
                      ),
                  },
                )
              }
            />
          ))}
        </ul>
      )}
    </>
  );
}

function CardItem({
  card,
  busy,
  onAction,
}: {
  card: ListedCard;
  busy: boolean;
  onAction: (a: "suspend" | "unsuspend" | "delete") => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const title = card.front.split("\n")[0];
  return (
    <li className="fc-card-item">
      <div className="fc-meta">
        <span className="badge">{SECTION_LABELS[card.section as Section] ?? card.section}</span>
        {card.suspended && <span className="badge badge-muted">Suspended</span>}
        {card.leech && <span className="badge badge-muted">Leech · {card.lapses} lapses</span>}
      </div>
      <div className="fc-text fc-front">{card.front}</div>
      <details>
        <summary>Answer</summary>
        <div className="fc-text">{card.back}</div>
      </details>
      <div className="fc-card-actions">
        {card.suspended ? (
          <button
            type="button"
            className="button button-secondary button-small"
            aria-disabled={busy || undefined}
            onClick={() => !busy && onAction("unsuspend")}
          >
            Unsuspend<span className="visually-hidden">: {title}</span>
          </button>
        ) : (
          <button
            type="button"
            className="button button-secondary button-small"
            aria-disabled={busy || undefined}
            onClick={() => !busy && onAction("suspend")}
          >
            Suspend<span className="visually-hidden">: {title}</span>
          </button>
        )}
        {card.kind === "missed" &&
          (confirming ? (
            <>
              <button
                type="button"
                className="button button-danger button-small"
                onClick={() => !busy && onAction("delete")}
              >
                Yes, delete<span className="visually-hidden"> {title}</span>
              </button>
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => setConfirming(false)}
              >
                Keep it
              </button>
            </>
          ) : (
            <button type="button" className="button button-secondary button-small" onClick={() => setConfirming(true)}>
              Delete…<span className="visually-hidden"> {title}</span>
            </button>
          ))}
        {card.questionSlug && (
          <Link
            className="button button-secondary button-small"
            to={`/practice/${encodeURIComponent(card.questionSlug)}`}
          >
            Open the question<span className="visually-hidden">: {title}</span>
          </Link>
        )}
      </div>
    </li>
  );
}
