import { AppError } from "../http/index.ts";

/**
 * A follow-up asked for before its parent was answered: `parent` names the parent's slug, so a client can offer it;
 * the message is for a person, who knows questions by what they ask, not by slug.
 */
class ParentNotAnsweredError extends AppError {
  constructor(readonly parent: string) {
    super("parent_not_answered", "This question follows up another one: answer that one first");
  }

  override toJSON() {
    const { error } = super.toJSON();
    return { error: { ...error, parent: this.parent } };
  }
}

export const parentNotAnswered = (parent: string) => new ParentNotAnsweredError(parent);
