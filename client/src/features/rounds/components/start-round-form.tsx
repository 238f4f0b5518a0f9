import { useState, type FormEvent } from "react";
import { useNavigate } from "react-router";
import { CheckGroup } from "../../../components/ui/check-group";
import { ErrorSummary } from "../../../components/ui/error-summary";
import { SubmitButton } from "../../../components/ui/submit-button";
import { TextField } from "../../../components/ui/text-field";
import { ApiError } from "../../../lib/api-client";
import { formErrorsFromDetails, useFormFailure, type FormErrors } from "../../../lib/form-errors";
import {
  DIFFICULTIES,
  DIFFICULTY_LABELS,
  QUESTION_TYPES,
  SECTION_LABELS,
  SECTIONS,
  TYPE_LABELS,
  type Difficulty,
  type QuestionType,
  type Section,
} from "../../../lib/questions";
import { useCreateRound, type CreateRoundInput } from "../api/create-round";
import { RoundInProgress } from "./round-in-progress";

const FIELD_IDS = {
  questionCount: "round-question-count",
  timeLimitSeconds: "round-time-limit",
  sections: "round-sections",
  types: "round-types",
  difficulty: "round-difficulty",
};
const LABELS = {
  questionCount: "Number of questions",
  timeLimitSeconds: "Time limit",
  sections: "Sections",
  types: "Question types",
  difficulty: "Difficulty",
};

/** Brings a person to the form's first field, from elsewhere on the rounds page. */
export function focusStartForm() {
  document.getElementById(FIELD_IDS.questionCount)?.focus();
}

export function StartRoundForm() {
  const create = useCreateRound();
  const navigate = useNavigate();
  const { failure, fail, fieldError } = useFormFailure();
  const [sections, setSections] = useState<Section[]>([]);
  const [types, setTypes] = useState<QuestionType[]>([]);
  const [difficulty, setDifficulty] = useState<Difficulty[]>([]);
  const [openRoundId, setOpenRoundId] = useState<string>();

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (create.isPending) return;
    const form = new FormData(event.currentTarget);
    const parsed = parseNumbers(String(form.get("questionCount") ?? ""), String(form.get("timeLimitMinutes") ?? ""));
    if ("errors" in parsed) {
      fail(parsed.errors);
      return;
    }
    const input: CreateRoundInput = {
      ...parsed,
      // Nothing ticked means "from everything": leave the filter out rather than send an empty list.
      ...(sections.length ? { sections } : {}),
      ...(types.length ? { types } : {}),
      ...(difficulty.length ? { difficulty } : {}),
    };
    setOpenRoundId(undefined);
    create.mutate(input, {
      onSuccess: (round) => void navigate(`/rounds/${round.id}`),
      onError: (error) => {
        const open = error instanceof ApiError && error.code === "round_in_progress" ? error.roundId : undefined;
        if (open) setOpenRoundId(open);
        else fail(createErrors(error));
      },
    });
  }

  return (
    <form className="form" noValidate onSubmit={handleSubmit}>
      {failure && <ErrorSummary key={failure.attempt} errors={failure.errors} fieldIds={FIELD_IDS} />}
      {openRoundId && <RoundInProgress id={openRoundId} />}
      <div className="form-row">
        <TextField
          id={FIELD_IDS.questionCount}
          name="questionCount"
          label={LABELS.questionCount}
          hint="From 1 to 30."
          type="number"
          inputMode="numeric"
          min={1}
          max={30}
          step={1}
          defaultValue="10"
          error={fieldError("questionCount")}
        />
        <TextField
          id={FIELD_IDS.timeLimitSeconds}
          name="timeLimitMinutes"
          label="Time limit (minutes)"
          hint="Up to 120."
          type="number"
          inputMode="decimal"
          min={1}
          max={120}
          step="any"
          defaultValue="20"
          error={fieldError("timeLimitSeconds")}
        />
      </div>
      <CheckGroup
        legend={LABELS.sections}
        hint="Leave them all unticked to draw from every section."
        idPrefix={FIELD_IDS.sections}
        name="sections"
        options={SECTIONS}
        labels={SECTION_LABELS}
        selected={sections}
        onChange={setSections}
      />
      <CheckGroup
        legend={LABELS.types}
        hint="Leave them all unticked for a mix."
        idPrefix={FIELD_IDS.types}
        name="types"
        options={QUESTION_TYPES}
        labels={TYPE_LABELS}
        selected={types}
        onChange={setTypes}
      />
      <CheckGroup
        legend={LABELS.difficulty}
        idPrefix={FIELD_IDS.difficulty}
        name="difficulty"
        options={DIFFICULTIES}
        labels={DIFFICULTY_LABELS}
        selected={difficulty}
        onChange={setDifficulty}
      />
      <div className="actions">
        <SubmitButton busy={create.isPending} busyText="Starting your round…" block={false}>
          Start round
        </SubmitButton>
      </div>
    </form>
  );
}

function parseNumbers(
  countText: string,
  minutesText: string,
): Pick<CreateRoundInput, "questionCount" | "timeLimitSeconds"> | { errors: FormErrors } {
  const fields: Record<string, string> = {};
  const questionCount = Number(countText);
  if (countText.trim() === "" || !Number.isInteger(questionCount) || questionCount < 1 || questionCount > 30) {
    fields.questionCount = "Enter a whole number of questions from 1 to 30";
  }
  const minutes = Number(minutesText);
  const timeLimitSeconds = Math.round(minutes * 60);
  // The server takes 10 s to 2 h; fractions of a minute are allowed for anyone who wants a very short drill.
  if (minutesText.trim() === "" || !Number.isFinite(minutes) || timeLimitSeconds < 10 || timeLimitSeconds > 7200) {
    fields.timeLimitSeconds = "Enter a time limit from 1 to 120 minutes";
  }
  return Object.keys(fields).length ? { errors: { fields } } : { questionCount, timeLimitSeconds };
}

function createErrors(error: Error): FormErrors {
  if (!(error instanceof ApiError)) return { message: "Something went wrong. Please try again.", fields: {} };
  const tooFew = error.details.find((d) => d.path === "questionCount" && /only \d+/i.test(d.message));
  if (tooFew) {
    const available = /only (\d+)/i.exec(tooFew.message)?.[1] ?? "a few";
    return {
      fields: {
        questionCount: `Only ${available} question${available === "1" ? "" : "s"} match these filters. Ask for fewer, or tick more sections, types or difficulties.`,
      },
    };
  }
  if (error.details.length > 0) return formErrorsFromDetails(error.details, LABELS);
  return { message: error.message, fields: {} };
}
