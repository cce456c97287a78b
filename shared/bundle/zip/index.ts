/** Public surface of the bundle zip I/O: streamed writer and fully validating reader. */
export * from './write';
export * from './read';
export { type BundleSource, type RandomAccessSource } from './source';
export { bundleErrorFromZip } from './zip-lib';
