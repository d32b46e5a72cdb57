import { ErrorText, Screen } from '../components/bits';
import { useFleetOverview } from '../lib/fleet';
import { FleetDispatchForm } from './FleetDispatch';
import { FleetLists } from './FleetLists';
import './Fleet.css';

/** Send fleets (with the server's preview of each flight) and follow those under way. */
export function Fleet() {
  const fleet = useFleetOverview();
  return (
    <Screen title="Fleet">
      <ErrorText error={fleet.error} />
      <FleetDispatchForm fleet={fleet} />
      <FleetLists fleet={fleet} />
    </Screen>
  );
}
