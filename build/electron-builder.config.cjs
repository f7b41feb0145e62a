// electron-builder configuration for Bản Thảo (electron-builder 26.17; options: https://www.electron.build).
// CommonJS on purpose: package.json has "type": "module", and electron-builder loads `.cjs` with require().
// Checked by tests/packaging/electronBuilderConfig.test.ts (schema + security values) and
// tests/packaging/packagedApp.test.ts (what actually lands in app.asar).

// Review packages (.banthao) open in the app by double-click once it is installed; main takes the path from the
// command line (Windows, Linux) or macOS's open-file event (electron/main/claimSingleInstance.ts). One entry per
// platform, because `name` means something else on each: the registry class on Windows, the kind shown on macOS.
const reviewPackage = { ext: 'banthao', description: 'Gói bài Bản Thảo' };

/** @type {import('electron-builder').Configuration} */
const config = {
  appId: 'vn.banthao.app',
  productName: 'Bản Thảo',
  copyright: 'Copyright © Bản Thảo',
  directories: {
    output: 'dist',
    buildResources: 'build',
  },

  // Only the electron-vite output and package.json. Production dependencies ("dependencies" in
  // package.json) are added by electron-builder itself, devDependencies never are; the negated patterns
  // below also apply to them. Source maps, TypeScript sources and declarations, and the test files some
  // packages publish (@tiptap/core ships src/**/*.test.ts) stay out: nothing at run time reads them.
  files: [
    'out/**/*',
    '!out/**/*.map',
    'package.json',
    '!**/node_modules/**/*.{ts,mts,cts,tsx,map}',
    '!**/node_modules/**/*.{test,spec}.{js,mjs,cjs,jsx}',
    '!**/node_modules/**/{__tests__,__mocks__,test,tests}/**',
    // libheif-js: only libheif-wasm/libheif.js with its separate libheif.wasm is loaded (heicDecodeWorker.ts); its asm.js
    // build and the bundles with the WASM inlined would be ~7 MB nobody runs.
    '!**/node_modules/libheif-js/libheif/**',
    '!**/node_modules/libheif-js/libheif-wasm/libheif-bundle.*',
  ],
  asar: true,
  // libheif-js is LGPL-3.0: its WASM build stays loose files beside app.asar, which a user can replace (see README).
  asarUnpack: ['**/node_modules/libheif-js/**'],
  // English and Vietnamese Chromium UI strings only (dialogs, context menus); drops the other ~50 locale packs (tens of MB).
  electronLanguages: ['vi', 'en-US'],
  // Nothing native among the dependencies: no rebuild, which also keeps packaging offline.
  npmRebuild: false,

  // Fuses are flipped in the packaged Electron binary right before signing (electron-builder's native
  // `electronFuses` key, which runs @electron/fuses; see docs/ARCHITECTURE.md, Security).
  electronFuses: {
    runAsNode: false, // ELECTRON_RUN_AS_NODE cannot turn the app into a plain Node interpreter
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false, // NODE_OPTIONS / NODE_EXTRA_CA_CERTS ignored
    enableNodeCliInspectArguments: false, // no --inspect, no SIGUSR1 debugger
    enableEmbeddedAsarIntegrityValidation: true, // app.asar checked against the hash baked into the binary (macOS, Windows)
    onlyLoadAppFromAsar: true, // never fall back to a loose resources/app folder
    // Off: the page is served from app://banthao (electron/main/serveRendererFile.ts, a privileged standard
    // scheme), never from file://, so no page needs the extra privileges Electron grants file:// by default;
    // a stray file:// page gets a browser's plain rules and cannot read other local files.
    grantFileProtocolExtraPrivileges: false,
  },

  win: {
    target: [
      { target: 'nsis', arch: ['x64'] },
      { target: 'portable', arch: ['x64'] },
    ],
    // ASCII file name for the executable; shortcuts and the window title still read "Bản Thảo".
    executableName: 'BanThao',
    // The NSIS installer registers it, per user (HKCU\Software\Classes) or for all users, and opens the file with
    // `BanThao.exe "%1"`; `name` is the registry class (no spaces, vendor.type), `description` what Explorer shows.
    // The portable exe registers nothing.
    fileAssociations: [{ ...reviewPackage, name: 'BanThao.GoiBai' }],
  },
  nsis: {
    oneClick: false,
    allowToChangeInstallationDirectory: true,
    // Per-user install by default (no administrator rights needed); the assisted installer still offers
    // "all users" on its install-mode page, which asks for elevation only if chosen.
    perMachine: false,
    selectPerMachineByDefault: false,
    installerLanguages: ['vi_VN', 'en_US'],
    multiLanguageInstaller: true,
    language: '1066', // Vietnamese (LCID), the default language of the installer
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    shortcutName: 'Bản Thảo',
    deleteAppDataOnUninstall: false, // the user's articles live in userData: never delete them on uninstall
    artifactName: 'ban-thao-${version}-setup-${arch}.${ext}',
  },
  portable: {
    // Distinct from the NSIS installer, which also ends in .exe.
    artifactName: 'ban-thao-${version}-portable-${arch}.${ext}',
  },

  linux: {
    target: [
      { target: 'AppImage', arch: ['x64'] },
      { target: 'deb', arch: ['x64'] },
    ],
    executableName: 'ban-thao',
    category: 'Office',
    // Placeholder address (.invalid is reserved): replace with the newsroom's technical contact.
    maintainer: 'Bản Thảo <dong-goi@banthao.invalid>',
    vendor: 'Bản Thảo',
    synopsis: 'Trạm biên tập ngoại tuyến cho tòa soạn',
    description: 'Bản Thảo: trạm biên tập ngoại tuyến cho phóng viên và biên tập viên',
    artifactName: 'ban-thao-${version}-${arch}.${ext}',
    // The .deb installs a shared-mime-info type for *.banthao and names it in the desktop entry (MimeType=, with
    // `Exec=… %U`); an AppImage carries both, and AppImageLauncher integrates them.
    fileAssociations: [{ ...reviewPackage, name: 'Gói bài Bản Thảo', mimeType: 'application/x-banthao' }],
  },
  deb: {
    packageCategory: 'editors',
    priority: 'optional',
  },

  mac: {
    target: [{ target: 'dmg', arch: ['x64', 'arm64'] }],
    category: 'public.app-category.productivity',
    hardenedRuntime: true,
    darkModeSupport: true,
    artifactName: 'ban-thao-${version}-mac-${arch}.${ext}',
    // CFBundleDocumentTypes in Info.plist: Finder opens .banthao files with the app (the 'open-file' event), shown as
    // this kind; the app edits what it opens and is the type's owner.
    fileAssociations: [{ ...reviewPackage, name: 'Gói bài Bản Thảo', role: 'Editor', rank: 'Owner' }],
  },
  dmg: {
    title: '${productName} ${version}',
  },
};

module.exports = config;
