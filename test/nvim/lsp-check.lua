-- A second, independent LSP client: Neovim's built-in client (0.7+: vim.lsp.start_client) runs the built
-- vpnconf server on one file, waits for its diagnostics, asks for a hover, and writes what it saw as JSON
-- to $VPNCONF_OUT. Driven by test/nvim/neovim.test.ts:
--   nvim --headless --clean -c "luafile test/nvim/lsp-check.lua"
-- Inputs (environment): VPNCONF_NODE, VPNCONF_SERVER, VPNCONF_WS (workspace root), VPNCONF_FILE (file to
-- open), VPNCONF_HOVER_LINE / VPNCONF_HOVER_COL (0-based), VPNCONF_OUT (result file).
local out = { diagnostics = {}, hover = nil, error = nil, log = {} }

local function finish()
  local f = io.open(os.getenv('VPNCONF_OUT'), 'w')
  f:write(vim.fn.json_encode(out))
  f:close()
  vim.cmd('qa!')
end

local ok, err = pcall(function()
  local ws = os.getenv('VPNCONF_WS')
  local client_id = vim.lsp.start_client({
    name = 'vpnconf',
    cmd = { os.getenv('VPNCONF_NODE'), os.getenv('VPNCONF_SERVER'), '--stdio' },
    root_dir = ws,
    workspace_folders = { { uri = vim.uri_from_fname(ws), name = 'ws' } },
    settings = { vpnconf = { libreswan = { version = '5' } } },
    handlers = {
      ['window/logMessage'] = function(_, result) table.insert(out.log, result.message) end,
    },
  })
  if not client_id then error('start_client failed') end

  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('VPNCONF_FILE')))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'libreswan'
  vim.lsp.buf_attach_client(bufnr, client_id)

  local got = vim.wait(30000, function() return #vim.diagnostic.get(bufnr) > 0 end, 100)
  if not got then error('no diagnostics within 30 s') end
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(out.diagnostics, { lnum = d.lnum, col = d.col, end_col = d.end_col, severity = d.severity, code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code), message = d.message })
  end

  local client = vim.lsp.get_client_by_id(client_id)
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    position = { line = tonumber(os.getenv('VPNCONF_HOVER_LINE')), character = tonumber(os.getenv('VPNCONF_HOVER_COL')) },
  }
  local resp = client.request_sync('textDocument/hover', params, 15000, bufnr)
  if not resp then error('hover timed out') end
  if resp.err then error('hover error: ' .. vim.inspect(resp.err)) end
  out.hover = resp.result
  client.stop()
end)
if not ok then out.error = tostring(err) end
finish()
