/**
 * The print-ready signal (shared/ipc/contract.ts): a printable route (the report) sets
 * `data-print-ready="true"` on <body> once its data is loaded and laid out (fonts loaded,
 * charts drawn with animation off), or `"error"` when it cannot be printed, and clears it when
 * it unmounts. The desktop prints to PDF only after "true"; the browser opens its print dialog
 * only after "true".
 *
 *   useEffect(() => {
 *     if (ready) setPrintReady('true');
 *     return () => setPrintReady(null);
 *   }, [ready]);
 */
import { PRINT_READY_ATTRIBUTE, type PrintReadyState } from '../../../shared/ipc/contract';

export function setPrintReady(state: PrintReadyState | null, body: HTMLElement = document.body) {
  if (state === null) body.removeAttribute(PRINT_READY_ATTRIBUTE);
  else body.setAttribute(PRINT_READY_ATTRIBUTE, state);
}

/** Resolves with the state once it is "true" or "error", or "timeout" after `timeoutMs`. */
export function waitForPrintReady(
  timeoutMs: number,
  body: HTMLElement = document.body,
): Promise<PrintReadyState | 'timeout'> {
  return new Promise((resolve) => {
    const read = () => body.getAttribute(PRINT_READY_ATTRIBUTE);
    const settled = (state: string | null): state is PrintReadyState =>
      state === 'true' || state === 'error';
    const first = read();
    if (settled(first)) {
      resolve(first);
      return;
    }
    const observer = new MutationObserver(() => {
      const state = read();
      if (settled(state)) finish(state);
    });
    const timer = setTimeout(() => finish('timeout'), timeoutMs);
    const finish = (state: PrintReadyState | 'timeout') => {
      observer.disconnect();
      clearTimeout(timer);
      resolve(state);
    };
    observer.observe(body, { attributes: true, attributeFilter: [PRINT_READY_ATTRIBUTE] });
  });
}
