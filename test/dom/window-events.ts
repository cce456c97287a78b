/** Window-level events as the browser would send them, for screens that guard unsaved input. */

/** Whether closing or reloading the window would be asked about (beforeunload prevented). */
export const unloadPrevented = (): boolean => {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
};
