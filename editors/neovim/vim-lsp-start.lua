-- Neovim 0.10 and later, without nvim-lspconfig: start the server for each .scn buffer.
vim.filetype.add({ extension = { scn = "scn" } })

vim.api.nvim_create_autocmd("FileType", {
  pattern = "scn",
  callback = function(args)
    vim.bo[args.buf].commentstring = "// %s"
    vim.bo[args.buf].shiftwidth = 2
    vim.bo[args.buf].expandtab = true
    vim.lsp.start({
      name = "scnc",
      cmd = { "scnc", "lsp", "--stdio" },
      root_dir = vim.fs.root(args.buf, { "scnc.json", ".git" }),
    })
  end,
})
