/**
 * The team folder's engine mounted once in the app frame, and the hooks the status bar and the
 * Settings section read it with. Platforms without a team folder (test doubles) get none.
 */
import {
  createContext,
  useContext,
  useEffect,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { usePlatform } from '../../app/platform-context';
import type { Platform } from '../../platform/types';
import {
  DEFAULT_TIMINGS,
  TeamFolderEngine,
  type TeamFolderTimings,
  type TeamFolderView,
} from './engine';

const EngineContext = createContext<TeamFolderEngine | null>(null);

export function TeamFolderProvider({
  children,
  timings = DEFAULT_TIMINGS,
}: {
  children: ReactNode;
  timings?: TeamFolderTimings;
}) {
  const platform = usePlatform() as Partial<Platform> | null;
  const access = platform?.teamFolder;
  const [engine] = useState(() => (access ? new TeamFolderEngine(access, timings) : null));
  useEffect(() => {
    engine?.start();
    return () => engine?.stop();
  }, [engine]);
  return <EngineContext.Provider value={engine}>{children}</EngineContext.Provider>;
}

const noSubscribe = () => () => undefined;
const noView = () => null;

/** The engine and its view; null where the platform has no team folder. */
export function useTeamFolder(): { engine: TeamFolderEngine; view: TeamFolderView } | null {
  const engine = useContext(EngineContext);
  const view = useSyncExternalStore(
    engine ? engine.subscribe : noSubscribe,
    engine ? engine.getView : noView,
  );
  return engine && view ? { engine, view } : null;
}
