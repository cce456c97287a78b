/** Keyboard shortcuts: whether a key press belongs to a field the user is typing in. */

/** True while the key goes to a text field, a list or an editable area (radio buttons excepted). */
export const isTyping = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) &&
  !(target instanceof HTMLInputElement && target.type === 'radio');

/** True while a modal dialog is open: screen shortcuts then wait. */
export const dialogOpen = (): boolean => document.querySelector('dialog[open]') !== null;
