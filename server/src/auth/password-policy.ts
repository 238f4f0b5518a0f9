import type { ZxcvbnFactory } from "@zxcvbn-ts/core";

/**
 * zxcvbn's score runs 0–4; 3 ("safely unguessable", about 10^8 guesses or more) is what its authors suggest for
 * accounts behind a slow hash such as argon2id. The length rule (10–200) lives in the request schema.
 */
const MIN_STRENGTH_SCORE = 3;

/**
 * zxcvbn's matching grows steeply with length and with l33t-like characters: with its defaults a 200-character
 * password of digits and symbols takes seconds of CPU. Judging the first 64 characters and trying few l33t
 * substitutions keeps the worst case near a tenth of a second and still catches p@ssw0rd-style passwords.
 */
const ANALYSED_LENGTH = 64;
const L33T_SUBSTITUTIONS = 5;

let checker: Promise<ZxcvbnFactory> | undefined;

/** The dictionaries take about a quarter of a second and 12 MB to load, so they are loaded once per process. */
function strengthChecker(): Promise<ZxcvbnFactory> {
  checker ??= Promise.all([
    import("@zxcvbn-ts/core"),
    import("@zxcvbn-ts/language-common"),
    import("@zxcvbn-ts/language-en"),
  ]).then(
    ([{ ZxcvbnFactory }, common, en]) =>
      new ZxcvbnFactory({
        dictionary: { ...common.dictionary, ...en.dictionary },
        graphs: common.adjacencyGraphs,
        maxLength: ANALYSED_LENGTH,
        l33tMaxSubstitutions: L33T_SUBSTITUTIONS,
        // zxcvbn's own wording ("personal or page related data") would puzzle someone signing up.
        translations: {
          ...en.translations,
          warnings: { ...en.translations.warnings, userInputs: "It is built from your email address or name." },
        },
      }),
  );
  return checker;
}

/** Starts loading the dictionaries at start-up, so the first sign-up does not wait; a failure is retried on use. */
export function preloadPasswordPolicy(): void {
  strengthChecker().catch(() => {
    checker = undefined;
  });
}

/** What the account itself gives away: a password built from these is the first thing an attacker tries. */
function personalWords(user: { email: string; displayName: string }): string[] {
  const [local = "", domain = ""] = user.email.split("@");
  const name = user.displayName;
  const squeeze = (s: string) => s.replace(/[^\p{L}\p{N}]+/gu, "");
  const words = [user.email, local, squeeze(local), ...local.split(/[^\p{L}\p{N}]+/u), domain, ...domain.split(".")];
  words.push(name, squeeze(name), ...name.split(/\s+/));
  return [...new Set(words.map((w) => w.toLowerCase()).filter((w) => w.length >= 3))];
}

const sentence = (text: string) => (text.endsWith(".") ? text : `${text}.`);

/** Why the password is too weak for this account, or undefined when it is fine. */
export async function passwordWeakness(
  password: string,
  user: { email: string; displayName: string },
): Promise<string | undefined> {
  if (password.toLowerCase().includes(user.email.toLowerCase())) return "Password must not contain your email address.";
  const result = (await strengthChecker()).check(password, personalWords(user));
  if (result.score >= MIN_STRENGTH_SCORE) return undefined;
  const { warning, suggestions } = result.feedback;
  const why = warning ? ` ${sentence(warning)}` : "";
  const advice = suggestions[0] ? ` ${sentence(suggestions[0])}` : " A few unusual words together work well.";
  return `Password is too easy to guess.${why}${advice}`;
}
