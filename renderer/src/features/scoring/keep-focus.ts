/**
 * Where the keyboard focus goes when the assessor moves to another indicator with Alt+↓ / Alt+↑
 * or the pager's buttons. The form of the old indicator is replaced by the new one's, so the
 * focused control leaves the page; left alone the focus fell to the work area and a keyboard user
 * pressed Tab some thirty times (team menu, sections, the twenty links of the list) to reach the
 * value field again. The focus goes to the same control of the new indicator instead (the value
 * field, the level, the justification, "Indikator berikutnya"), else to the indicator's heading.
 */

/** The level radios of an integer pack share this name (scoring-form.tsx). */
const LEVEL_RADIOS = 'tingkat';

/** The heading of the indicator's form, focusable by script (tabIndex -1). */
export const INDICATOR_HEADING_ID = 'judul-indikator';

/**
 * What held the focus in `form` before a move: a control's id, the level radios, or the form
 * itself when nothing in it did (the focus on the work area or lost). Null when the focus is
 * elsewhere (a link of the indicator list, which stays on the page and keeps it).
 */
export function focusKey(form: Element | null, active: Element | null): string | null {
  if (!active || active === document.body || active.id === 'konten') return INDICATOR_HEADING_ID;
  if (!form?.contains(active)) return null;
  if (active instanceof HTMLInputElement && active.type === 'radio' && active.name === LEVEL_RADIOS)
    return `radio:${LEVEL_RADIOS}`;
  return active.id || INDICATOR_HEADING_ID;
}

const usable = (el: Element | null): el is HTMLElement =>
  el instanceof HTMLElement &&
  !(el as HTMLInputElement).disabled &&
  el.closest('[hidden], [inert]') === null;

/** Focuses the control `key` names in `form`, or the indicator's heading where it has none. */
export function restoreFocus(form: Element, key: string): void {
  let target: Element | null = null;
  if (key === `radio:${LEVEL_RADIOS}`) {
    const radios = [...form.querySelectorAll(`input[type="radio"][name="${LEVEL_RADIOS}"]`)];
    target = radios.find((r) => (r as HTMLInputElement).checked) ?? radios[0] ?? null;
  } else if (key !== INDICATOR_HEADING_ID) {
    target = form.querySelector(`#${CSS.escape(key)}`);
  }
  const element = usable(target) ? target : document.getElementById(INDICATOR_HEADING_ID);
  element?.focus();
}
