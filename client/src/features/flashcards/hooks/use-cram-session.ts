import { useCallback, useState } from "react";
import { useCram, type CramCard } from "../api/flashcards";

/**
 * A cram session over every card of the chosen sections, entirely on this device: "Again" sends the card to the
 * back of the line, "Got it" takes it out. Nothing is sent to the server, so no schedule changes.
 */
export function useCramSession(sections: readonly string[]) {
  const cram = useCram(sections);
  const [line, setLine] = useState<CramCard[]>(() => cram.data?.cards ?? []);
  const [revealed, setRevealed] = useState(false);
  const [known, setKnown] = useState(0);

  const restart = useCallback(() => {
    setLine(cram.data?.cards ?? []);
    setKnown(0);
    setRevealed(false);
  }, [cram.data]);

  // New cards (other sections, or the first fetch) start a new session.
  const [sessionData, setSessionData] = useState(cram.data);
  if (cram.data !== sessionData) {
    setSessionData(cram.data);
    restart();
  }

  const current: CramCard | undefined = line[0];
  const reveal = useCallback(() => setRevealed(!!current), [current]);
  const answer = useCallback(
    (gotIt: boolean) => {
      if (!current || !revealed) return;
      setLine((l) => (gotIt ? l.slice(1) : [...l.slice(1), l[0]!]));
      if (gotIt) setKnown((n) => n + 1);
      setRevealed(false);
    },
    [current, revealed],
  );

  return {
    cram,
    current,
    revealed,
    reveal,
    answer,
    restart,
    known,
    left: line.length,
    total: cram.data?.cards.length ?? 0,
  };
}
