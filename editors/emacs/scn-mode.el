;;; scn-mode.el --- SCN networks (.scn) with the scnc language server, through eglot  -*- lexical-binding: t; -*-

;; Load it from your init file: (load "/path/to/scn-mode.el"), or paste it there.
;; Needs Emacs 28+ with eglot (built in from Emacs 29; Debian: elpa-eglot) and `scnc' on the PATH.

(require 'eglot)

(defvar scn-mode-syntax-table
  (let ((table (make-syntax-table)))
    ;; `//' line comments and `/* ... */' block comments, `-' inside names (vm-east).
    (modify-syntax-entry ?/ ". 124b" table)
    (modify-syntax-entry ?* ". 23" table)
    (modify-syntax-entry ?\n "> b" table)
    (modify-syntax-entry ?- "_" table)
    (modify-syntax-entry ?\" "\"" table)
    table)
  "Syntax table of `scn-mode'.")

(define-derived-mode scn-mode prog-mode "SCN"
  "Major mode for Avaya IP Office SCN networks (.scn), served by `scnc lsp --stdio'."
  (setq-local comment-start "// ")
  (setq-local comment-end "")
  (setq-local indent-tabs-mode nil)
  (setq-local tab-width 2))

(add-to-list 'auto-mode-alist '("\\.scn\\'" . scn-mode))
(add-to-list 'eglot-server-programs '(scn-mode "scnc" "lsp" "--stdio"))
(add-hook 'scn-mode-hook #'eglot-ensure)

(provide 'scn-mode)
;;; scn-mode.el ends here
