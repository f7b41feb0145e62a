import { useEffect, useState } from 'react';
import { api } from '../../lib/api';

/** Whether this library has joined a shared library (read once when the editor opens; false until known). */
export function useSharedLibraryJoined(): boolean {
  const [joined, setJoined] = useState(false);
  useEffect(() => {
    let current = true;
    api
      .sharedLibraryStatus({})
      .then((status) => {
        if (current) setJoined(status.state !== 'not-joined');
      })
      // Not knowing leaves the package ticked, as before shared libraries.
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, []);
  return joined;
}
