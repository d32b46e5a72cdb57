import { Empty, Screen } from '../components/bits';

export function Messages() {
  return (
    <Screen title="Messages">
      <Empty>Coming soon.</Empty>
    </Screen>
  );
}
