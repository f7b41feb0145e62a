/**
 * A shared library's address: http or https, a host with no `user@` (credentials never ride in the address) and an
 * optional path. Kept apart from the zod model so the renderer checks a typed address without bundling zod.
 */
export const sharedLibraryAddressPattern = /^https?:\/\/[^\s/?#@]+(?:[/?#]\S*)?$/i;
