import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { useForm } from 'react-hook-form';
import { useNavigate } from 'react-router-dom';
import { MAX_SLUG_LENGTH } from '../../../shared/slugs';
import { FormTextField } from '../../components/form-text-field';
import { graphql } from '../../gql';
import type { TenantSlugForm_TenantFragment } from '../../gql/graphql';
import { describeProblem, problemField } from '../../lib/errors';
import { paths } from '../../lib/paths';
import { slugRule } from '../../lib/rules';
import { SettingsSection } from './settings-section';
import { useChangeTenantSlug } from './use-change-tenant-slug';

export const TenantSlugFormTenantFragment = graphql(`
  fragment TenantSlugForm_tenant on tenant {
    id
    slug
  }
`);

/** What the settings page shows after a slug change (router state, so a reload drops it). */
export interface SlugChangedState {
  slugChangedFrom: string;
}

/** Team › Settings › URL: the slug that leads the tenant's addresses. */
export function TenantSlugForm({ tenant }: { tenant: TenantSlugForm_TenantFragment }) {
  const form = useForm({ defaultValues: { slug: tenant.slug } });
  const [change] = useChangeTenantSlug();
  const navigate = useNavigate();
  const { isSubmitting, isDirty, errors } = form.formState;

  const submit = form.handleSubmit(async ({ slug }) => {
    try {
      const changed = await change(tenant.id, slug.trim());
      const state: SlugChangedState = { slugChangedFrom: tenant.slug };
      await navigate(paths.tenantSettings.href(changed), { replace: true, state });
    } catch (error) {
      const problem = describeProblem(error);
      form.setError(problemField(problem, ['slug'] as const) ?? 'root.server', { message: problem.message });
    }
  });

  return (
    <SettingsSection
      title="URL"
      description={
        <>
          The URL name leads every address of the tenant, as in /{tenant.slug}/team/members. Links and bookmarks with the old name keep working: they lead to
          the new one until another tenant takes the old name.
        </>
      }
    >
      <Box component="form" noValidate onSubmit={(event) => void submit(event)} sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'flex-start' }}>
        <FormTextField
          control={form.control}
          name="slug"
          rules={{ validate: slugRule }}
          label="URL name"
          required
          sx={{ flex: '1 1 240px', maxWidth: 480 }}
          helperText="Lowercase letters, digits and hyphens."
          slotProps={{ htmlInput: { maxLength: MAX_SLUG_LENGTH * 2, autoCapitalize: 'none', spellCheck: false } }}
        />
        <Button type="submit" variant="contained" disabled={isSubmitting || !isDirty} sx={{ mt: 1 }}>
          {isSubmitting ? 'Changing…' : 'Change URL'}
        </Button>
      </Box>
      {errors.root?.server ? (
        <Box role="alert" sx={{ mt: 1, color: 'error.main', typography: 'body2' }}>
          {errors.root.server.message}
        </Box>
      ) : null}
    </SettingsSection>
  );
}
