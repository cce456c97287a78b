/**
 * Public surface of the pure bundle module (.spbe exchange format). The zip I/O lives in
 * `shared/bundle/zip` (its own TypeScript project, for web stream types).
 */
export * from './errors';
export * from './format';
export * from './entries';
export * from './limits';
export * from './manifest';
export { nobleSha256, sha256Hex, type HashFactory, type IncrementalHash } from '../hash/sha256';
export * from './progress';
export * from './scope';
export * from './validate';
export * from './import-plan';
