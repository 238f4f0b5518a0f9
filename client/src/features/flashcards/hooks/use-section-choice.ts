import { useCallback, useState } from "react";
import { SECTIONS, type Section } from "../../../lib/questions";
import { localStore } from "../../../lib/storage";

const KEY = "wm.flashcards.sections";

/** The sections to study, kept on this device for review and cram alike; empty means every section. */
export function useSectionChoice() {
  const [sections, setSections] = useState<Section[]>(() => {
    const saved = localStore.read<unknown>(KEY);
    return Array.isArray(saved) ? SECTIONS.filter((s) => saved.includes(s)) : [];
  });
  const choose = useCallback((next: Section[]) => {
    const ordered = SECTIONS.filter((s) => next.includes(s));
    localStore.write(KEY, ordered);
    setSections(ordered);
  }, []);
  return [sections, choose] as const;
}
