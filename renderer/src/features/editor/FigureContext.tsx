import { createContext, useContext } from 'react';
import type { MediaInfo } from '../../../../shared/mediaModel';

/** What the body editor and its photos need from the article around them. */
export interface FigureContextValue {
  coverMediaId: string | null;
  setCover: (mediaId: string | null) => void;
  /** Asks for photo files and imports them; refusals are shown to the user, never thrown. */
  importFromDialog: () => Promise<MediaInfo[]>;
  /** Imports dropped or pasted files; refusals are shown to the user, never thrown. */
  importFiles: (files: readonly File[]) => Promise<MediaInfo[]>;
}

export const FigureContext = createContext<FigureContextValue>({
  coverMediaId: null,
  setCover: () => {},
  importFromDialog: async () => [],
  importFiles: async () => [],
});

export function useFigureContext(): FigureContextValue {
  return useContext(FigureContext);
}
