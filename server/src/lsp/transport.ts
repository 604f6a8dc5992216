// How the server talks to its client, chosen by the command line as vscode-languageserver chooses it
// (--stdio, --node-ipc, --socket=PORT, --pipe=NAME). Byte streams (stdio, socket, pipe) are read by the
// framing reader that survives bad frames (framing.ts); IPC — the VS Code client — carries whole
// messages and needs none. Every incoming message then passes the lifecycle gate (lifecycle.ts).
import { connect } from 'node:net';
import { IPCMessageReader, IPCMessageWriter, StreamMessageWriter, type MessageReader, type MessageWriter } from 'vscode-languageserver/node';
import { FramedStreamReader, type FrameFaultHandler } from './framing';

export interface Transport {
  reader: MessageReader;
  writer: MessageWriter;
  /** stdout carries the protocol: nothing else may be written there (console output is redirected). */
  stdio: boolean;
}

/** The value of `--name=value` or `--name value` among the arguments. */
function option(args: readonly string[], name: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === name) return args[i + 1];
    if (args[i].startsWith(`${name}=`)) return args[i].slice(name.length + 1);
  }
  return undefined;
}

export function openTransport(args: readonly string[], faults: FrameFaultHandler): Transport {
  if (args.includes('--node-ipc')) return { reader: new IPCMessageReader(process), writer: new IPCMessageWriter(process), stdio: false };
  if (args.includes('--stdio')) return { reader: new FramedStreamReader(process.stdin, faults), writer: new StreamMessageWriter(process.stdout), stdio: true };
  const port = Number(option(args, '--socket'));
  const pipe = option(args, '--pipe');
  if (Number.isInteger(port) && port > 0) {
    const socket = connect(port, '127.0.0.1');
    return { reader: new FramedStreamReader(socket, faults), writer: new StreamMessageWriter(socket), stdio: false };
  }
  if (pipe) {
    const socket = connect(pipe);
    return { reader: new FramedStreamReader(socket, faults), writer: new StreamMessageWriter(socket), stdio: false };
  }
  throw new Error("gkreport: say how to talk to the client: --stdio, --node-ipc, --socket=PORT or --pipe=NAME");
}
