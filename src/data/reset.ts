/** For tests: forget everything the data layer has loaded or reported. */
import { catalogueResource } from './catalogue';
import { configResource } from './config';
import { clearNotices } from './notices';
import { planResource } from './plans';
import { resetProjectParts } from './project-parts';
import { projectsResource, searchResource } from './tables';
import { searchShardResource, searchTopResource } from './search';

export function resetDataLayer(): void {
  for (const r of [catalogueResource, planResource, searchResource, projectsResource, searchTopResource, searchShardResource]) r.reset();
  resetProjectParts();
  configResource.reset();
  clearNotices();
}
