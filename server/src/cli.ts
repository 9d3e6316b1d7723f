// placeholder entry point, replaced by the LSP server
export {};
