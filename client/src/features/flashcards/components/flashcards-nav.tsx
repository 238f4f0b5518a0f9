import { NavLink } from "react-router";

const LINKS = [
  { to: "/flashcards", label: "Review", end: true },
  { to: "/flashcards/cram", label: "Cram" },
  { to: "/flashcards/stats", label: "Stats" },
  { to: "/flashcards/cards", label: "Your cards" },
  { to: "/flashcards/settings", label: "Settings" },
];

/** The flashcard pages, one click apart. */
export function FlashcardsNav() {
  return (
    <nav className="fc-nav" aria-label="Flashcards">
      <ul>
        {LINKS.map((link) => (
          <li key={link.to}>
            <NavLink to={link.to} end={link.end}>
              {link.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
