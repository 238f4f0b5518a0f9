import { useState, type FormEvent } from "react";
import { ErrorSummary } from "../../../components/ui/error-summary";
import { SubmitButton } from "../../../components/ui/submit-button";
import { TextField } from "../../../components/ui/text-field";
import { ApiError } from "../../../lib/api-client";
import { formErrorsFromDetails, useFormFailure } from "../../../lib/form-errors";
import { useSaveStudySettings, useStudySettings, type StudySettings } from "../api/flashcards";
import { FlashcardsNav } from "../components/flashcards-nav";
import "../flashcards.css";
import { LoadError, Loading } from "../../../components/ui/page-status";

const FIELD_IDS = {
  desiredRetention: "desired-retention",
  newCardsPerDay: "new-cards",
  interviewDate: "interview-date",
  timeZone: "time-zone",
};
const LABELS = {
  desiredRetention: "Desired retention",
  newCardsPerDay: "New cards per day",
  interviewDate: "Interview date",
  timeZone: "Time zone",
};

/** The calendar day in a time zone, as YYYY-MM-DD (Canada's locale writes dates that way). */
const dayIn = (timeZone: string, date = new Date()) => date.toLocaleDateString("en-CA", { timeZone });

/** An interview can be booked from today (in the chosen zone) to two years ahead, as the server accepts. */
function interviewRange(timeZone: string): { min: string; max: string } {
  const later = new Date();
  later.setFullYear(later.getFullYear() + 2);
  return { min: dayIn(timeZone), max: dayIn(timeZone, later) };
}

function timeZones(current: string): string[] {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return [...new Set(["UTC", current, ...zones])];
}

export function SettingsRoute() {
  const settings = useStudySettings();
  return (
    <>
      <title>Flashcard settings · Watermark</title>
      <FlashcardsNav />
      <div className="page-heading">
        <h1>Study settings</h1>
        <p className="lede">How hard the scheduler works for you, and the day it is working towards.</p>
      </div>
      {settings.isPending ? (
        <Loading>Loading your settings…</Loading>
      ) : settings.isError ? (
        <LoadError what="your settings" error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <SettingsForm initial={settings.data} />
      )}
    </>
  );
}

function SettingsForm({ initial }: { initial: StudySettings }) {
  const save = useSaveStudySettings();
  const form = useFormFailure();
  const [saved, setSaved] = useState(false);
  // A later successful save clears the previous failure.
  const failure = saved ? null : form.failure;
  const fieldError = (name: string) => (saved ? undefined : form.fieldError(name));
  const fail = form.fail;
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  // Someone who never chose a zone most likely lives in the browser's.
  const [timeZone, setTimeZone] = useState(initial.timeZone === "UTC" && browserZone ? browserZone : initial.timeZone);
  const [retention, setRetention] = useState(String(Math.round(initial.desiredRetention * 100)));
  const [newPerDay, setNewPerDay] = useState(String(initial.newCardsPerDay));
  const [interviewDate, setInterviewDate] = useState(initial.interviewDate ?? "");
  const range = interviewRange(timeZone);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    setSaved(false);
    if (interviewDate && (interviewDate < range.min || interviewDate > range.max)) {
      const message =
        interviewDate < range.min
          ? "Interview date has passed: pick today or a later day, or clear it"
          : "Interview date must be within two years";
      fail({ fields: { interviewDate: message } });
      return;
    }
    const body: StudySettings = {
      desiredRetention: Number(retention) / 100,
      newCardsPerDay: Number(newPerDay),
      interviewDate: interviewDate || null,
      timeZone,
    };
    save.mutate(body, {
      onSuccess: () => setSaved(true),
      onError: (error) => {
        if (error instanceof ApiError && error.details.length) {
          const errors = formErrorsFromDetails(error.details, LABELS);
          if (errors.fields.desiredRetention)
            errors.fields.desiredRetention = "Desired retention must be between 80 and 97 percent";
          fail(errors);
        } else fail({ message: error.message, fields: {} });
      },
    });
  };

  return (
    <form className="form card fc-settings" onSubmit={onSubmit} noValidate>
      {failure && <ErrorSummary key={failure.attempt} errors={failure.errors} fieldIds={FIELD_IDS} />}
      <TextField
        id={FIELD_IDS.desiredRetention}
        name="desiredRetention"
        label="Desired retention (%)"
        hint="How likely you want to be to remember a card when it comes back: 80–97. Higher means more reviews."
        type="number"
        inputMode="numeric"
        min={80}
        max={97}
        step={1}
        value={retention}
        onChange={(e) => setRetention(e.target.value)}
        error={fieldError("desiredRetention")}
      />
      <TextField
        id={FIELD_IDS.newCardsPerDay}
        name="newCardsPerDay"
        label="New cards per day"
        hint="How many cards you have never seen are introduced each day (cards from your missed points come first)."
        type="number"
        inputMode="numeric"
        min={0}
        max={500}
        value={newPerDay}
        onChange={(e) => setNewPerDay(e.target.value)}
        error={fieldError("newCardsPerDay")}
      />
      <div>
        <TextField
          id={FIELD_IDS.interviewDate}
          name="interviewDate"
          label="Interview date (optional)"
          hint={
            "From today up to two years ahead. No card is scheduled past this day, and the cards you are least " +
            "likely to remember on the day come first."
          }
          type="date"
          min={range.min}
          max={range.max}
          value={interviewDate}
          onChange={(e) => setInterviewDate(e.target.value)}
          error={fieldError("interviewDate")}
        />
        {interviewDate && (
          <button
            type="button"
            className="button button-secondary button-small fc-clear-date"
            onClick={() => setInterviewDate("")}
          >
            Clear interview date
          </button>
        )}
      </div>
      <div className={fieldError("timeZone") ? "field field-invalid" : "field"}>
        <label className="field-label" htmlFor={FIELD_IDS.timeZone}>
          Time zone
        </label>
        <p className="field-hint" id="time-zone-hint">
          Your study day starts at midnight here.
        </p>
        <select
          id={FIELD_IDS.timeZone}
          name="timeZone"
          className="input"
          aria-describedby="time-zone-hint"
          value={timeZone}
          onChange={(e) => setTimeZone(e.target.value)}
        >
          {timeZones(timeZone).map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </select>
      </div>
      <div className="actions">
        <SubmitButton busy={save.isPending} busyText="Saving your settings" block={false}>
          Save settings
        </SubmitButton>
      </div>
      <p role="status" className="inline-status">
        {saved ? "Settings saved." : ""}
      </p>
    </form>
  );
}
