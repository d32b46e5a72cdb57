import { Empty, Screen } from '../components/bits';

export function Highscore() {
  return (
    <Screen title="Highscore">
      <Empty>Coming soon.</Empty>
    </Screen>
  );
}
