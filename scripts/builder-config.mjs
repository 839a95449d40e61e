/**
 * electron-builder's configuration for this build: electron-builder.yml, adjusted to what the
 * environment provides, so a build without secrets still works and says what it left out.
 * - Update feed: PROMISE_DESK_UPDATE_URL (the generic feed's address), else no `publish` and the
 *   app never looks for updates.
 * - Signing: CSC_LINK (a .p12/.pfx file or base64) with CSC_KEY_PASSWORD, or CSC_NAME (a macOS
 *   keychain identity); WIN_CSC_LINK for Windows only. Without them macOS is not signed (identity
 *   null: no keychain search) and Windows is not signed.
 * - Notarisation (macOS): APPLE_API_KEY, APPLE_API_KEY_ID, APPLE_API_ISSUER; or APPLE_ID,
 *   APPLE_APP_SPECIFIC_PASSWORD, APPLE_TEAM_ID; or APPLE_KEYCHAIN, APPLE_KEYCHAIN_PROFILE. Only
 *   with a signing identity too.
 * Pure: `builderConfig(yamlText, env)` returns the configuration and the notes to print.
 */
import { parse } from 'yaml';

const NOTARY_SETS = [
  ['APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER'],
  ['APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID'],
  ['APPLE_KEYCHAIN', 'APPLE_KEYCHAIN_PROFILE'],
];

const has = (env, name) => typeof env[name] === 'string' && env[name] !== '';

export function builderConfig(yamlText, env) {
  const config = parse(yamlText);
  const notes = [];
  if (!has(env, 'PROMISE_DESK_UPDATE_URL')) {
    delete config.publish;
    notes.push('No update feed: PROMISE_DESK_UPDATE_URL is not set, so this build never looks for updates.');
  }
  const macIdentity = has(env, 'CSC_LINK') || has(env, 'CSC_NAME');
  if (!macIdentity) {
    config.mac = { ...config.mac, identity: null };
    notes.push('macOS: not signed (no CSC_LINK or CSC_NAME).');
  }
  const notarize = macIdentity && NOTARY_SETS.some((set) => set.every((n) => has(env, n)));
  config.mac = { ...config.mac, notarize };
  if (!notarize) notes.push('macOS: not notarised (needs a signing identity and APPLE_API_KEY/APPLE_API_KEY_ID/APPLE_API_ISSUER, APPLE_ID/APPLE_APP_SPECIFIC_PASSWORD/APPLE_TEAM_ID or APPLE_KEYCHAIN/APPLE_KEYCHAIN_PROFILE).');
  if (!has(env, 'CSC_LINK') && !has(env, 'WIN_CSC_LINK')) notes.push('Windows: not signed (no WIN_CSC_LINK or CSC_LINK).');
  return { config, notes };
}
