export * from './hostileCases.js';
export * from './samples.js';
