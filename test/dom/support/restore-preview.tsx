/**
 * The restore preview as the Cadangan screen opens it for a backup file (the web backup store,
 * notices and the backup context around it); resolves to the dialog once it is shown.
 */
import { render, screen } from '@testing-library/react';
import { PlatformContext } from '../../../renderer/src/app/platform-context';
import { NoticeProvider } from '../../../renderer/src/components/notices';
import { BackupProvider } from '../../../renderer/src/features/backups/backup-context';
import { RestoreDialog } from '../../../renderer/src/features/backups/restore-dialog';
import { webBackupStore } from '../../../renderer/src/platform/web-backups';
import { testPlatform } from './platform';

export function openRestorePreview(
  file: Blob,
  options: { name?: string; onClose?: () => void } = {},
): Promise<HTMLElement> {
  const name = options.name ?? 'cadangan-uji.spbe';
  const { platform } = testPlatform({ backups: webBackupStore });
  render(
    <PlatformContext.Provider value={platform}>
      <NoticeProvider>
        <BackupProvider>
          <RestoreDialog
            source={{ id: 1, name, load: async () => file }}
            onClose={options.onClose ?? (() => undefined)}
          />
        </BackupProvider>
      </NoticeProvider>
    </PlatformContext.Provider>,
  );
  return screen.findByRole('dialog', { name: `Pratinjau cadangan ${name}` });
}
