import { createContext, type ReactNode, useContext, useState } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';

const Routed = createContext<ReactNode>(null);
const RoutedTree = () => <>{useContext(Routed)}</>;

/**
 * Issue 18: a data router, so a page with unsaved changes can block leaving it (useBlocker needs
 * one). The app keeps declaring its pages with <Routes> inside: one catch-all route renders them.
 */
export const DataRouter = ({ children }: { children: ReactNode }) => {
  const [router] = useState(() => createBrowserRouter([{ path: '*', element: <RoutedTree /> }]));
  return (
    <Routed.Provider value={children}>
      <RouterProvider router={router} />
    </Routed.Provider>
  );
};
