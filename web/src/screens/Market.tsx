import { Empty, Screen } from '../components/bits';

export function Market() {
  return (
    <Screen title="Market">
      <Empty>Coming soon.</Empty>
    </Screen>
  );
}
