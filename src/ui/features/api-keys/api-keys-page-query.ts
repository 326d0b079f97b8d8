import { graphql } from '../../gql';

/**
 * The page's keys and their count. A module of its own, without React: the app's entry
 * starts it early (app/api-keys-first-query.ts), and the build runs that code in Node to
 * write the same request into index.html (app/first-page-requests.ts).
 */
export const ApiKeysPageQuery = graphql(`
  query ApiKeysPage($where: auth_api_key_bool_exp!, $order_by: [auth_api_key_order_by!], $limit: Int!, $offset: Int!) {
    auth_api_key(where: $where, order_by: $order_by, limit: $limit, offset: $offset) {
      ...ApiKeysTable_key
    }
    auth_api_key_aggregate(where: $where) {
      aggregate {
        count
      }
    }
  }
`);
