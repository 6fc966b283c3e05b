/** A `<select>` over a list of choices, optionally with an empty first choice: the one shape of the studio's selects. */

/** One choice: the value kept and the words shown. */
export interface Choice<V extends string> {
  value: V;
  label: string;
}

interface Props<V extends string> {
  /** The id its `<label htmlFor>` names. */
  id: string;
  value: V | '';
  onChange: (value: V) => void;
  choices: readonly Choice<V>[];
  /** The words of an empty first choice (value ''), when nothing need be chosen; none when one must. */
  empty?: string | undefined;
  disabled?: boolean | undefined;
}

/** The select, with the choices in the order given. */
export function ChoiceSelect<V extends string>({ id, value, onChange, choices, empty, disabled }: Props<V>) {
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value as V)} disabled={disabled}>
      {empty !== undefined && <option value="">{empty}</option>}
      {choices.map((c) => (
        <option key={c.value} value={c.value}>
          {c.label}
        </option>
      ))}
    </select>
  );
}
