import { PageHeader } from '../../components/page-header';
import { usePageTitle } from '../../lib/use-page-title';

// Placeholder so the app builds; the page's owner replaces this file.
export function ServiceAccountsPage() {
  usePageTitle('Service Accounts');
  return <PageHeader section="Team" title="Service Accounts" />;
}
