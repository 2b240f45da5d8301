import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_NAME, IPC_CHANNEL, PRINT_FILE_CHANNEL, type CountyLedgerBridge } from '../api/contract';

// The page gets two functions: call a method of the API table by name, and (desktop only) hand a
// file of the print register to the office printer.
const bridge = {
  call: (method: string, input: unknown) => ipcRenderer.invoke(IPC_CHANNEL, String(method), input),
  printFile: (fileName: string, options?: { silent?: boolean; deviceName?: string; copies?: number }) =>
    ipcRenderer.invoke(PRINT_FILE_CHANNEL, String(fileName), options),
} satisfies CountyLedgerBridge;

contextBridge.exposeInMainWorld(BRIDGE_NAME, bridge);
