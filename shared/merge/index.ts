/** Public surface of the merge: analyse, settle conflicts, apply, and the Berita Acara content. */
export * from './types';
export * from './analyze';
export * from './apply';
export * from './prefer';
export * from './minutes';
export * from './value-text';
export * from './tombstones';
export * from './unite';
export * from './import-update';
