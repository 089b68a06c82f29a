import rule from "../../src/rules/feature-license.js";
import { network } from "../support/networks.js";
import { ruleTable } from "../support/rule-table.js";

ruleTable(rule, {
  valid: [
    network({ offices: ["office hq { role central uses ums tts contact-store licenses { preferred-edition ums 4 tts 1 contact-store 2 } }"] }),
    { name: "licences without use", code: network({ offices: ["office hq { role central licenses { preferred-edition ums 4 } }"] }) },
    { name: "unreadable licences", code: network({ offices: ["office hq { role central uses ums licenses { preferred-edition ums 9999999 } }"] }) },
  ],
  invalid: [
    {
      name: "each feature without its licence, at the feature",
      code: network({ offices: ["office hq { role central uses ums tts licenses { preferred-edition tts 2 } }", "office branch { uses contact-store licenses { contact-store 0 } }"] }),
      errors: [
        { line: 4, column: 33, endColumn: 36, message: "office 'hq' uses ums but holds no UMS licence; feature licences are held by the office whose users use them (add `ums N` to its licenses, N the number of licensed users)" },
        { line: 5, column: 24, message: /^office 'branch' uses contact-store but holds no ContactStore licence/ },
      ],
    },
  ],
});
