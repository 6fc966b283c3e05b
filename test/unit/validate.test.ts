// @vitest-environment node
/** `npm run validate` on broken plans: each problem names the file, the feature and the field. */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

function brokenCopy(edit: (dataDir: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-validate-'));
  cpSync(resolve(root, 'data'), join(dir, 'data'), { recursive: true });
  edit(join(dir, 'data'));
  return join(dir, 'data');
}

function validate(dataDir: string): { code: number; output: string } {
  try {
    const output = execFileSync('npx', ['tsx', 'scripts/validate-plans.ts'], { cwd: root, env: { ...process.env, ATLAS_DATA: dataDir }, encoding: 'utf8', stdio: 'pipe' });
    return { code: 0, output };
  } catch (e) {
    const err = e as { status: number; stdout: string; stderr: string };
    return { code: err.status, output: `${err.stderr}${err.stdout}` };
  }
}

const replaceIn = (file: string, from: string, to: string) => {
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`fixture text not found: ${from}`);
  writeFileSync(file, text.replace(from, to));
};

describe('npm run validate', () => {
  it('passes on the real data', () => {
    const { code, output } = validate(resolve(root, 'data'));
    expect(output).toMatch(/5 plan\(s\) valid/);
    expect(code).toBe(0);
  }, 60_000);

  it('names file, feature and field, and keeps the other plans', () => {
    const data = brokenCopy((d) => {
      replaceIn(join(d, 'shuangjiang/plan.yaml'), 'role: zone', 'role: zonee');
      replaceIn(join(d, 'qujing/plan.yaml'), 'formula: "“中心”引领、“多点”协同"', 'formula: 凭空捏造的布局');
    });
    const { code, output } = validate(data);
    expect(code).toBe(1);
    expect(output).toMatch(/data\/shuangjiang\/plan\.yaml: elements\[\d+\] zone-mengku “[^”]+”: role: /);
    expect(output).toMatch(/data\/qujing\/plan\.yaml: plan: formula: not found verbatim in seed/);
    expect(output).toMatch(/3 plan\(s\) valid: lincang .*menghai .*yunnan/);
  }, 60_000);

  it('reports a YAML syntax error with its file', () => {
    const data = brokenCopy((d) => writeFileSync(join(d, 'menghai/plan.yaml'), 'id: menghai\ntitle: [unclosed\n'));
    const { code, output } = validate(data);
    expect(code).toBe(1);
    expect(output).toMatch(/data\/menghai\/plan\.yaml: file: \(syntax\)/);
  }, 60_000);

  it('holds chapter captions in the data to the seed, and their features to the plan', () => {
    const data = brokenCopy((d) => {
      const file = join(d, 'shuangjiang/plan.yaml');
      writeFileSync(file, `${readFileSync(file, 'utf8')}\npresentation:\n  chapters:\n    - { title: 测试, caption: 编造的说明文字, features: [shuangjiang-nowhere] }\n`);
    });
    const { output } = validate(data);
    expect(output).toMatch(/data\/shuangjiang\/plan\.yaml: presentation\.chapters\[0\] “测试”: caption: not found verbatim/);
    expect(output).toMatch(/presentation\.chapters\[0\] “测试”: features\[0\]: unknown feature “shuangjiang-nowhere”/);
  }, 60_000);

  it('reports a reference to a place that does not exist', () => {
    const data = brokenCopy((d) => replaceIn(join(d, 'shuangjiang/plan.yaml'), 'place: mengmeng', 'place: nowhere-town'));
    const { output } = validate(data);
    expect(output).toMatch(/data\/shuangjiang\/plan\.yaml: elements\[\d+\] [a-z-]+ “[^”]+”: geometry\.place: unknown place “nowhere-town”/);
  }, 60_000);
});
