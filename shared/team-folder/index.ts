/** The team folder's pure rules (issue 15): names, which files to read, the coordinator's queue. */
export * from './names';
export * from './passes';
export * from './queue';
