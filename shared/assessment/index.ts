/** Public surface of the assessment model: zod schemas are the truth for forms, IPC and bundles. */
export * from './ids';
export * from './evaluation';
export * from './answer';
export * from './revision';
export * from './evidence';
export * from './limits';
export * from './team';
export * from './audit';
export * from './snapshot';
export * from './support';
export * from './indicator-list';
