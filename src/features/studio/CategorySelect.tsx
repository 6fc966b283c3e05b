/** The studio's choice of a project category, named in the interface language. */
import { type Category, categories } from '../../lib/vocabulary';
import { ChoiceSelect } from '../../ui/ChoiceSelect';
import { useStudioStrings } from './strings';

/** A select of the vocabulary's project categories; `id` is the one its `<label htmlFor>` names. */
export function CategorySelect({ id, value, onChange }: { id: string; value: Category; onChange: (category: Category) => void }) {
  const t = useStudioStrings();
  return <ChoiceSelect id={id} value={value} onChange={onChange} choices={categories.map((c) => ({ value: c, label: t.categoryNames[c] }))} />;
}
