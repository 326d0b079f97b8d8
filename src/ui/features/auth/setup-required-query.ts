import { graphql } from '../../gql';

/**
 * Whether Keyplane still needs its first administrator: `/` and the sign-in page send
 * visitors to setup while it does, and the setup page closes once it does not.
 */
export const SetupRequiredQuery = graphql(`
  query SetupRequired {
    setup_required
  }
`);
