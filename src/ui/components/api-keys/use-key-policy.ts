import { useQuery } from '@apollo/client/react';
import { expiryRequired, maxDaysFor, NO_LIFETIME_LIMITS, policyLimitText, type KeyLifetimeRule, type PolicyKeyKind } from '../../../shared/key-policy';
import { graphql } from '../../gql';

export const KeyPolicyRuleQuery = graphql(`
  query KeyPolicyRule($id: UUID!) {
    tenant_policy(tenant_id: $id) {
      tenant_id
      user_key_max_days
      service_key_max_days
      require_expiry
    }
  }
`);

export interface KeyPolicyForKind {
  kind: PolicyKeyKind;
  rule: KeyLifetimeRule;
  /** The longest a new key may live, in days; null: no limit. */
  maxDays: number | null;
  mustExpire: boolean;
  /** The policy in a sentence, to say why some choices are missing; null without limits. */
  why: string | null;
  /** Until the policy has arrived (a failure to load it is no limits: the server still enforces it). */
  loading: boolean;
}

/** What the tenant's key policy allows a new key of this kind: the create and rotate dialogs offer only that. */
export function useKeyPolicy(tenantId: string | undefined, kind: PolicyKeyKind): KeyPolicyForKind {
  const { data, loading } = useQuery(KeyPolicyRuleQuery, { variables: { id: tenantId ?? '' }, skip: !tenantId });
  const rule = data?.tenant_policy ?? NO_LIFETIME_LIMITS;
  return { kind, rule, maxDays: maxDaysFor(rule, kind), mustExpire: expiryRequired(rule, kind), why: policyLimitText(rule, kind), loading };
}
