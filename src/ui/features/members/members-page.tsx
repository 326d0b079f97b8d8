import { PageHeader } from '../../components/page-header';
import { usePageTitle } from '../../lib/use-page-title';

export function MembersPage() {
  usePageTitle('Members');
  return <PageHeader section="Team" title="Members" />;
}
