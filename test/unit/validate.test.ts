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
    const output = execFileSync('npx', ['tsx', 'scripts/validate-plans.ts'], {
      cwd: root,
      env: { ...process.env, ATLAS_DATA: dataDir },
      encoding: 'utf8',
      stdio: 'pipe',
    });
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
    const valid = /(\d+) plan\(s\) valid: (.*);/.exec(output);
    expect(valid?.[1]).toBe('3');
    for (const id of ['yunnan', 'lincang', 'menghai']) expect(valid?.[2]).toContain(`${id} (`);
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
      replaceIn(file, 'presentation:\n', 'presentation:\n  chapters:\n    - { title: 测试, caption: 编造的说明文字, features: [shuangjiang-nowhere] }\n');
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

  it('catches what the build would reject: unknown county codes, rivers and linked plans', () => {
    const data = brokenCopy((d) => {
      replaceIn(join(d, 'qujing/plan.yaml'), 'county: "530302"', 'county: "539999"');
      replaceIn(join(d, 'yunnan/plan.yaml'), 'river: 澜沧江', 'river: 不存在的江');
      replaceIn(join(d, 'menghai/plan.yaml'), 'parent: { plan: yunnan', 'parent: { plan: atlantis');
    });
    const { code, output } = validate(data);
    expect(code).toBe(1);
    expect(output).toMatch(/data\/qujing\/plan\.yaml: projects [a-z0-9-]+ “[^”]+”: county: no county or prefecture 539999/);
    expect(output).toMatch(/data\/yunnan\/plan\.yaml: elements [a-z-]+ “[^”]+”: geometry: no river named 不存在的江/);
    expect(output).toMatch(/data\/menghai\/plan\.yaml: plan: parent\.plan: no plan “atlantis” under data\//);
  }, 60_000);

  it('refuses markup in text and files that are not UTF-8', () => {
    const data = brokenCopy((d) => {
      replaceIn(join(d, 'lincang/plan.yaml'), 'title: 临沧市', 'title: <script>alert(1)</script>临沧市');
      const file = join(d, 'menghai/places.yaml');
      writeFileSync(file, Buffer.concat([Buffer.from('places:\n  - { id: x, name: "'), Buffer.from([0xc4, 0xe3, 0xba, 0xc3]), Buffer.from('" }\n')]));
    });
    const { code, output } = validate(data);
    expect(code).toBe(1);
    expect(output).toMatch(/data\/lincang\/plan\.yaml: plan: title: markup \(HTML tags or entities\) is not allowed/);
    expect(output).toMatch(/data\/menghai\/places\.yaml: file: \(encoding\): not valid UTF-8/);
  }, 60_000);

  it('accepts a new plan folder with any slug id, nested by its own parent', () => {
    const data = brokenCopy((d) => {
      cpSync(join(d, 'shuangjiang'), join(d, 'gengma-test'), { recursive: true });
      replaceIn(join(d, 'gengma-test/plan.yaml'), 'id: shuangjiang', 'id: gengma-test');
      replaceIn(join(d, 'gengma-test/plan.yaml'), 'presentation:\n  color:', 'presentation:\n  order: 1\n  old-color:');
      const plan = readFileSync(join(d, 'gengma-test/plan.yaml'), 'utf8').replace(/\n {2}old-color:[^\n]*/, '');
      writeFileSync(join(d, 'gengma-test/plan.yaml'), plan);
    });
    const { code, output } = validate(data);
    expect(output).toMatch(/6 plan\(s\) valid: .*gengma-test \(/);
    expect(code).toBe(0);
  }, 60_000);
});
