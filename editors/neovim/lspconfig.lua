-- With nvim-lspconfig, which has no entry for scnc: register one, then set it up.
vim.filetype.add({ extension = { scn = "scn" } })

local configs = require("lspconfig.configs")
if not configs.scnc then
  configs.scnc = {
    default_config = {
      cmd = { "scnc", "lsp", "--stdio" },
      filetypes = { "scn" },
      root_dir = require("lspconfig.util").root_pattern("scnc.json", ".git"),
      single_file_support = true,
    },
  }
end
require("lspconfig").scnc.setup({})
