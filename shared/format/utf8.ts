/**
 * Strict UTF-8 decoding for shared/: typed without DOM or Node libraries, while both runtimes
 * provide the WHATWG TextDecoder. Invalid bytes throw instead of turning into U+FFFD.
 */
const { TextDecoder: Utf8Decoder } = globalThis as unknown as {
  TextDecoder: new (
    label: 'utf-8',
    options: { fatal: boolean },
  ) => { decode(bytes: Uint8Array): string };
};

const decoder = new Utf8Decoder('utf-8', { fatal: true });

/** The text of UTF-8 bytes; throws on bytes that are not valid UTF-8. */
export const decodeUtf8Strict = (bytes: Uint8Array): string => decoder.decode(bytes);
