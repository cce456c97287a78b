/**
 * jsdom setup: Node's Blob/File must replace jsdom's before fake-indexeddb loads, or Blobs stored
 * in IndexedDB come back as `{}`. Testing Library waits (findBy…, waitFor) up to 20 s: they end as
 * soon as the state is reached, so a generous limit costs nothing on a fast machine and keeps a
 * loaded 2-core machine (the whole check beside other work) from failing a correct test.
 * jsdom has no modal dialogs: they open and close by the attribute, as a browser shows them (a
 * test about focus on opening replaces showModal with one that focuses as a browser does).
 */
import { Blob as NodeBlob, File as NodeFile } from 'node:buffer';

globalThis.Blob = NodeBlob as unknown as typeof Blob;
globalThis.File = NodeFile as unknown as typeof File;

await import('fake-indexeddb/auto');
await import('@testing-library/jest-dom/vitest');
const { configure } = await import('@testing-library/react');
configure({ asyncUtilTimeout: 20_000 });

if (!HTMLDialogElement.prototype.showModal) {
  HTMLDialogElement.prototype.showModal = function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close = function (this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
}
