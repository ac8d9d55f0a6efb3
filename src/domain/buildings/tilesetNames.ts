/** The tileset `npm start` builds from the embedded default city, served as `tiles/default/`. */
export const DEFAULT_BUILDINGS_TILESET = 'default';
