export * from './vocabulary.js';
export * from './output.js';
