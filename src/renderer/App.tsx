import { EmptyState } from './EmptyState';
import { StatusBar } from './StatusBar';
import { useEngineInfo } from './useEngineInfo';

export function App() {
  const engineInfo = useEngineInfo();
  return (
    <div className="app">
      <header className="app-header">
        <h1>Shoebox</h1>
      </header>
      <main className="app-main">
        <EmptyState />
      </main>
      <StatusBar state={engineInfo} />
    </div>
  );
}
