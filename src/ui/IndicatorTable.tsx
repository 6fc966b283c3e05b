import type { PlanMeta } from '../lib/atlas-data';

export interface IndicatorLabels {
  indicators: string;
  /** The table's scrolling box: a landmark of its own, so named apart from the section that holds it. */
  indicatorsTable: string;
  indicator: string;
  baseline: string;
  target: string;
  nature: string;
}

/** The plan's indicator table, grouped as the plan groups it, 2020 → 2025. */
export function IndicatorTable({ plan, labels: t }: { plan: Pick<PlanMeta, 'indicators'>; labels: IndicatorLabels }) {
  const groups = [...new Set(plan.indicators.map((i) => i.group ?? ''))];
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={t.indicatorsTable}>
      <table className="indicators">
        <thead>
          <tr>
            <th scope="col">{t.indicator}</th>
            <th scope="col" className="num">
              {t.baseline}
            </th>
            <th scope="col" className="arrow" aria-hidden="true" />
            <th scope="col" className="num">
              {t.target}
            </th>
            <th scope="col">{t.nature}</th>
          </tr>
        </thead>
        {groups.map((group) => (
          <tbody key={group}>
            {group && (
              <tr className="group-row">
                <th colSpan={5} scope="colgroup" lang="zh-CN">
                  {group}
                </th>
              </tr>
            )}
            {plan.indicators
              .filter((i) => (i.group ?? '') === group)
              .map((i) => (
                <tr key={`${group}-${i.name}`}>
                  <th scope="row" lang="zh-CN">
                    {i.name}
                    {i.unit && <span className="unit">（{i.unit}）</span>}
                  </th>
                  <td className="num">{i.baseline}</td>
                  <td className="arrow" aria-hidden="true">
                    →
                  </td>
                  <td className="num strong">{i.target}</td>
                  <td lang="zh-CN">
                    <span className={`nature nature--${i.nature === '约束性' ? 'binding' : 'expected'}`}>{i.nature ?? ''}</span>
                  </td>
                </tr>
              ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
