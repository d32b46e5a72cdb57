import { useEffect } from 'preact/hooks';
import { ErrorBoundary, LocationProvider, Route, Router } from 'preact-iso';
import { Layout } from './components/Layout';
import { session } from './lib/api';
import { GameProvider } from './lib/game';
import { connectLive, disconnectLive } from './lib/live';
import { Login } from './screens/Login';
import { NotFound } from './screens/NotFound';
import { SCREENS } from './routes';

function Game() {
  useEffect(() => {
    connectLive();
    return () => disconnectLive();
  }, []);
  return (
    <GameProvider>
      <Layout>
        <ErrorBoundary>
          <Router>
            {SCREENS.flatMap((screen) =>
              [screen.path, ...(screen.subpaths ?? [])].map((path) => (
                <Route key={path} path={`/play${path}`} component={screen.component} />
              )),
            )}
            <Route default component={NotFound} />
          </Router>
        </ErrorBoundary>
      </Layout>
    </GameProvider>
  );
}

export function App() {
  return (
    <LocationProvider>
      {session.value ? <Game key={session.value.userId} /> : <Login />}
    </LocationProvider>
  );
}
