/**
 * The studio's region choice: a plan's items are offered the counties of its own region only, and the select starts
 * on the empty choice, handing back the chosen code.
 */
import { resolve } from 'node:path';
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { countiesIn, RegionSelect } from '../../src/features/studio/RegionSelect';
import { readBaseGeo } from '../../scripts/lib/base-geo';

const base = readBaseGeo(resolve(import.meta.dirname, '../../public/geo/base'));

describe('the studio region choice', () => {
  it('offers a city plan the counties of that city, and the province every county but no prefecture', () => {
    const lincang = countiesIn(base, '530900');
    expect(lincang.length).toBeGreaterThan(0);
    expect(lincang.every((c) => c.code.startsWith('5309') && !c.code.endsWith('00'))).toBe(true);
    const yunnan = countiesIn(base);
    expect(yunnan.length).toBeGreaterThan(lincang.length);
    expect(yunnan.some((c) => c.code.endsWith('00'))).toBe(false);
  });

  it('starts on “—” and hands back the code chosen', () => {
    const onChange = vi.fn();
    render(
      <>
        <label htmlFor="county">县</label>
        <RegionSelect id="county" value="" onChange={onChange} options={countiesIn(base, '530900')} withCode />
      </>,
    );
    const select = screen.getByLabelText<HTMLSelectElement>('县');
    expect(select.selectedOptions[0]?.textContent).toBe('—');
    const option = screen.getAllByRole<HTMLOptionElement>('option')[1]!;
    expect(option.textContent).toMatch(/ 5309\d\d$/);
    fireEvent.change(select, { target: { value: option.value } });
    expect(onChange).toHaveBeenCalledWith(option.value);
  });
});
