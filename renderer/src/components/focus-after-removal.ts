/**
 * Where the keyboard focus goes when the element that held it leaves the page (its row deleted,
 * archived or hidden): left alone it falls to <body>, and a keyboard user starts again at the top
 * of the window. Set `current` to the element about to go and a function finding where the focus
 * should land; after the next render that no longer holds it, the focus moves there, unless
 * something else has taken it meanwhile. Set `current` to null to forget it (e.g. on failure).
 */
import { useEffect, useRef, type MutableRefObject } from 'react';

export interface FocusAfterRemoval {
  from: Element;
  to: () => HTMLElement | null;
}

export function useFocusAfterRemoval(): MutableRefObject<FocusAfterRemoval | null> {
  const pendingRef = useRef<FocusAfterRemoval | null>(null);
  useEffect(() => {
    const pending = pendingRef.current;
    if (!pending || pending.from.isConnected) return;
    pendingRef.current = null;
    if (!document.activeElement || document.activeElement === document.body) pending.to()?.focus();
  });
  return pendingRef;
}
