/** What a running backup or restore is doing, with a progress bar when the total is known. */
import type { BundleProgress } from '../../../../shared/bundle/progress';
import { formatBytes } from '../../../../shared/format/number';

export function BackupProgress({
  label,
  progress,
}: {
  label: string;
  progress: BundleProgress | null;
}) {
  const total = progress?.bytesTotal ?? 0;
  return (
    <div className="backup-progress" role="status">
      <p>
        {label}
        {progress ? `: ${progress.label}` : '…'}
        {total > 0 && (
          <span className="muted">
            {' '}
            ({formatBytes(progress!.bytesDone)} dari {formatBytes(total)})
          </span>
        )}
      </p>
      {total > 0 && (
        <progress max={total} value={progress!.bytesDone} aria-label={`Kemajuan: ${label}`} />
      )}
    </div>
  );
}
