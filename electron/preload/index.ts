import { contextBridge, ipcRenderer } from 'electron';
import { createPreloadApi } from './createPreloadApi';

contextBridge.exposeInMainWorld('api', createPreloadApi(ipcRenderer));
