import { PageHeader } from '../../components/page-header';
import { usePageTitle } from '../../lib/use-page-title';

// Placeholder so the app builds; the page's owner replaces this file.
export function ApiKeysPage() {
  usePageTitle('API Keys');
  return <PageHeader section="User" title="API Keys" />;
}
