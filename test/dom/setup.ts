/**
 * jsdom setup: Node's Blob/File must replace jsdom's before fake-indexeddb loads, or Blobs stored
 * in IndexedDB come back as `{}`.
 */
import { Blob as NodeBlob, File as NodeFile } from 'node:buffer';

globalThis.Blob = NodeBlob as unknown as typeof Blob;
globalThis.File = NodeFile as unknown as typeof File;

await import('fake-indexeddb/auto');
await import('@testing-library/jest-dom/vitest');
