-- Drives Neovim headless (nvim --headless -u NONE -c "luafile neovim-driver.lua") on the file named by
-- SCNC_TEST_FILE, with the set-up file SCNC_SETUP loaded unchanged (and SCNC_RUNTIMEPATH, when set,
-- on the runtimepath: the vendored nvim-lspconfig), and prints one line "SCNC-RESULT <json>" with
-- what the user would see: the buffer's diagnostics, the hover window's text and where go-to-definition
-- lands.
local function finish(result, failure)
  io.stdout:write("SCNC-RESULT " .. vim.json.encode(failure and { error = failure } or result) .. "\n")
  vim.cmd(failure and "cquit 1" or "qall!")
end

-- -u NONE skips what a user's Neovim does at startup: turn filetype detection on. On Neovim 0.7 the Lua
-- detection that vim.filetype.add feeds is opt-in (the default from 0.8).
vim.g.do_filetype_lua = 1
vim.cmd("filetype on")

-- The shim, only where Neovim is older than the set-up needs (Debian 12 has 0.7.2): vim.lsp.start
-- (0.8+) as 0.8 defines it, start_client + buf_attach_client reusing the client of the same name and
-- root_dir; vim.fs.root (0.10+), the nearest directory upward that holds one of the markers.
if not vim.lsp.start then
  vim.lsp.start = function(config)
    local buffer = vim.api.nvim_get_current_buf()
    for _, client in pairs(vim.lsp.get_active_clients()) do
      if client.name == config.name and client.config.root_dir == config.root_dir then
        vim.lsp.buf_attach_client(buffer, client.id)
        return client.id
      end
    end
    local id = vim.lsp.start_client(config)
    if id then vim.lsp.buf_attach_client(buffer, id) end
    return id
  end
end
vim.fs = vim.fs or {}
if not vim.fs.root then
  vim.fs.root = function(source, markers)
    local directory = vim.fn.fnamemodify(type(source) == "number" and vim.api.nvim_buf_get_name(source) or source, ":p:h")
    while true do
      for _, marker in ipairs(type(markers) == "table" and markers or { markers }) do
        if vim.loop.fs_stat(directory .. "/" .. marker) then return directory end
      end
      local parent = vim.fn.fnamemodify(directory, ":h")
      if parent == directory then return nil end
      directory = parent
    end
  end
end

-- The clients attached to a buffer, or all of them (vim.lsp.get_clients from 0.10, before it the two older calls).
local function clients_of(buffer)
  if vim.lsp.get_clients then return vim.lsp.get_clients(buffer and { bufnr = buffer } or nil) end
  return buffer and vim.lsp.buf_get_clients(buffer) or vim.lsp.get_active_clients()
end

local function run()
  if os.getenv("SCNC_RUNTIMEPATH") then vim.opt.runtimepath:prepend(os.getenv("SCNC_RUNTIMEPATH")) end
  dofile(os.getenv("SCNC_SETUP"))
  vim.cmd("edit " .. vim.fn.fnameescape(os.getenv("SCNC_TEST_FILE")))
  local buffer = vim.api.nvim_get_current_buf()
  local window = vim.api.nvim_get_current_win()
  if vim.bo[buffer].filetype ~= "scn" then error("the set-up did not make the filetype scn: " .. vim.bo[buffer].filetype) end
  if not vim.wait(30000, function() return #vim.diagnostic.get(buffer) > 0 end, 20) then error("no diagnostics arrived") end
  local clients = {}
  for _, client in pairs(clients_of(buffer)) do table.insert(clients, { name = client.name, root_dir = client.config.root_dir }) end

  -- K: the hover window, on the server name of `voicemail vm-east`.
  vim.fn.search("voicemail vm-east")
  vim.cmd("normal! W")
  vim.lsp.buf.hover()
  local hover
  vim.wait(10000, function()
    for _, other in ipairs(vim.api.nvim_list_wins()) do
      if other ~= window and vim.api.nvim_win_get_config(other).relative ~= "" then
        hover = table.concat(vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(other), 0, -1, false), "\n")
        return true
      end
    end
    return false
  end, 20)

  -- <C-]> / gd: go-to-definition from the same place, which moves the cursor to the declaration.
  local before = vim.api.nvim_win_get_cursor(window)[1]
  vim.lsp.buf.definition()
  vim.wait(10000, function() return vim.api.nvim_win_get_cursor(window)[1] ~= before end, 20)
  local definition = { file = vim.api.nvim_buf_get_name(vim.api.nvim_win_get_buf(window)), line = vim.api.nvim_win_get_cursor(window)[1] }

  -- A second file of the same directory gets its diagnostics from the same client, not a new server.
  vim.cmd("edit " .. vim.fn.fnameescape(vim.fn.fnamemodify(os.getenv("SCNC_TEST_FILE"), ":h") .. "/other.scn"))
  local other = vim.api.nvim_get_current_buf()
  if not vim.wait(30000, function() return #vim.diagnostic.get(other) > 0 end, 20) then error("no diagnostics arrived for other.scn") end
  local running = 0
  for _, client in pairs(clients_of(nil)) do if client.name == "scnc" then running = running + 1 end end

  local diagnostics = {}
  for _, diagnostic in ipairs(vim.diagnostic.get(buffer)) do
    table.insert(diagnostics, { diagnostic.lnum + 1, diagnostic.code or vim.NIL, diagnostic.message })
  end
  return {
    version = tostring(vim.version().major) .. "." .. vim.version().minor .. "." .. vim.version().patch,
    clients = clients,
    running = running,
    diagnostics = diagnostics,
    hover = hover or vim.NIL,
    definition = definition,
  }
end

local ok, result = pcall(run)
if ok then finish(result) else finish(nil, tostring(result)) end
