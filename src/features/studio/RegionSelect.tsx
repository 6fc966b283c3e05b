/** The studio's choice of a county (or prefecture) by its code, and the counties a plan's items may lie in. */
import type { BaseGeo } from '../../compiler/base-geo';
import { ChoiceSelect } from '../../ui/ChoiceSelect';
import { regionOptions } from './ExtentEditor';

/** A region as the selects list it: its code and its name. */
export interface RegionOption {
  code: string;
  name: string;
}

/**
 * The counties inside a plan's region, from the base geography: a county plan's items lie in its county, a city's in
 * its counties, the province's anywhere in Yunnan (also when the plan has no region yet).
 */
export function countiesIn(base: BaseGeo | undefined, region = '530000'): RegionOption[] {
  const prefix = region.endsWith('0000') ? '53' : region.endsWith('00') ? region.slice(0, 4) : region;
  return regionOptions(base).filter((r) => !r.code.endsWith('00') && r.code.startsWith(prefix));
}

interface Props {
  /** The id its `<label htmlFor>` names. */
  id: string;
  /** The chosen code, or '' before one is chosen (shown as “—”). */
  value: string;
  onChange: (code: string) => void;
  options: readonly RegionOption[];
  /** Shows each region's code after its name (where names alone may be ambiguous to the planner). */
  withCode?: boolean;
}

/** A select of regions by code, with an empty first choice: nothing is chosen for the planner. */
export function RegionSelect({ id, value, onChange, options, withCode = false }: Props) {
  const choices = options.map((r) => ({ value: r.code, label: withCode ? `${r.name} ${r.code}` : r.name }));
  return <ChoiceSelect id={id} value={value} onChange={onChange} choices={choices} empty="—" />;
}
