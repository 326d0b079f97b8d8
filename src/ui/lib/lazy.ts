import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any component, its props kept by inference
type AnyComponent = ComponentType<any>;

export type PreloadableComponent<T extends AnyComponent> = LazyExoticComponent<T> & {
  /** Starts loading the code now (e.g. when the pointer reaches the button that shows it). */
  preload: () => Promise<unknown>;
};

/**
 * React.lazy for a named export, with preload() to fetch the chunk before the component
 * first renders, so that opening a dialog seldom waits on the network.
 */
export function lazyNamed<M extends Record<K, AnyComponent>, K extends string>(load: () => Promise<M>, name: K): PreloadableComponent<M[K]> {
  let loading: Promise<{ default: M[K] }> | undefined;
  const preload = () =>
    (loading ??= load().then(
      (module) => ({ default: module[name] }),
      (error: unknown) => {
        loading = undefined; // a failed download may be retried by the next preload
        throw error;
      },
    ));
  return Object.assign(lazy(preload), { preload });
}
