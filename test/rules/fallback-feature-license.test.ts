import rule from "../../src/rules/fallback-feature-license.js";
import { network } from "../support/networks.js";
import { ruleTable } from "../support/rule-table.js";

const links = ["link hq -- dr { group-id 100 }"];

ruleTable(rule, {
  valid: [
    { name: "the fallback office holds what the central office needs", code: network({ offices: ["office hq { role central uses ums licenses { preferred-edition ums 10 } }", "office dr { role fallback licenses { preferred-edition ums 2 } }"], links }) },
    { name: "a licence the central office holds but nobody uses", code: network({ offices: ["office hq { role central licenses { preferred-edition tts 2 } }", "office dr { role fallback licenses { preferred-edition } }"], links }) },
    { name: "no fallback office", code: network({ offices: ["office hq { role central uses ums licenses { preferred-edition ums 10 } }"] }) },
    { name: "a feature the central office lacks is feature-license's", code: network({ offices: ["office hq { role central uses ums licenses { preferred-edition } }", "office dr { role fallback licenses { preferred-edition } }"], links }) },
  ],
  invalid: [
    {
      name: "UMS held by the central office for its users",
      code: network({ offices: ["office hq { role central uses ums licenses { preferred-edition ums 40 } }", "office dr { role fallback licenses { preferred-edition } }"], links }),
      errors: [{
        line: 5, column: 20, endColumn: 28,
        message: "fallback office 'dr' holds no UMS licence, while central office 'hq' holds 40 for its users: UMS stops while 'dr' controls the central server (add `ums N` to the licenses of 'dr')",
      }],
    },
    {
      name: "TTS the central office licenses for a member, and ContactStore",
      code: network({ offices: ["office hq { role central uses contact-store licenses { preferred-edition tts 2 contact-store 3 } }", "office dr { role fallback licenses { preferred-edition } }", "office b { uses tts }"], links }),
      errors: [
        { line: 5, column: 20, message: /^fallback office 'dr' holds no ContactStore licence, while central office 'hq' holds 3/ },
        { line: 5, column: 20, message: /^fallback office 'dr' holds no TTS licence, while central office 'hq' holds 2/ },
      ],
    },
  ],
});
