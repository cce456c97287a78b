/**
 * Public surface of the bundle zip I/O: the streamed writer and the fully validating reader.
 *
 * This folder is still shared/ code that runs unchanged in the browser, the Electron renderer
 * and Node 20 (the CLI): it uses only web streams, Blob, Web Crypto-free hashing and zip.js. It
 * is type-checked in its own project (tsconfig.json here) because it names web stream and Blob
 * TYPES that shared/'s ES-only project lacks; the lint rules of shared/ (no window, document,
 * navigator, fetch, process, Buffer; no Node or Electron imports) apply here as everywhere else
 * in shared/.
 */
export * from './write';
export * from './read';
export { type BundleSource, type RandomAccessSource } from './source';
export { bundleErrorFromZip } from './zip-lib';
