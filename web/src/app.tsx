import { useEffect } from 'preact/hooks';
import { ErrorBoundary, LocationProvider, Route, Router, lazy } from 'preact-iso';
import { Layout } from './components/Layout';
import { session } from './lib/api';
import { GameProvider } from './lib/game';
import { connectLive, disconnectLive } from './lib/live';
import { Login } from './screens/Login';
import { NotFound } from './screens/NotFound';
import { Overview } from './screens/Overview';

// Screens beyond the overview load on first visit, so the first render ships only what it shows.
const Buildings = lazy(() => import('./screens/Buildings').then((m) => m.Buildings));
const Research = lazy(() => import('./screens/Buildings').then((m) => m.Research));
const Shipyard = lazy(() => import('./screens/Buildings').then((m) => m.Shipyard));
const Defense = lazy(() => import('./screens/Buildings').then((m) => m.Defense));
const Fleet = lazy(() => import('./screens/Fleet').then((m) => m.Fleet));
const Galaxy = lazy(() => import('./screens/Galaxy').then((m) => m.Galaxy));
const Reports = lazy(() => import('./screens/Reports').then((m) => m.Reports));
const Messages = lazy(() => import('./screens/Messages').then((m) => m.Messages));
const Market = lazy(() => import('./screens/Market').then((m) => m.Market));
const Highscore = lazy(() => import('./screens/Highscore').then((m) => m.Highscore));
const Simulator = lazy(() => import('./screens/Simulator').then((m) => m.Simulator));

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
            <Route path="/play/" component={Overview} />
            <Route path="/play/buildings" component={Buildings} />
            <Route path="/play/research" component={Research} />
            <Route path="/play/shipyard" component={Shipyard} />
            <Route path="/play/defense" component={Defense} />
            <Route path="/play/fleet" component={Fleet} />
            <Route path="/play/galaxy" component={Galaxy} />
            <Route path="/play/reports" component={Reports} />
            <Route path="/play/reports/:kind/:id" component={Reports} />
            <Route path="/play/messages" component={Messages} />
            <Route path="/play/market" component={Market} />
            <Route path="/play/highscore" component={Highscore} />
            <Route path="/play/simulator" component={Simulator} />
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
