/** Validation on broken plans, as `npm run validate` runs it: each problem names the file, the feature and the field. */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { compile, editedCopy, planFolders, replaceIn } from './compile';

/** Builds an edited copy of data/: its problems, and the plans it still builds. */
function validate(edit: (dataDir: string) => void): { problems: string[]; valid: string[] } {
  const { plans, problems } = compile(editedCopy(edit));
  return { problems, valid: plans.map((p) => p.meta.id) };
}
const output = (r: { problems: string[] }) => r.problems.join('\n');

describe('validation', () => {
  it('passes on the real data, every plan folder built', () => {
    const { problems, plans } = inject('realBuild');
    expect(problems).toEqual([]);
    expect([...plans].sort()).toEqual(planFolders().sort());
  });

  it('names file, feature and field, and keeps the other plans', () => {
    const r = validate((d) => {
      replaceIn(join(d, 'shuangjiang/plan.yaml'), 'role: zone', 'role: zonee');
      replaceIn(join(d, 'qujing/plan.yaml'), 'formula: "“中心”引领、“多点”协同"', 'formula: 凭空捏造的布局');
    });
    expect(output(r)).toMatch(/data\/shuangjiang\/plan\.yaml: elements\[\d+\] zone-mengku “[^”]+”: role: /);
    expect(output(r)).toMatch(/data\/qujing\/plan\.yaml: plan: formula: not found verbatim in seed/);
    expect(r.valid.sort()).toEqual(
      planFolders()
        .filter((id) => id !== 'shuangjiang' && id !== 'qujing')
        .sort(),
    );
  });

  it('reports a YAML syntax error with its file', () => {
    const r = validate((d) => writeFileSync(join(d, 'menghai/plan.yaml'), 'id: menghai\ntitle: [unclosed\n'));
    expect(output(r)).toMatch(/data\/menghai\/plan\.yaml: file: \(syntax\)/);
    expect(r.valid).not.toContain('menghai');
  });

  it('holds chapter captions in the data to the seed, and their features to the plan', () => {
    const r = validate((d) =>
      replaceIn(
        join(d, 'shuangjiang/plan.yaml'),
        'presentation:\n',
        'presentation:\n  chapters:\n    - { title: 测试, caption: 编造的说明文字, features: [shuangjiang-nowhere] }\n',
      ),
    );
    expect(output(r)).toMatch(/data\/shuangjiang\/plan\.yaml: presentation\.chapters\[0\] “测试”: caption: not found verbatim/);
    expect(output(r)).toMatch(/presentation\.chapters\[0\] “测试”: features\[0\]: unknown feature “shuangjiang-nowhere”/);
  });

  it('reports a reference to a place that does not exist', () => {
    const r = validate((d) => replaceIn(join(d, 'shuangjiang/plan.yaml'), 'place: mengmeng', 'place: nowhere-town'));
    expect(output(r)).toMatch(/data\/shuangjiang\/plan\.yaml: elements\[\d+\] [a-z-]+ “[^”]+”: geometry\.place: unknown place “nowhere-town”/);
  });

  it('catches what the build would reject: unknown county codes, rivers and linked plans', () => {
    const r = validate((d) => {
      replaceIn(join(d, 'qujing/plan.yaml'), 'county: "530302"', 'county: "539999"');
      replaceIn(join(d, 'yunnan/plan.yaml'), 'river: 澜沧江', 'river: 不存在的江');
      replaceIn(join(d, 'menghai/plan.yaml'), 'parent: { plan: yunnan', 'parent: { plan: atlantis');
    });
    expect(output(r)).toMatch(/data\/qujing\/plan\.yaml: projects [a-z0-9-]+ “[^”]+”: county: no county or prefecture 539999/);
    expect(output(r)).toMatch(/data\/yunnan\/plan\.yaml: elements [a-z-]+ “[^”]+”: geometry: no river named 不存在的江/);
    expect(output(r)).toMatch(/data\/menghai\/plan\.yaml: plan: parent\.plan: no plan “atlantis” under data\//);
  });

  it('refuses markup in text and files that are not UTF-8', () => {
    const r = validate((d) => {
      replaceIn(join(d, 'lincang/plan.yaml'), 'title: 临沧市', 'title: <script>alert(1)</script>临沧市');
      const file = join(d, 'menghai/places.yaml');
      writeFileSync(file, Buffer.concat([Buffer.from('places:\n  - { id: x, name: "'), Buffer.from([0xc4, 0xe3, 0xba, 0xc3]), Buffer.from('" }\n')]));
    });
    expect(output(r)).toMatch(/data\/lincang\/plan\.yaml: plan: title: markup \(HTML tags or entities\) is not allowed/);
    expect(output(r)).toMatch(/data\/menghai\/places\.yaml: file: \(encoding\): not valid UTF-8/);
  });

  it('accepts a new plan folder with any slug id, nested by its own parent', () => {
    const r = validate((d) => {
      cpSync(join(d, 'shuangjiang'), join(d, 'gengma-test'), { recursive: true });
      replaceIn(join(d, 'gengma-test/plan.yaml'), 'id: shuangjiang', 'id: gengma-test');
      replaceIn(join(d, 'gengma-test/plan.yaml'), 'presentation:\n  color:', 'presentation:\n  order: 1\n  old-color:');
      const plan = readFileSync(join(d, 'gengma-test/plan.yaml'), 'utf8').replace(/\n {2}old-color:[^\n]*/, '');
      writeFileSync(join(d, 'gengma-test/plan.yaml'), plan);
    });
    expect(r.problems).toEqual([]);
    expect(r.valid.sort()).toEqual([...planFolders(), 'gengma-test'].sort());
  });
});
