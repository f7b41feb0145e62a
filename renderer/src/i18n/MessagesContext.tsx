import { createContext, useContext } from 'react';
import { messagesByLanguage, type Messages } from './messages';

export const MessagesContext = createContext<Messages>(messagesByLanguage.vi);

/** The interface texts in the user's chosen language. */
export function useMessages(): Messages {
  return useContext(MessagesContext);
}
