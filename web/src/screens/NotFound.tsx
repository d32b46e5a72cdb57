import { Empty, Screen } from '../components/bits';
import { useGame } from '../lib/game';

export function NotFound() {
  const { link } = useGame();
  return (
    <Screen title="Nowhere">
      <Empty>
        There is no such screen. Back to the <a href={link('/')}>overview</a>.
      </Empty>
    </Screen>
  );
}
