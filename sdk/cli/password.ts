import { createInterface } from 'node:readline';

/**
 * A password from an interactive prompt without echo (asked twice) when stdin is a
 * terminal, else the first line of stdin. Never an argument: argv is visible to every
 * user of the machine (`ps`) and lands in shell history.
 */
export async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) return firstLine();
  const password = await promptHidden('Password: ');
  if ((await promptHidden('Repeat the password: ')) !== password) throw new Error('The passwords do not match.');
  return password;
}

function firstLine(): Promise<string> {
  return new Promise((resolve, reject) => {
    const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
    let done = false;
    rl.once('line', (line) => {
      done = true;
      rl.close();
      // A writer that keeps the pipe open must not keep this process alive.
      process.stdin.destroy();
      resolve(line);
    });
    rl.once('close', () => {
      if (!done) reject(new Error('No password given: type it at the prompt, or pipe it as the first line of stdin.'));
    });
  });
}

function promptHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return finish();
        if (ch === '\u0003') return finish(new Error('Cancelled.'));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    stdin.on('data', onData);
    stdin.resume();
  });
}
