// Starts `clause lsp` for .clause and .scenario files. The server does all the work.
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

function activate() {
  const command = vscode.workspace.getConfiguration('clause').get('path') || 'clause';
  client = new LanguageClient(
    'clause',
    'Clause',
    { command, args: ['lsp'] },
    { documentSelector: [{ scheme: 'file', language: 'clause' }, { scheme: 'untitled', language: 'clause' }] }
  );
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
