/**
 * Mastery per section, from recent answers with older answers counting less:
 * - only the RECENT_ANSWERS most recent answers in a section count;
 * - each answer's effective score (a mentor override wins over the automatic score) is weighted by
 *   0.5^(age in days / HALF_LIFE_DAYS): an answer two weeks old counts half as much as one given today;
 * - mastery = Σ weight·score / Σ weight, in 0..1. Levels: ≥0.8 strong, ≥0.5 developing, else weak.
 */
export const RECENT_ANSWERS = 30;
export const HALF_LIFE_DAYS = 14;

export interface ScoredAnswer {
  section: string;
  score: number;
  submittedAt: Date;
}

export interface SectionMastery {
  section: string;
  mastery: number;
  level: "strong" | "developing" | "weak";
  answers: number;
  lastAnswerAt: string;
}

export const decayWeight = (ageDays: number) => Math.pow(0.5, Math.max(0, ageDays) / HALF_LIFE_DAYS);

export function masteryBySection(answers: readonly ScoredAnswer[], now: Date): SectionMastery[] {
  const bySection = new Map<string, ScoredAnswer[]>();
  for (const a of answers) bySection.set(a.section, [...(bySection.get(a.section) ?? []), a]);
  const out: SectionMastery[] = [];
  for (const [section, list] of bySection) {
    const recent = [...list].sort((a, b) => b.submittedAt.getTime() - a.submittedAt.getTime()).slice(0, RECENT_ANSWERS);
    let num = 0;
    let den = 0;
    for (const a of recent) {
      const w = decayWeight((now.getTime() - a.submittedAt.getTime()) / 86_400_000);
      num += w * a.score;
      den += w;
    }
    const mastery = den === 0 ? 0 : Math.round((num / den) * 1000) / 1000;
    out.push({
      section,
      mastery,
      level: mastery >= 0.8 ? "strong" : mastery >= 0.5 ? "developing" : "weak",
      answers: recent.length,
      lastAnswerAt: recent[0]!.submittedAt.toISOString(),
    });
  }
  return out.sort((a, b) => a.section.localeCompare(b.section));
}
