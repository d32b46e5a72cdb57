import { Empty, Screen } from '../components/bits';

export function Fleet() {
  return (
    <Screen title="Fleet">
      <Empty>Coming soon.</Empty>
    </Screen>
  );
}
