import { createContext, useContext } from 'react';

/** Screens reachable from anywhere (dialogs included) without threading callbacks through every screen. */
export interface Navigation {
  openBackups(): void;
}

export const NavigationContext = createContext<Navigation>({ openBackups: () => undefined });

/** Lets a component open another screen; App provides the real routes. */
export function useNavigation(): Navigation {
  return useContext(NavigationContext);
}
