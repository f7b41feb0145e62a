import { stat } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { net, protocol, type CustomScheme } from 'electron';
import { mediaIdSchema } from '../../shared/articleModel';
import type { MediaStore } from './media/MediaStore';

/** The scheme the renderer shows stored photos through (never file://, which the CSP does not allow). */
export const mediaScheme = 'banthao-media';

/** Lets the scheme behave like a secure, standard origin for <img> (registered with the app scheme's, before ready). */
export const mediaSchemePrivileges: CustomScheme = { scheme: mediaScheme, privileges: { standard: true, secure: true } };

/** Serves `banthao-media://photo/<id>` from the display copies in the media folder; anything else is 404. */
export function registerMediaProtocol(media: () => Promise<MediaStore>): void {
  protocol.handle(mediaScheme, async (request) => {
    const url = new URL(request.url);
    const id = decodeURIComponent(url.pathname.replace(/^\//, ''));
    if (url.hostname !== 'photo' || !mediaIdSchema.safeParse(id).success) return new Response(null, { status: 404 });
    // The library may still be opening when the first photo is asked for.
    const store = await media().catch(() => null);
    if (store === null) return new Response(null, { status: 404 });
    const path = store.previewPath(id);
    // A missing display copy is a clean 404 (the figure shows "photo missing"), not a network error.
    if (
      !(await stat(path).then(
        (info) => info.isFile(),
        () => false,
      ))
    )
      return new Response(null, { status: 404 });
    return net.fetch(pathToFileURL(path).href);
  });
}
