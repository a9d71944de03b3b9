// Starts `gov lsp` for .gov files. Everything else (checks, completion, hover, formatting, quick fixes,
// the outline) comes from the server; this file only says how to run it.
const { workspace } = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

function activate() {
  const config = workspace.getConfiguration('gov');
  const command = config.get('path') || 'gov';
  const debounce = String(config.get('debounce') ?? 150);
  const server = { command, args: ['lsp', '--debounce', debounce] };
  client = new LanguageClient('gov', 'gov', server, {
    documentSelector: [
      { scheme: 'file', language: 'gov' },
      { scheme: 'untitled', language: 'gov' },
    ],
    // Included and last year's scripts changed on disk are checked again.
    synchronize: { fileEvents: workspace.createFileSystemWatcher('**/*.gov') },
  });
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
