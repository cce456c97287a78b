/**
 * Small inline icons. Drawn as SVG rather than emoji: a laptop without an emoji font (many Linux
 * installs) would show an empty box instead of the sign.
 */

/** A paperclip: attached documents. Decorative; the surrounding text or title names it. */
export function PaperclipIcon() {
  return (
    <svg
      className="icon"
      viewBox="0 0 16 16"
      width="0.9em"
      height="0.9em"
      aria-hidden="true"
      focusable="false"
    >
      <path
        d="M10.5 4.5 5.6 9.4a1.2 1.2 0 0 0 1.7 1.7l5.3-5.3a2.4 2.4 0 0 0-3.4-3.4L3.9 7.7a3.6 3.6 0 0 0 5.1 5.1l4.4-4.4"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.4"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
