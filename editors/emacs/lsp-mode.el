;;; With lsp-mode instead of eglot: the same scn-mode (without its last two eglot lines), then:
(require 'lsp-mode)
(add-to-list 'lsp-language-id-configuration '(scn-mode . "scn"))
(lsp-register-client
 (make-lsp-client :new-connection (lsp-stdio-connection '("scnc" "lsp" "--stdio"))
                  :activation-fn (lsp-activate-on "scn")
                  :server-id 'scnc))
(add-hook 'scn-mode-hook #'lsp-deferred)
