/**
 * localStorage that never throws: private windows, full quotas and blocked storage all raise on access, and losing
 * a local copy must not take the page down with it (the server copy is the one that counts).
 */
export const localStore = {
  read<T>(key: string): T | undefined {
    try {
      const raw = window.localStorage.getItem(key);
      return raw === null ? undefined : (JSON.parse(raw) as T);
    } catch {
      return undefined;
    }
  },
  write(key: string, value: unknown): void {
    try {
      window.localStorage.setItem(key, JSON.stringify(value));
    } catch {
      // Nothing better to do: the autosave to the server still runs.
    }
  },
  remove(key: string): void {
    try {
      window.localStorage.removeItem(key);
    } catch {
      // As above.
    }
  },
  /** Removes every key starting with `prefix`. */
  removeAll(prefix: string): void {
    try {
      const keys: string[] = [];
      for (let i = 0; i < window.localStorage.length; i++) {
        const key = window.localStorage.key(i);
        if (key?.startsWith(prefix)) keys.push(key);
      }
      keys.forEach((key) => window.localStorage.removeItem(key));
    } catch {
      // As above.
    }
  },
};
