import { graphql } from '../../gql';

/**
 * Creates a key. Callers must send it with fetchPolicy 'no-cache': the answer holds the key,
 * which must never enter the Apollo cache.
 */
export const CREATE_API_KEY = graphql(`
  mutation CreateApiKey($input: create_api_key_input!) {
    create_api_key(input: $input) {
      id
      key
    }
  }
`);

export const REVOKE_API_KEY = graphql(`
  mutation RevokeApiKey($input: delete_api_key_input!) {
    delete_api_key(input: $input) {
      success
      error
    }
  }
`);
