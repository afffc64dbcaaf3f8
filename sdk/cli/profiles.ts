import type { Command } from 'commander';
import { activeProfile, checkProfileName, checkSettingKey, CLIENT_SETTINGS, isSecretSetting, ProfileError, profilesPath, readProfiles, writeProfiles, type ProfilesDoc } from '../../server/profiles.ts';
import { loadSettings, maskUrlPassword, SETTINGS } from '../../server/settings.ts';

/**
 * `syntask profile …` and `syntask config …`: profiles in `$SYNTASK_HOME/profiles.toml`.
 * They read the environment as the process got it (before the CLI applied a profile), so
 * `config view` can say where each value comes from.
 */

const mask = (key: string, value: string) => (isSecretSetting(key) ? (key.endsWith('CONNECTION_URL') ? maskUrlPassword(value) : '********') : value);

function change(env: NodeJS.ProcessEnv, edit: (doc: ProfilesDoc, path: string) => string) {
  const path = profilesPath(env);
  const doc = readProfiles(path);
  const message = edit(doc, path);
  writeProfiles(path, doc);
  console.log(message);
}

function needProfile(doc: ProfilesDoc, name: string, path: string) {
  if (!doc.profiles[name]) throw new ProfileError(`No profile "${name}" in ${path}. Profiles: ${Object.keys(doc.profiles).join(', ')}.`);
}

function parseAssignment(text: string): [string, string] {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new ProfileError(`"${text}" is not KEY=VALUE (for example SYNTASK_API_URL=http://127.0.0.1:4200/api).`);
  const key = text.slice(0, eq).trim();
  checkSettingKey(key);
  return [key, text.slice(eq + 1)];
}

export function registerProfileCommands(program: Command, originalEnv: NodeJS.ProcessEnv) {
  const profile = program.command('profile').description('Named sets of settings in $SYNTASK_HOME/profiles.toml: switch servers with `profile use`');
  profile
    .command('ls')
    .description('List profiles; * marks the active one')
    .action(() => {
      const active = activeProfile(originalEnv).name;
      for (const name of Object.keys(readProfiles(profilesPath(originalEnv)).profiles)) console.log(`${name === active ? '*' : ' '} ${name}`);
    });
  profile
    .command('create <name>')
    .description('Create an empty profile (or a copy of another with --from)')
    .option('--from <profile>', 'copy the settings of this profile')
    .action((name: string, flags: { from?: string }) =>
      change(originalEnv, (doc, path) => {
        checkProfileName(name);
        if (doc.profiles[name]) throw new ProfileError(`Profile "${name}" already exists in ${path}.`);
        if (flags.from) needProfile(doc, flags.from, path);
        doc.profiles[name] = { ...(flags.from ? doc.profiles[flags.from] : {}) };
        return `Created profile "${name}". Use it with \`syntask profile use ${name}\`.`;
      }),
    );
  profile
    .command('use <name>')
    .description('Make a profile the active one')
    .action((name: string) =>
      change(originalEnv, (doc, path) => {
        needProfile(doc, name, path);
        doc.active = name;
        const overridden = originalEnv.SYNTASK_PROFILE && originalEnv.SYNTASK_PROFILE !== name ? ` (SYNTASK_PROFILE=${originalEnv.SYNTASK_PROFILE} in this environment still wins)` : '';
        return `Now using profile "${name}"${overridden}.`;
      }),
    );
  profile
    .command('delete <name>')
    .description('Delete a profile (not the active one)')
    .action((name: string) =>
      change(originalEnv, (doc, path) => {
        needProfile(doc, name, path);
        if (doc.active === name) throw new ProfileError(`Profile "${name}" is active: \`syntask profile use\` another one first.`);
        delete doc.profiles[name];
        return `Deleted profile "${name}".`;
      }),
    );
  profile
    .command('inspect [name]')
    .description('Show the settings of a profile (the active one by default), secrets masked')
    .action((name?: string) => {
      const path = profilesPath(originalEnv);
      const doc = readProfiles(path);
      const chosen = name ?? activeProfile(originalEnv).name;
      needProfile(doc, chosen, path);
      const entries = Object.entries(doc.profiles[chosen]);
      console.log(`Profile "${chosen}" (${path})`);
      if (entries.length === 0) console.log('  (no settings: defaults and the environment apply)');
      for (const [key, value] of entries) console.log(`  ${key}=${mask(key, value)}`);
    });

  const config = program.command('config').description('Settings of the active profile');
  config
    .command('set <assignments...>')
    .description('Set KEY=VALUE settings in the active profile')
    .action((assignments: string[]) => {
      const pairs = assignments.map(parseAssignment);
      change(originalEnv, (doc) => {
        const name = activeProfile(originalEnv).name;
        doc.profiles[name] = { ...doc.profiles[name], ...Object.fromEntries(pairs) };
        const shadowed = pairs.map(([k]) => k).filter((k) => originalEnv[k] !== undefined);
        const note = shadowed.length ? `\nNote: ${shadowed.join(', ')} ${shadowed.length > 1 ? 'are' : 'is'} also set in the environment, which wins over the profile.` : '';
        return `Set ${pairs.map(([k]) => k).join(', ')} in profile "${name}".${note}`;
      });
    });
  config
    .command('unset <keys...>')
    .description('Remove settings from the active profile')
    .action((keys: string[]) =>
      change(originalEnv, (doc, path) => {
        const name = activeProfile(originalEnv).name;
        const settings = { ...doc.profiles[name] };
        for (const key of keys) {
          checkSettingKey(key);
          if (!(key in settings)) throw new ProfileError(`${key} is not set in profile "${name}" (${path}).`);
          delete settings[key];
        }
        doc.profiles[name] = settings;
        return `Unset ${keys.join(', ')} in profile "${name}".`;
      }),
    );
  config
    .command('view')
    .description('Every setting with its value and where it comes from (env, profile, default), secrets masked')
    .option('--hide-defaults', 'only settings from the environment or the profile')
    .action((flags: { hideDefaults?: boolean }) => {
      const profile = activeProfile(originalEnv);
      const effective = loadSettings({ ...profile.settings, ...originalEnv }).raw;
      console.log(`PROFILE="${profile.name}" (${profile.path})`);
      const keys = [...SETTINGS.map((s) => s.env), ...CLIENT_SETTINGS.map((s) => s.env)].filter((k) => k !== 'SYNTASK_PROFILE');
      for (const key of keys) {
        const source = originalEnv[key] !== undefined ? 'env' : key in profile.settings ? 'profile' : 'default';
        if (source === 'default' && flags.hideDefaults) continue;
        const value = originalEnv[key] ?? profile.settings[key] ?? effective[key];
        if (value === undefined) continue;
        console.log(`${key}='${mask(key, String(value))}' (from ${source})`);
      }
    });
}
