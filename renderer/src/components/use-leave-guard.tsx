/**
 * The "leave this page?" guard for a screen with unsaved input: while `when` holds, an in-app
 * navigation waits for the user's answer in the app's confirm dialog, and closing or reloading
 * the window asks through the browser (beforeunload). Under a router without data APIs
 * (a test's MemoryRouter) only the window guard applies.
 */
import { useContext, useEffect, type ReactNode } from 'react';
import { UNSAFE_DataRouterContext, useBlocker } from 'react-router';
import { ConfirmDialog } from './dialog';

export const LEAVE_TITLE = 'Tinggalkan halaman ini?';
export const LEAVE_MESSAGE = 'Perubahan yang belum disimpan akan hilang.';

/** Asks before the window closes or reloads while `when` holds. */
export function useBeforeUnloadGuard(when: boolean): void {
  useEffect(() => {
    if (!when) return;
    const ask = (event: BeforeUnloadEvent): void => {
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [when]);
}

/** The in-app half: the router's blocker and the confirm dialog (data routers only). */
function RouteLeaveGuard({ when, message }: { when: boolean; message: string }) {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      when &&
      (currentLocation.pathname !== nextLocation.pathname ||
        currentLocation.search !== nextLocation.search),
  );
  // Blocked by a render that still held unsaved input, but it was saved meanwhile: go on.
  useEffect(() => {
    if (blocker.state === 'blocked' && !when) blocker.proceed();
  }, [blocker, when]);
  return (
    <ConfirmDialog
      open={blocker.state === 'blocked' && when}
      title={LEAVE_TITLE}
      message={message}
      confirmLabel="Tinggalkan halaman"
      danger
      onConfirm={() => blocker.proceed?.()}
      onCancel={() => blocker.reset?.()}
    />
  );
}

/**
 * Guards a screen while `when` holds (unsaved input). Render the returned element anywhere in
 * the screen: it is the confirm dialog shown when an in-app navigation is held back. A screen
 * that saves and then navigates in one go sets `when` false with the save: a navigation held
 * back meanwhile then goes on by itself.
 */
export function useLeaveGuard(when: boolean, message: string = LEAVE_MESSAGE): ReactNode {
  useBeforeUnloadGuard(when);
  const dataRouter = useContext(UNSAFE_DataRouterContext);
  return dataRouter ? <RouteLeaveGuard when={when} message={message} /> : null;
}
