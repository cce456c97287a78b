/**
 * A modal dialog on the native <dialog> element: focus is trapped and restored by the browser,
 * Escape closes it, and it is announced with its title.
 *
 * On opening, the focus goes where the user's first keystroke belongs: to the element the content
 * marks with `data-autofocus`, else to its first field, else to its first control (a confirmation's
 * Batal comes first). Left to the browser it lands on ✕, the first control in the dialog, and
 * typing a name starting with a space-separated word ("Rizky Pratama") pressed ✕ and threw the
 * input away. React's `autoFocus` cannot do this: it focuses before showModal() opens the dialog.
 *
 * On closing, the focus goes back to the control that opened the dialog. The browser does that
 * for close(), but most screens render their dialog only while it is needed, so Escape, ✕ or
 * Simpan unmount it still open and the focus fell to <body>: a keyboard user had to Tab again
 * from the top of the window.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';

const FIELDS = 'input:not([type="hidden"]), select, textarea';
const CONTROLS =
  'button, [href], input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';

/** The first element of `body` matching `selector` that a user can reach. */
function firstUsable(body: Element, selector: string): HTMLElement | null {
  const dialog = body.closest('dialog');
  for (const el of body.querySelectorAll<HTMLElement>(selector)) {
    if ((el as HTMLInputElement).disabled) continue;
    if (el.closest('[hidden], [inert], .visually-hidden')) continue;
    // A nested dialog (a leave guard's confirmation) is not part of this one's content.
    if (el.closest('dialog') !== dialog) continue;
    const details = el.closest('details');
    if (details && !details.open && el.tagName !== 'SUMMARY') continue;
    return el;
  }
  return null;
}

/** The element that takes the focus when the dialog opens; null leaves it to the browser. */
export function initialFocus(dialog: HTMLDialogElement): HTMLElement | null {
  const body = dialog.querySelector('.dialog-body');
  if (!body) return null;
  return (
    firstUsable(body, '[data-autofocus]') ??
    firstUsable(body, FIELDS) ??
    firstUsable(body, CONTROLS)
  );
}

/** Focuses `opener` again if the focus was lost (on <body>) and it is still on the page. */
function returnFocus(opener: HTMLElement | null): void {
  const active = document.activeElement;
  if (!opener?.isConnected || (active && active !== document.body)) return;
  opener.focus();
}

export function Dialog({
  open,
  title,
  onClose,
  children,
  wide = false,
}: {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      const active = document.activeElement;
      opener.current = active instanceof HTMLElement && active !== document.body ? active : null;
      dialog.showModal();
      initialFocus(dialog)?.focus();
    }
    if (!open && dialog.open) {
      dialog.close();
      returnFocus(opener.current);
    }
  }, [open]);
  useEffect(() => {
    const dialog = ref.current;
    // Unmounted while open: removed from the page, the dialog gives the focus back to nobody.
    return () => {
      if (dialog?.open) returnFocus(opener.current);
    };
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      className={wide ? 'dialog wide' : 'dialog'}
      onClose={onClose}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      {open && (
        <>
          <div className="dialog-header">
            <h2 id={titleId}>{title}</h2>
            <button type="button" className="secondary" onClick={onClose} aria-label="Tutup dialog">
              ✕
            </button>
          </div>
          <div className="dialog-body">{children}</div>
        </>
      )}
    </dialog>
  );
}

/** "Are you sure?" for destructive actions, with the consequence spelled out. */
export function ConfirmDialog({
  open,
  title,
  message,
  confirmLabel,
  danger = false,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  message: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <Dialog open={open} title={title} onClose={onCancel}>
      <div className="confirm-message">{message}</div>
      <div className="dialog-actions">
        <button type="button" className="secondary" onClick={onCancel} data-autofocus>
          Batal
        </button>
        <button type="button" className={danger ? 'danger' : undefined} onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
