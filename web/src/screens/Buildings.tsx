import { Empty, Screen } from '../components/bits';

export function Buildings() {
  return (
    <Screen title="Buildings">
      <Empty>Coming soon.</Empty>
    </Screen>
  );
}

export function Research() {
  return (
    <Screen title="Research">
      <Empty>Coming soon.</Empty>
    </Screen>
  );
}

export function Shipyard() {
  return (
    <Screen title="Shipyard">
      <Empty>Coming soon.</Empty>
    </Screen>
  );
}

export function Defense() {
  return (
    <Screen title="Defense">
      <Empty>Coming soon.</Empty>
    </Screen>
  );
}
