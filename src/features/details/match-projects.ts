import type { AtlasFeature } from '../../lib/atlas-data';

/**
 * Pairs the project phrases an element lists with the project points on the map: the same name, or a
 * name one contains the other of (the plan often writes 德泽温泉康养小镇 in one place and 德泽温泉 in another).
 */
export function matchProjects(phrases: string[], features: AtlasFeature[]): { phrase: string; feature?: AtlasFeature }[] {
  const projects = features.filter((f) => f.properties.role === 'project');
  return phrases.map((phrase) => {
    const exact = projects.find((f) => f.properties.name === phrase);
    const loose = exact ?? projects.find((f) => f.properties.name.length >= 4 && (phrase.includes(f.properties.name) || f.properties.name.includes(phrase)));
    return loose ? { phrase, feature: loose } : { phrase };
  });
}
