/** Reads the committed base layers (public/geo/base) from disk for the compiler. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BaseGeo, type BaseGeoFiles, baseGeoFileNames, baseGeoFrom } from '../../src/compiler/base-geo';

export function readBaseGeo(baseDir: string): BaseGeo {
  const read = (key: keyof BaseGeoFiles) => JSON.parse(readFileSync(join(baseDir, baseGeoFileNames[key]), 'utf8'));
  return baseGeoFrom({ topology: read('topology'), hydro: read('hydro'), context: read('context'), labels: read('labels') });
}
