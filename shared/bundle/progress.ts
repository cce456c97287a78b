/** Progress of a long bundle export, import or merge, for a progress bar with a cancel button. */

export type BundlePhase = 'prepare' | 'evidence' | 'manifest' | 'verify' | 'done';

export interface BundleProgress {
  phase: BundlePhase;
  /** What is being done, in Indonesian: "Memeriksa bukti dukung 3 dari 200". */
  label: string;
  bytesDone: number;
  bytesTotal: number;
  filesDone: number;
  filesTotal: number;
}

export type ProgressListener = (progress: BundleProgress) => void;
