/** What Show GraphQL shows instead of a pasted key: the page never puts a key where it could be copied from. */
export const PASTED_KEY = '<the key you pasted>';
