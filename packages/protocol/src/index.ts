/**
 * `@parley/protocol`: the one contract between the Parley server, the widget and the console.
 * Import narrower subpaths (`@parley/protocol/events`, `@parley/protocol/redact`) in bundles that
 * count their bytes; everything here is tree-shakable either way.
 */
export * from './errors.js';
export * from './events/index.js';
export * from './limits.js';
export * from './locales.js';
export * from './regex.js';
export * from './rest/index.js';
export * from './schemas/index.js';
export * from './validate.js';
export * from './version.js';
export * from './xPostLength.js';
