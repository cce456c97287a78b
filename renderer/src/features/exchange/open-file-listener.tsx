/**
 * Files handed to the app from outside (a .spbe double-clicked in the file manager, or given to
 * a second launch) go to the import screen, which validates them and shows the summary first.
 */
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { usePlatform } from '../../app/platform-context';
import { routes } from '../../app/routes';
import { handOverForImport } from './hand-over';

export function OpenFileListener() {
  const platform = usePlatform();
  const navigate = useNavigate();
  useEffect(
    () =>
      platform.onOpenFile((file) => {
        handOverForImport(file);
        void navigate(routes.import());
      }),
    [platform, navigate],
  );
  return null;
}
