// The product version, shown by `gkreport --version`, in SARIF and in the server's serverInfo.
// Keep equal to package.json's "version" (a test checks it).
export const VERSION = '0.1.0';
export const TOOL_NAME = 'gkreport';
