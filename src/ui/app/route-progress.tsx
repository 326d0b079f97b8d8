import { useNavigation } from 'react-router-dom';
import { ProgressBar } from '../components/progress';

/** A thin bar while a lazy page's code loads. */
export function RouteProgress() {
  const navigation = useNavigation();
  if (navigation.state === 'idle') return null;
  return <ProgressBar label="Loading page" pinned />;
}
