/**
 * The app's hash router with react-router's data APIs (needed by useBlocker, the "leave this
 * page?" guard). The routes stay declarative: one splat route renders the children, whose
 * <Routes> match below it exactly as under a plain HashRouter.
 */
import { createContext, useContext, useState, type ReactNode } from 'react';
import { createHashRouter, RouterProvider } from 'react-router';

const RoutedContent = createContext<ReactNode>(null);

function Content() {
  return <>{useContext(RoutedContent)}</>;
}

export function DataHashRouter({ children }: { children: ReactNode }) {
  const [router] = useState(() => createHashRouter([{ path: '*', element: <Content /> }]));
  return (
    <RoutedContent.Provider value={children}>
      <RouterProvider router={router} />
    </RoutedContent.Provider>
  );
}
