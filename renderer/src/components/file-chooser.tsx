/**
 * A file chooser that speaks Indonesian. The browser's own file input labels its button in the
 * system's language ("Choose File", "No file chosen"), so the input stays hidden and a button
 * names the action; the label still points at the input, so a click on it opens the same dialog.
 */
import { useRef } from 'react';

export function FileChooser({
  id,
  label,
  buttonText,
  accept,
  chosen,
  onFile,
}: {
  id: string;
  label: string;
  /** "Pilih logo…": what the button does. */
  buttonText: string;
  accept: string;
  /**
   * What is chosen now, shown beside the button and describing it ("Belum ada berkas dipilih"
   * when null); leave it out when the choice is shown elsewhere.
   */
  chosen?: string | null;
  onFile: (file: File) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const chosenId = `${id}-chosen`;
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input
        ref={input}
        id={id}
        type="file"
        hidden
        accept={accept}
        onChange={(e) => {
          const file = e.target.files?.[0];
          // Cleared so that choosing the same file again is noticed.
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
      <span className="file-chooser">
        <button
          type="button"
          className="secondary"
          aria-describedby={chosen === undefined ? undefined : chosenId}
          onClick={() => input.current?.click()}
        >
          {buttonText}
        </button>
        {chosen !== undefined && (
          <span id={chosenId} className="hint">
            {chosen ?? 'Belum ada berkas dipilih'}
          </span>
        )}
      </span>
    </>
  );
}
