/**
 * A small hand-written stand-in for the `electron` module, which cannot run on the build
 * machines. It records what the glue asks of Electron and mimics the few behaviours the glue
 * relies on (events, preventDefault, one handler per IPC channel, privileges only before ready).
 * Tests load it with `vi.mock('electron', () => import('./electron-stand-in'))`; the mocked module
 * outlives vi.resetModules(), so tests that re-run the entry call resetStandIn() first.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

type Handler = (...args: never[]) => unknown;

/** Electron's event objects: listeners veto with preventDefault(). */
export interface StandInEvent {
  url?: string;
  defaultPrevented: boolean;
  preventDefault(): void;
}

export function standInEvent(fields: { url?: string } = {}): StandInEvent {
  return {
    ...fields,
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

class AppStandIn extends EventEmitter {
  isPackaged = false;
  userDataDir = '/nonexistent';
  lockAvailable = true;
  ready = false;
  readonly quit = vi.fn();
  readonly exit = vi.fn();
  readonly setAboutPanelOptions = vi.fn();
  readonly enableSandbox = vi.fn(() => this.beforeReady('app.enableSandbox'));

  getPath(name: string): string {
    if (name !== 'userData') throw new Error(`stand-in: getPath(${name}) not supported`);
    return this.userDataDir;
  }
  getVersion(): string {
    return '0.1.0';
  }
  /** The operating system's locale, as Electron reports it ("en-US", "kk-KZ", "ru"). */
  locale = 'en-US';
  getLocale(): string {
    return this.locale;
  }
  requestSingleInstanceLock(): boolean {
    return this.lockAvailable;
  }
  isReady(): boolean {
    return this.ready;
  }
  whenReady(): Promise<void> {
    return Promise.resolve().then(() => {
      if (!this.ready) {
        this.ready = true;
        this.emit('ready');
      }
    });
  }
  /** Electron throws for these once ready; so does the stand-in, to catch ordering mistakes. */
  beforeReady(what: string): void {
    if (this.ready) throw new Error(`${what} must be called before the app is ready`);
  }
}

export const app = new AppStandIn();

export class WebContentsStandIn extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  /** Emits will-navigate as Chromium would; true if a listener refused it. */
  navigate(url: string, event = 'will-navigate'): boolean {
    const details = standInEvent({ url });
    this.emit(event, details, url);
    return details.defaultPrevented;
  }
}

export class BrowserWindowStandIn extends EventEmitter {
  static readonly all: BrowserWindowStandIn[] = [];
  readonly webContents = new WebContentsStandIn();
  loadedUrl: string | null = null;
  visible = false;
  focused = false;
  minimized = false;

  constructor(readonly options: Record<string, unknown>) {
    super();
    BrowserWindowStandIn.all.push(this);
    // Electron announces every new webContents on the app before anything loads in it.
    app.emit('web-contents-created', standInEvent(), this.webContents);
  }
  static getAllWindows(): BrowserWindowStandIn[] {
    return BrowserWindowStandIn.all;
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  show(): void {
    this.visible = true;
  }
  focus(): void {
    this.focused = true;
  }
  minimize(): void {
    this.minimized = true;
    this.focused = false;
  }
  restore(): void {
    this.minimized = false;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
}
export { BrowserWindowStandIn as BrowserWindow };

class IpcMainStandIn extends EventEmitter {
  readonly handlers = new Map<string, Handler>();
  handle(channel: string, handler: Handler): void {
    // Electron refuses a second handler on one channel.
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
}
export const ipcMain = new IpcMainStandIn();

/** The preload's side of IPC: invoke records and answers; `on` listeners hear what a test emits as main would send it. */
class IpcRendererStandIn extends EventEmitter {
  readonly invoke = vi.fn((channel: string, ...args: unknown[]) => Promise.resolve({ channel, args }));
  readonly send = vi.fn((_channel: string, ..._args: unknown[]) => undefined);
}
export const ipcRenderer = new IpcRendererStandIn();

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown): void {
    if (contextBridge.exposed.has(key)) throw new Error(`Cannot bind an API on top of an existing property: ${key}`);
    contextBridge.exposed.set(key, api);
  },
};

export const protocol = {
  privileged: [] as { scheme: string; privileges?: Record<string, boolean> }[],
  handlers: new Map<string, (request: { url: string; method: string }) => Promise<Response> | Response>(),
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges?: Record<string, boolean> }[]): void {
    app.beforeReady('protocol.registerSchemesAsPrivileged');
    protocol.privileged.push(...schemes);
  },
  handle(scheme: string, handler: (request: { url: string; method: string }) => Promise<Response> | Response): void {
    protocol.handlers.set(scheme, handler);
  },
};

