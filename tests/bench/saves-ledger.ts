/**
 * What the autosave load sent to each draft slot and what the server acknowledged, to check afterwards that every
 * slot holds its last acknowledged save. Saves to one slot come from one connection, one at a time, so the last
 * acknowledged value is the one that must be stored; a save sent when the run stopped (or a connection dropped) got
 * no answer and may or may not have landed, so it is accepted too.
 */
import { isDeepStrictEqual } from "node:util";

type Draft = string | string[];

interface Save {
  value: Draft;
  status?: number;
}

export interface LedgerCheck {
  slots: number;
  acknowledged: number;
  mismatches: { slot: string; expected: Draft[]; stored: unknown }[];
}

export class SavesLedger {
  private readonly slots = new Map<string, Save[]>();

  /** Records a save about to be sent; set `status` on the returned entry when its response arrives. */
  send(slot: string, value: Draft): Save {
    const save: Save = { value };
    const saves = this.slots.get(slot) ?? [];
    saves.push(save);
    this.slots.set(slot, saves);
    return save;
  }

  /** How many saves this slot has been sent, so each one's value can differ from the last. */
  sentTo(slot: string): number {
    return this.slots.get(slot)?.length ?? 0;
  }

  check(stored: ReadonlyMap<string, unknown>): LedgerCheck {
    let acknowledged = 0;
    const mismatches: LedgerCheck["mismatches"] = [];
    for (const [slot, saves] of this.slots) {
      const ok = (s: Save) => s.status !== undefined && s.status >= 200 && s.status < 300;
      acknowledged += saves.filter(ok).length;
      const last = saves.findLastIndex(ok);
      const allowed = saves
        .slice(Math.max(last, 0))
        .filter((s, i) => (i === 0 && last >= 0) || s.status === undefined)
        .map((s) => s.value);
      const value = stored.get(slot) ?? null;
      const fine = allowed.some((v) => isDeepStrictEqual(v, value)) || (last < 0 && value === null);
      if (!fine) mismatches.push({ slot, expected: allowed, stored: value });
    }
    return { slots: this.slots.size, acknowledged, mismatches };
  }
}
