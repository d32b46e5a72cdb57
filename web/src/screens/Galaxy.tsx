import { Empty, Screen } from '../components/bits';

export function Galaxy() {
  return (
    <Screen title="Galaxy">
      <Empty>Coming soon.</Empty>
    </Screen>
  );
}
