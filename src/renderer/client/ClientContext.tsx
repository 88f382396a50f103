import { createContext, useContext } from 'react';
import type { ShoeboxClient } from './client';

export const ClientContext = createContext<ShoeboxClient | null>(null);

/** The engine client; every component reaches the library through this. */
export function useClient(): ShoeboxClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient() outside <ClientContext.Provider>');
  return client;
}
