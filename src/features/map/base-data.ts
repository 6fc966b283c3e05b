/** The base geography lives in the data layer (the project book draws from it too); the map reads it from there. */
export { loadBaseData, onBaseData } from '../../data/base-geo';
