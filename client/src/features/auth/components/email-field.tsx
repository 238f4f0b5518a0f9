import { TextField } from "../../../components/ui/text-field";

/** The account's email: never capitalised or spell-checked, so what was typed is what is sent. */
export function EmailField({ id, label, error }: { id: string; label: string; error?: string }) {
  return (
    <TextField
      id={id}
      name="email"
      type="email"
      label={label}
      autoComplete="email"
      autoCapitalize="none"
      spellCheck={false}
      error={error}
    />
  );
}
