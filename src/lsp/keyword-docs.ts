/**
 * What each reserved word means, for hover and completion. Wording follows LANGUAGE.md and the
 * domain notes (DOMAIN.md); a test checks that every keyword of the lexer has an entry.
 */
export interface KeywordDoc {
  /** Where the word is written, e.g. `office role`, as a short heading. */
  readonly usage: string;
  /** One or two sentences, Markdown. */
  readonly meaning: string;
}

export const keywordDocs: Readonly<Record<string, KeywordDoc>> = {
  network: { usage: 'network "NAME" { … }', meaning: "One Small Community Network (SCN) of IP Office systems and their Voicemail Pro servers. A file holds one network." },
  server: { usage: "server NAME { … }", meaning: "A Voicemail Pro server. Exactly one has `role central`; at most one is `backup`; any number are `distributed`." },
  office: { usage: "office NAME { … }", meaning: "An IP Office system in the SCN. Its role defaults to `member` (a remote office on centralized voicemail)." },
  link: { usage: "link A -- B { group-id N }", meaning: "An SCN trunk between two offices: an H.323 line with Supplementary Services *IP Office SCN* below R8.0, an IP Office Line with Networking Level *SCN* from R8.0. Links are undirected." },
  "accept-failure": { usage: 'accept-failure A--B[, C…] "REASON"', meaning: "The network's owner accepts what these devices (offices and servers by name, links as `A--B`) failing together do to voicemail. `scnc simulate --require single-failure` then lists the failure as accepted, with the reason, instead of failing on it. A reason is required." },
  role: { usage: "role ROLE", meaning: "Office: `central`, `fallback` or `member` (the default). Server: `central`, `backup` or `distributed` (required)." },
  release: { usage: "release MAJOR.MINOR", meaning: "The IP Office release. On the network it is the default for every office and for every server's `version`." },
  address: { usage: "address 10.0.0.1", meaning: "The device's IP address: an IPv4 address, or an IPv6 address as a string (`\"fd00::10\"`). Two devices cannot share one." },
  users: { usage: "users N", meaning: "The number of users on the office. The SCN allows 500 users in total below R6.0 and 1000 from R6.0." },
  uses: { usage: "uses ums contact-store tts", meaning: "The voicemail features the office's users need; each needs a licence of that name on the office." },
  voicemail: { usage: "voicemail SERVER", meaning: "The office uses this distributed Voicemail Pro server instead of the central server (not allowed for the central or fallback office). Message collection and message waiting stay on the central server." },
  licenses: { usage: "licenses { … }", meaning: "The licences the office holds. Each office brings its own: sharing a server does not share licences." },
  env: { usage: 'env "VARIABLE"', meaning: "Reads the password from an environment variable when `scnc build --resolve-secrets` runs; otherwise only the reference is written." },
  "group-id": { usage: "group-id N", meaning: "The link's Outgoing Group ID, used at both ends (0–99999). Avoid 0 (Manager's default) and 90000–99999 (reserved for system use)." },
  "mail-domain": { usage: 'mail-domain "vm1.example.com"', meaning: "The server's own mail domain (its FQDN). Servers synchronize and forward messages over SMTP, so each needs a unique one when there is a backup or distributed server." },
  failback: { usage: "failback manual | graceful | automatic [MINUTES]", meaning: "How the central server takes service back from the backup after a failure. `graceful` is Avaya's default; `automatic` may give a timeout of 1–60 minutes." },
  platform: { usage: "platform windows | linux | ucm | application-server", meaning: "What the Voicemail Pro server runs on. A UCM hosts only the central server and limits the SCN to 6 offices." },
  version: { usage: "version MAJOR.MINOR", meaning: "The Voicemail Pro version of the server; defaults to the network's `release`." },
  "voicemail-password": { usage: 'voicemail-password env "VARIABLE"', meaning: "The password shared by the Voicemail Pro servers and the offices' security settings. Prefer `env \"NAME\"`: a literal password in the file gets a warning, and is never printed." },
  central: { usage: "role central", meaning: "Office: the IP Office that hosts and licenses the central Voicemail Pro server. Server: the server that stores messages and does message waiting for the whole SCN." },
  backup: { usage: "role backup", meaning: "A second Voicemail Pro server (R6.0+) kept in sync with the central server; the central office switches to it when the central server fails. It runs on the central office's licences." },
  distributed: { usage: "role distributed", meaning: "A Voicemail Pro server (R6.0+) that offices other than the central and fallback office can use with `voicemail NAME`; it records messages and forwards them to the central server." },
  fallback: { usage: "role fallback", meaning: "The office (R5.0+) that takes control of the central Voicemail Pro server when the central office fails. It needs its own Voicemail Pro licence and a direct link to the central office." },
  member: { usage: "role member", meaning: "A remote office on centralized voicemail (the default role). It needs no Voicemail Pro licence of its own." },
  windows: { usage: "platform windows", meaning: "Voicemail Pro on a Windows server." },
  linux: { usage: "platform linux", meaning: "Voicemail Pro on a Linux server." },
  ucm: { usage: "platform ucm", meaning: "Voicemail Pro on a Unified Communications Module inside the IP Office. The SCN is then limited to 6 offices, and only the central server may run on one." },
  "application-server": { usage: "platform application-server", meaning: "Voicemail Pro on an IP Office Application Server." },
  manual: { usage: "failback manual", meaning: "The central server takes service back only when an administrator says so." },
  graceful: { usage: "failback graceful", meaning: "The central server takes service back once no calls are in progress on the backup (Avaya's default)." },
  automatic: { usage: "failback automatic MINUTES", meaning: "The central server takes service back after a timeout of 1–60 minutes, even with calls in progress." },
  ums: { usage: "uses ums / licenses { ums N }", meaning: "Unified Messaging Service: voicemail in e-mail clients and the web. `uses ums` needs `ums N` licences on the office." },
  "contact-store": { usage: "uses contact-store / licenses { contact-store N }", meaning: "ContactStore call recording. `uses contact-store` needs `contact-store N` licences on the office." },
  tts: { usage: "uses tts / licenses { tts N }", meaning: "Text-to-speech. `uses tts` needs `tts N` licences on the office." },
  "preferred-edition": { usage: "licenses { preferred-edition }", meaning: "The Preferred Edition licence (R6.0+ name of the Voicemail Pro licence). It includes 4 voicemail ports." },
  "voicemail-pro": { usage: "licenses { voicemail-pro }", meaning: "The Voicemail Pro licence (pre-6.0 name of Preferred Edition). It includes 4 voicemail ports." },
  "voicemail-ports": { usage: "licenses { voicemail-ports N }", meaning: "Additional voicemail ports, on top of the 4 included with Preferred Edition / Voicemail Pro." },
};
