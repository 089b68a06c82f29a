import rule from "../../src/rules/invalid-value.js";
import { centralOffice, network } from "../support/networks.js";
import { ruleTable } from "../support/rule-table.js";

ruleTable(rule, {
  valid: [
    network(),
    network({
      properties: ['voicemail-password env "VM_PASSWORD_1"'],
      servers: ['server vm-hq { role central address "fd00::10" mail-domain "vm-hq.example.com" version 12.2 }'],
      offices: ["office hq { role central address 255.255.255.254 users 100000 licenses { preferred-edition voicemail-ports 250 ums 100000 } }"],
    }),
    // Only the whole name is reserved: com10, lpt0, console, con-east and nul_2 are ordinary names.
    network({ offices: [centralOffice, "office com10 { }", "office lpt0 { }", "office console { }", "office con-east { }", "office nul_2 { }"] }),
  ],
  invalid: [
    {
      name: "an IPv4 part above 255",
      code: network({ servers: ["server vm-hq { role central address 10.0.0.300 }"] }),
      errors: [{ line: 3, column: 39, endColumn: 49, message: "server 'vm-hq' has an invalid address 10.0.0.300: each part is 0–255, and '300' is not" }],
    },
    {
      name: "an IPv4 part with a leading zero",
      code: network({ offices: ["office hq { role central address 10.00.0.1 }"] }),
      errors: [{ line: 4, column: 36, message: "office 'hq' has an invalid address 10.00.0.1: '00' has a leading zero, which some systems read as octal" }],
    },
    {
      name: "Manager's broadcast default and the unspecified addresses, which no device has (DOMAIN.md rule 33)",
      code: network({
        servers: ["server vm-hq { role central address 255.255.255.255 }"],
        offices: ["office hq { role central address 0.0.0.0 }", 'office east { address "::" }'],
      }),
      errors: [
        { line: 3, column: 39, endColumn: 54, message: "server 'vm-hq' has an invalid address 255.255.255.255: it is the broadcast address (Manager's default Voicemail IP Address, which looks for a server by broadcast); give the device's own address" },
        { line: 4, column: 36, endColumn: 43, message: "office 'hq' has an invalid address 0.0.0.0: it is the unspecified address, which no device has; give the device's own address" },
        { line: 5, column: 25, message: /^office 'east' has an invalid address "::": it is the unspecified address/ },
      ],
    },
    {
      name: "a string that is no address",
      code: network({ offices: ['office hq { role central address "fd00::zz" }'] }),
      errors: [{ line: 4, column: 36, endColumn: 46, message: 'office \'hq\' has an invalid address "fd00::zz": it is neither an IPv6 address (such as "fd00::10") nor an IPv4 address' }],
    },
    {
      name: "a mail domain without a dot, and one with a bad label",
      code: network({ servers: ['server vm-hq { role central mail-domain "vmhq" }', 'server vm-dr { role backup mail-domain "-dr.example.com" }'] }),
      errors: [
        { line: 3, column: 43, endColumn: 49, message: /^server 'vm-hq' has an invalid mail domain "vmhq": a mail domain is a DNS name with at least one dot/ },
        { line: 4, column: 42, message: /^server 'vm-dr' has an invalid mail domain "-dr.example.com": '-dr' is not a DNS label/ },
      ],
    },
    {
      name: "numbers out of range",
      code: network({ offices: ["office hq { role central users 100001 licenses { preferred-edition voicemail-ports 251 contact-store 100001 tts 100001 } }"] }),
      errors: [
        { line: 4, column: 34, endColumn: 40, message: "office 'hq' has an invalid number of users 100001: number of users is 0–100000" },
        { line: 4, column: 86, message: /^office 'hq' has an invalid number of additional voicemail ports 251/ },
        { line: 4, column: 104, message: /^office 'hq' has an invalid number of ContactStore licences 100001/ },
        { line: 4, column: 115, message: /^office 'hq' has an invalid number of TTS licences 100001/ },
      ],
    },
    {
      name: "a release part above 99",
      code: network({ release: "6.100" }),
      errors: [{ line: 2, column: 11, endColumn: 16, message: "invalid release 6.100: no IP Office release has a part above 99" }],
    },
    {
      name: "a name longer than 63 characters",
      code: network({ offices: [centralOffice, `office ${"b".repeat(64)} { }`] }),
      errors: [{ line: 5, column: 10, endColumn: 74, message: "invalid name 'bbbbbbbbbbbbbbbbbbbb…': it is 64 characters long; names have at most 63" }],
    },
    {
      name: "names Windows keeps for devices, in any case (build writes a file per office and server)",
      code: network({ offices: [centralOffice, "office CON { }", "office Lpt9 { }"], servers: ["server nul { role backup }", "server com1 { role distributed }"] }),
      errors: [
        { line: 3, column: 10, endColumn: 13, message: /^invalid name 'nul': Windows keeps this name for a device \(CON, PRN, AUX, NUL, COM1–COM9, LPT1–LPT9, in any case\)/ },
        { line: 4, column: 10, endColumn: 14, message: /^invalid name 'com1': Windows keeps this name/ },
        { line: 6, column: 10, endColumn: 13, message: /^invalid name 'CON': Windows keeps this name/ },
        { line: 7, column: 10, endColumn: 14, message: /^invalid name 'Lpt9': Windows keeps this name/ },
      ],
    },
    {
      name: "an environment variable name a shell would not accept",
      code: network({ properties: ['voicemail-password env "1PASSWORD"'] }),
      errors: [{ line: 3, column: 26, message: /^invalid environment variable "1PASSWORD"/ }],
    },
    {
      name: "an empty network name",
      code: network().replace('"Test"', '" "'),
      errors: [{ line: 1, column: 9, endColumn: 12, message: 'invalid network name "": the network needs a name' }],
    },
    {
      name: "a feature listed twice",
      code: network({ offices: ["office hq { role central uses tts tts licenses { preferred-edition tts 1 } }"] }),
      errors: [{ line: 4, column: 37, message: "feature 'tts' is listed twice in 'uses'" }],
    },
  ],
});
