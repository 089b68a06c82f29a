vim.filetype.add({ extension = { scn = "scn" } })

vim.lsp.config("scnc", {
  cmd = { "scnc", "lsp", "--stdio" },
  filetypes = { "scn" },
  root_markers = { "scnc.json", ".git" },
})
vim.lsp.enable("scnc")

vim.api.nvim_create_autocmd("FileType", {
  pattern = "scn",
  callback = function(args)
    vim.bo[args.buf].commentstring = "// %s"
    vim.bo[args.buf].shiftwidth = 2
    vim.bo[args.buf].expandtab = true
    -- Format on save through the language server (the same layout as scnc fmt).
    vim.api.nvim_create_autocmd("BufWritePre", {
      buffer = args.buf,
      callback = function() vim.lsp.buf.format({ bufnr = args.buf, name = "scnc" }) end,
    })
  end,
})
