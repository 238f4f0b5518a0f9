import { AppError } from "../http/index.ts";

/** A follow-up asked for before its parent was answered: the error names the parent, so a client can offer it. */
class ParentNotAnsweredError extends AppError {
  constructor(
    slug: string,
    readonly parent: string,
  ) {
    super("parent_not_answered", `${slug} follows up ${parent}; answer ${parent} first`);
  }

  override toJSON() {
    const { error } = super.toJSON();
    return { error: { ...error, parent: this.parent } };
  }
}

export const parentNotAnswered = (slug: string, parent: string) => new ParentNotAnsweredError(slug, parent);
