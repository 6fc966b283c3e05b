/** The project list by parts, at build time: the summary the list opens on, and which parts a filter needs. */
import { describe, expect, it } from 'vitest';
import { emptyProjectFilters, facetCounts, investmentTotal, type ProjectFilters, projectRows } from '../../src/lib/project-filter';
import {
  facetNeeds,
  listedPerPlan,
  partsOfWindow,
  placeRows,
  projectPartsFor,
  readSummary,
  shortlistParts,
  summariseProjects,
  summaryCount,
  summaryFacetCounts,
  summaryFile,
  summaryInvestment,
} from '../../src/lib/project-summary';
import { fixtureProjects } from './fixtures/projects';

const order = ['prov', 'city', 'county'];
const summary = summariseProjects(fixtureProjects, order, 3);
const filters = (f: Partial<ProjectFilters>): ProjectFilters => ({ ...emptyProjectFilters, ...f });

describe('the project summary', () => {
  it('counts every project, by plan, category, county and element, as the unfiltered list would', () => {
    const counts = facetCounts(projectRows(fixtureProjects, order), emptyProjectFilters);
    expect(summary.total).toBe(10);
    expect(summary.plans).toEqual([
      ['prov', 2],
      ['city', 5],
      ['county', 3],
    ]);
    expect(summary.categories).toEqual(Object.fromEntries(counts.categories));
    expect(summary.counties).toEqual(Object.fromEntries(counts.counties));
    expect(summary.elements).toEqual({ 'city-zone-east': 2 });
    expect(summary.investment).toEqual({ wan: 81000, given: 4, count: 10 });
  });

  it('carries the first page of the default order: plans in tree order, each in its own', () => {
    expect(summary.firstPage.map((r) => r.id)).toEqual(['prov-hospital', 'prov-town', 'city-tcm']);
    expect(summary.firstPage[0]).toEqual(fixtureProjects[0]);
  });

  it('names the plans with projects under each county and prefecture', () => {
    expect(summary.countyPlans.曲靖市).toEqual(['city']);
    expect(summary.countyPlans.双江县).toEqual(['county']);
    expect(summary.countyPlans.昆明市).toEqual(['prov']);
  });

  it('is read back as written, and a malformed one is refused naming the file and field', () => {
    const path = 'geo/projects/summary.json';
    expect(readSummary(path, JSON.parse(JSON.stringify(summaryFile(summary))))).toEqual(summary);
    const broken = { ...JSON.parse(JSON.stringify(summaryFile(summary))), plans: 'all' };
    expect(() => readSummary(path, broken)).toThrow('geo/projects/summary.json: plans');
  });
});

describe('which parts a filter needs', () => {
  it('a plan filter: that plan’s part alone', () => {
    expect(projectPartsFor(filters({ plans: ['county'] }), summary)).toEqual(['county']);
  });

  it('a prefecture or county filter: the plans with projects there', () => {
    expect(projectPartsFor(filters({ counties: ['曲靖市'] }), summary)).toEqual(['city']);
    expect(projectPartsFor(filters({ counties: ['双江县', '五华区'] }), summary)).toEqual(['prov', 'county']);
  });

  it('a layout element: its plan’s part', () => {
    expect(projectPartsFor(filters({ element: 'city-zone-east' }), summary)).toEqual(['city']);
  });

  it('a filter over every plan (text, category): every part', () => {
    expect(projectPartsFor(filters({ query: '医院' }), summary)).toEqual(order);
    expect(projectPartsFor(filters({ categories: ['medical'] }), summary)).toEqual(order);
  });

  it('facet counts come from the summary where the other filters are unset, and need only the filter’s parts', () => {
    const needs = facetNeeds(filters({ plans: ['city'] }), summary);
    expect([...needs.fromSummary]).toEqual(['plans']);
    expect(needs.parts).toEqual(['city']);
    // A category with a plan: the plans' counts (given the category) need every part.
    expect(facetNeeds(filters({ plans: ['city'], categories: ['medical'] }), summary).parts).toEqual(order);
  });

  it('counts with the summary are the counts of the whole table', () => {
    const f = filters({ plans: ['city'] });
    const all = projectRows(fixtureProjects, order);
    const cityOnly = all.filter((r) => r.plan === 'city');
    expect(summaryFacetCounts(cityOnly, f, summary)).toEqual(facetCounts(all, f));
  });

  it('a category filter alone: its count and every facet count are exact from the summary, with no part in', () => {
    const all = projectRows(fixtureProjects, order);
    for (const categories of [['medical'], ['medical', 'eldercare']] as ProjectFilters['categories'][]) {
      const f = filters({ categories });
      expect(summaryCount(f, summary)).toBe(all.filter((r) => categories.includes(r.category)).length);
      expect(summaryFacetCounts([], f, summary)).toEqual(facetCounts(all, f));
      expect(summaryInvestment(f, summary)).toEqual(investmentTotal(all.filter((r) => categories.includes(r.category))));
    }
    // With another filter the summary cannot say.
    expect(summaryCount(filters({ categories: ['medical'], query: '医院' }), summary)).toBeUndefined();
    expect(summaryInvestment(filters({ categories: ['medical'], query: '医院' }), summary)).toBeUndefined();
    expect(summaryCount(filters({}), summary)).toBe(10);
    expect(summaryInvestment(filters({}), summary)).toEqual(summary.investment);
  });

  it('a summary published before categories had their investments says no category total (the rows give it)', () => {
    const old = readSummary(
      'geo/projects/summary.json',
      JSON.parse(JSON.stringify(summaryFile(summary)), (k, v) => (k === 'investment' && !('wan' in v) ? undefined : v)),
    );
    expect(old.byCategory?.medical?.investment).toBeUndefined();
    expect(summaryInvestment(filters({ categories: ['medical'] }), old)).toBeUndefined();
    expect(summaryInvestment(filters({}), old)).toEqual(summary.investment);
  });

  it('lays out a list in the default order from the counts alone: which parts hold a window, and each row’s place', () => {
    expect(listedPerPlan(filters({}), summary)).toEqual(summary.plans);
    expect(listedPerPlan(filters({ categories: ['medical'] }), summary)).toEqual([
      ['prov', 1],
      ['city', 2],
      ['county', 1],
    ]);
    // Another order, or another filter: every row is needed to know.
    expect(listedPerPlan(filters({ sort: 'name' }), summary)).toBeUndefined();
    expect(listedPerPlan(filters({ query: '医院' }), summary)).toBeUndefined();
    // prov holds rows 0–1, city 2–6, county 7–9.
    expect(partsOfWindow(summary.plans, 0, 2)).toEqual(['prov']);
    expect(partsOfWindow(summary.plans, 6, 8)).toEqual(['city', 'county']);
    const county = projectRows(fixtureProjects, order).filter((r) => r.plan === 'county');
    const placed = placeRows(summary.plans, county);
    expect(placed).toHaveLength(10);
    expect(placed.slice(7).map((r) => r?.id)).toEqual(['county-hospital', 'county-spa', 'county-tea']);
    expect(placed.slice(0, 7).every((r) => r === undefined)).toBe(true);
  });

  it('a shortlist: the parts of the plans its projects belong to', () => {
    expect(shortlistParts(['county-tea', 'prov-town'], summary)).toEqual(['prov', 'county']);
  });
});
