/** The app's one BackupService, its schedule started with the app, and a hook to its state. */
import {
  createContext,
  useContext,
  useEffect,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { usePlatform } from '../../app/platform-context';
import { BackupService, type BackupServiceState } from './backup-service';

const BackupContext = createContext<BackupService | null>(null);

export function BackupProvider({ children }: { children: ReactNode }) {
  const platform = usePlatform();
  const [service] = useState(() => new BackupService(platform));
  useEffect(() => service.start(), [service]);
  return <BackupContext.Provider value={service}>{children}</BackupContext.Provider>;
}

export function useBackupService(): BackupService {
  const service = useContext(BackupContext);
  if (!service) throw new Error('BackupProvider tidak terpasang');
  return service;
}

export function useBackupState(): BackupServiceState {
  const service = useBackupService();
  return useSyncExternalStore(service.subscribe, service.getState);
}
