/**
 * File names that are safe on Windows, macOS and Linux: a base name only (no folders), no
 * control or reserved characters, no reserved device names (CON, NUL, COM1 ...), no trailing
 * dots or spaces, bounded length. Names come from the renderer, so they are never trusted as
 * paths.
 */

const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
const MAX_LENGTH = 150;

export function safeFileName(name: string, fallback = 'berkas'): string {
  // Take the last path segment of either separator, then drop what Windows forbids.
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  let clean = base.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_').trim();
  clean = clean.replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  if (clean.length > MAX_LENGTH) {
    const dot = clean.lastIndexOf('.');
    const ext = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : '';
    clean = clean.slice(0, MAX_LENGTH - ext.length) + ext;
  }
  if (!clean || RESERVED.test(clean)) clean = clean ? `_${clean}` : fallback;
  return clean;
}
