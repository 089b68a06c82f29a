import rule from "../../src/rules/feature-license.js";
import { network } from "../support/networks.js";
import { ruleTable } from "../support/rule-table.js";

const servers = ["server vm-hq { role central }", "server vm-east { role distributed }"];

ruleTable(rule, {
  valid: [
    network({ offices: ["office hq { role central uses ums tts contact-store licenses { preferred-edition ums 4 tts 1 contact-store 2 } }"] }),
    { name: "licences without use", code: network({ offices: ["office hq { role central licenses { preferred-edition ums 4 } }"] }) },
    { name: "unreadable licences", code: network({ offices: ["office hq { role central uses ums licenses { preferred-edition ums 9999999 } }"] }) },
    {
      name: "a centralized member's TTS on the central office's licences",
      code: network({ offices: ["office hq { role central licenses { preferred-edition tts 2 } }", "office branch { uses tts }"] }),
    },
    {
      name: "an office on a distributed server licenses its own TTS",
      code: network({ servers, offices: ["office hq { role central licenses { preferred-edition } }", "office east { voicemail vm-east uses tts licenses { preferred-edition tts 1 } }"] }),
    },
  ],
  invalid: [
    {
      name: "ums and contact-store on the office itself, at the feature",
      code: network({ offices: ["office hq { role central uses ums licenses { preferred-edition tts 2 } }", "office branch { uses contact-store licenses { contact-store 0 } }"] }),
      errors: [
        { line: 4, column: 33, endColumn: 36, message: "office 'hq' uses ums but holds no UMS licence; UMS licences are held by the office whose users use them (add `ums N` to its licenses, N the number of licensed users)" },
        { line: 5, column: 24, message: /^office 'branch' uses contact-store but holds no ContactStore licence/ },
      ],
    },
    {
      name: "a member's tts: at the central office, which must hold it, with the member's uses as related",
      code: network({ offices: ["office hq { role central licenses { preferred-edition } }", "office branch { uses tts licenses { tts 4 } }"] }),
      errors: [{
        line: 4, column: 28,
        message: "office 'hq' holds no TTS licence, yet it licenses the Voicemail Pro server that speaks text to speech for office 'branch' " +
          "(TTS runs on the server, licensed by the office whose licence set it uses); add `tts N` to the licenses of 'hq'",
        related: [{ line: 5, column: 24, message: "office 'branch' uses tts" }],
      }],
    },
    {
      name: "the fallback office's tts is the central office's too; one diagnostic for several offices",
      code: network({ offices: ["office hq { role central uses tts licenses { preferred-edition } }", "office dr { role fallback uses tts licenses { preferred-edition tts 1 } }", "office b { uses tts }"] }),
      errors: [{ line: 4, column: 33, message: /^office 'hq' holds no TTS licence, yet it licenses the Voicemail Pro server that speaks text to speech for offices 'dr', 'b' and its own users/ }],
    },
    {
      name: "an office on a distributed server without its own TTS",
      code: network({ servers, offices: ["office hq { role central licenses { preferred-edition tts 4 } }", "office east { voicemail vm-east uses tts licenses { preferred-edition } }"] }),
      errors: [{ line: 6, column: 40, endColumn: 43, message: /^office 'east' uses tts but holds no TTS licence; TTS runs on the Voicemail Pro server and is licensed by the office whose licence set it uses, here 'east'/ }],
    },
  ],
});
