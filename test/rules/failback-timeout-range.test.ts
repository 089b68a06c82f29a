import rule from "../../src/rules/failback-timeout-range.js";
import { network } from "../support/networks.js";
import { ruleTable } from "../support/rule-table.js";

const backup = "server vm-dr { role backup }";
const central = (failback: string) => network({ servers: [`server vm-hq { role central failback ${failback} }`, backup] });

ruleTable(rule, {
  valid: [central("automatic 1"), central("automatic 60"), central("automatic"), central("graceful"), central("manual")],
  invalid: [
    { code: central("automatic 0"), errors: [{ line: 3, column: 50, endColumn: 51, message: "server 'vm-hq' sets an automatic failback timeout of 0 minutes; it must be 1–60" }] },
    { code: central("automatic 61"), errors: [{ line: 3, column: 50 }] },
    { code: central("automatic 99999999999999999999"), errors: [{ line: 3, column: 50, message: /timeout of 99999999999999999999 minutes/ }] },
    {
      code: central("graceful 10"),
      errors: [{ line: 3, column: 49, endColumn: 51, message: "server 'vm-hq' sets failback graceful 10, but only `automatic` takes a timeout; remove the number, or write `failback automatic 10`", fix: "Remove the number" }],
    },
  ],
});
