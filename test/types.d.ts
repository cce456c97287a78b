// fake-indexeddb ships types its package.json exports do not point at.
declare module 'fake-indexeddb/auto';
