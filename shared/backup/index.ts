/**
 * Public surface of the pure backup module: the file format of a full database backup (entry
 * names, manifest schema), the row checks a restore runs before it writes, and the restore plan
 * the preview shows. The zip I/O and the database side live in renderer/src/db/backup.ts.
 */
export * from './errors';
export * from './format';
export * from './manifest';
export * from './tables';
export * from './plan';
