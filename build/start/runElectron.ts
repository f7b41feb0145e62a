import { spawn } from 'node:child_process';
import { constants } from 'node:os';

// The signals node_modules/electron/cli.js passes on to the app.
const forwardedSignals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGUSR2'];

/** Runs `<binary> <appDirectory> ...args` in this terminal and ends this process the way Electron ended. */
export function runElectron(binary: string, appDirectory: string, args: readonly string[]): void {
  const child = spawn(binary, [appDirectory, ...args], { stdio: 'inherit', windowsHide: false });
  const forward = (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  for (const signal of forwardedSignals) process.on(signal, forward);
  child.once('error', (error) => {
    console.error(`Bản Thảo: không chạy được Electron / could not run Electron (${binary}):`, error.message);
    process.exit(1);
  });
  child.once('close', (code, signal) => {
    for (const forwarded of forwardedSignals) process.off(forwarded, forward);
    // Ended by a signal: the shell's 128 + signal number, so npm and scripts see it was not a clean exit.
    process.exit(signal === null ? (code ?? 1) : 128 + constants.signals[signal]);
  });
}