type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
export const session = {
  defaultSession: {
    requestHandler: null as PermissionRequestHandler | null,
    checkHandler: null as ((...args: unknown[]) => boolean) | null,
    setPermissionRequestHandler(handler: PermissionRequestHandler): void {
      session.defaultSession.requestHandler = handler;
    },
    setPermissionCheckHandler(handler: (...args: unknown[]) => boolean): void {
      session.defaultSession.checkHandler = handler;
    },
  },
};

export const Menu = {
  applied: null as { template: unknown[] } | null,
  buildFromTemplate(template: unknown[]): { template: unknown[] } {
    return { template };
  },
  setApplicationMenu(menu: { template: unknown[] } | null): void {
    Menu.applied = menu;
  },
};

/**
 * The native dialogs: each records its call and answers with the canned path (null: cancelled).
 * Electron accepts an optional parent window as the first argument.
 */
export const dialog = {
  showErrorBox: vi.fn(),
  openPath: null as string | null,
  savePath: null as string | null,
  showOpenDialog: vi.fn((..._args: unknown[]) =>
    Promise.resolve(dialog.openPath === null ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [dialog.openPath] }),
  ),
  showSaveDialog: vi.fn((..._args: unknown[]) =>
    Promise.resolve(dialog.savePath === null ? { canceled: true, filePath: '' } : { canceled: false, filePath: dialog.savePath }),
  ),
};

/** The desktop shell: opening a file in its system viewer answers with an error text, empty on success. */
export const shell = {
  openError: '',
  openPath: vi.fn((_path: string) => Promise.resolve(shell.openError)),
};

/**
 * The OS key store: a reversible scrambling that is not the identity (so a test can tell the
 * bytes went through it), available only once the app is ready, as Electron's is.
 */
type StorageBackend = 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'unknown';
export const safeStorage = {
  available: true,
  backend: 'gnome_libsecret' as StorageBackend,
  isEncryptionAvailable(): boolean {
    return safeStorage.available && app.ready;
  },
  getSelectedStorageBackend(): StorageBackend {
    return safeStorage.backend;
  },
  encryptString: vi.fn((text: string): Buffer => Buffer.from(Buffer.from(`os-store:${text}`, 'utf8').map((b) => b ^ 0x5a))),
  decryptString: vi.fn((data: Buffer): string => {
    const text = Buffer.from(data.map((b) => b ^ 0x5a)).toString('utf8');
    if (!text.startsWith('os-store:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return text.slice('os-store:'.length);
  }),
};

/** Back to a freshly started, not yet ready Electron. */
export function resetStandIn(): void {
  app.removeAllListeners();
  Object.assign(app, { isPackaged: false, userDataDir: '/nonexistent', lockAvailable: true, ready: false, locale: 'en-US' });
  BrowserWindowStandIn.all.length = 0;
  ipcMain.removeAllListeners();
  ipcMain.handlers.clear();
  contextBridge.exposed.clear();
  protocol.privileged.length = 0;
  protocol.handlers.clear();
  session.defaultSession.requestHandler = null;
  session.defaultSession.checkHandler = null;
  Menu.applied = null;
  dialog.openPath = null;
  dialog.savePath = null;
  shell.openError = '';
  safeStorage.available = true;
  safeStorage.backend = 'gnome_libsecret';
  vi.clearAllMocks();
}
