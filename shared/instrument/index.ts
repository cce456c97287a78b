/** Public surface of the instrument module. */
export * from './schema';
export * from './validate';
export * from './tree';
export * from './packs';
export * from './value';
export * from './source-text';
export * from './roles';
export * from './formula';
