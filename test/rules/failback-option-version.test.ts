import rule from "../../src/rules/failback-option-version.js";
import { network } from "../support/networks.js";
import { ruleTable } from "../support/rule-table.js";

const backup = "server vm-dr { role backup }";

ruleTable(rule, {
  valid: [
    { name: "the Failback Option where it is documented (12.2)", code: network({ release: "12.2", servers: ["server vm-hq { role central failback graceful }", backup] }) },
    { name: "versions no document settles are left alone (7.0 to 12.1)", code: network({ release: "9.1", servers: ["server vm-hq { role central failback automatic 15 }", backup] }) },
    { name: "no failback at 6.0", code: network({ servers: ["server vm-hq { role central }", backup] }) },
    { name: "without a backup server, failback-without-backup speaks", code: network({ servers: ["server vm-hq { role central failback manual }"] }) },
  ],
  invalid: [
    {
      name: "graceful at 6.0: at the mode, with a fix that removes the setting",
      code: network({ servers: ["server vm-hq { role central failback graceful }", backup] }),
      errors: [{
        line: 3, column: 40, endColumn: 48,
        message: "central server 'vm-hq' sets failback graceful at 6.0 (the network's release), but Voicemail Pro below 7.0 has no Failback Option: " +
          "a restored central server does not resume control by itself, so switching back is done by hand (remove the failback setting, " +
          "or raise the version; the option is documented from 12.2)",
        fix: "Remove the failback setting",
        related: [{ line: 2, column: 11, message: "server 'vm-hq' is at 6.0" }],
      }],
      output: network({ servers: ["server vm-hq { role central }", backup] }),
    },
    {
      name: "the central server's own version",
      code: network({ release: "9.1", servers: ["server vm-hq { role central version 6.1 failback automatic 5 }", backup] }),
      errors: [{ line: 3, column: 52, message: /^central server 'vm-hq' sets failback automatic at 6\.1, but/ }],
    },
  ],
});
