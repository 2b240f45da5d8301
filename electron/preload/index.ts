import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_NAME, IPC_CHANNEL, type CountyLedgerBridge } from '../api/contract';

// The page gets exactly one function: call a method of the API table by name.
const bridge = {
  call: (method: string, input: unknown) => ipcRenderer.invoke(IPC_CHANNEL, String(method), input),
} satisfies CountyLedgerBridge;

contextBridge.exposeInMainWorld(BRIDGE_NAME, bridge);
