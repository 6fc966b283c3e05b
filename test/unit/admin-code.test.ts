/** A county code in a plan: a wrong one is told what is wrong with it. */
import { describe, expect, it } from 'vitest';
import { adminCode } from '../../src/lib/plan-schema';

const message = (code: string) => adminCode.safeParse(code).error?.issues[0]?.message;

describe('county codes', () => {
  it('tells six digits outside Yunnan that they are not Yunnan’s, not that they must be six digits', () => {
    expect(message('999999')).toMatch(/not a county or prefecture of Yunnan/);
    expect(message('999999')).not.toMatch(/six-digit/);
  });

  it('tells a code of the wrong length that it must be six digits, and accepts a Yunnan code', () => {
    expect(message('53092')).toMatch(/six-digit/);
    expect(adminCode.safeParse('530925').success).toBe(true);
  });
});
