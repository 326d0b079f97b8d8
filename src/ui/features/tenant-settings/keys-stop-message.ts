/** What deleting a tenant does to its keys: "14 API keys will stop working at once." (null: the count is unknown). */
export function keysStopMessage(count: number | null): string {
  if (count === null) return 'Every API key acting in it will stop working at once.';
  if (count === 0) return 'No API key acts in it now.';
  return `${count.toLocaleString()} API ${count === 1 ? 'key' : 'keys'} will stop working at once.`;
}
