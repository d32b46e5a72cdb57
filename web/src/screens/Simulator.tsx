import { Empty, Screen } from '../components/bits';

export function Simulator() {
  return (
    <Screen title="Simulator">
      <Empty>Coming soon.</Empty>
    </Screen>
  );
}
