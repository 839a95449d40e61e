/**
 * The headers the window and the servers agree on, written once: the preview's per-run token on
 * every /api call, and the id of the window that made a change (so it is not told of its own).
 */
export const TOKEN_HEADER = 'x-promise-desk-token';
export const WINDOW_HEADER = 'x-promise-desk-window';
