import { Empty, Screen } from '../components/bits';

export function Reports() {
  return (
    <Screen title="Reports">
      <Empty>Coming soon.</Empty>
    </Screen>
  );
}
