/**
 * `compute`'s result, computed on first call and kept. Also keeps a named inner closure off the grading path:
 * `npm start` runs under tsx, whose esbuild keepNames wraps every closure bound to a name in `__name`
 * (an Object.defineProperty per creation), measurable when it happens several times per answer.
 */
export function lazily<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value;
  };
}
