// The documents scnc's rules, checklists and simulations rest on. Every rule page, checklist note and
// simulation row cites sources by these ids; docs/sources.md is rendered from this list
// (`npm run docs:rules`), and a test fails when it is stale. Ids never change or get reused:
// a new source takes the next number.

export interface Source {
  readonly id: SourceId;
  /** The document's title as its publisher gives it (with the page or section read). */
  readonly title: string;
  /** Who published it: Avaya, or the third party that reproduces or writes it. */
  readonly publisher: string;
  /** The document's date or issue; "undated" with the release its text belongs to where it gives none. */
  readonly date: string;
  /** Where it was read (a second address is another copy of the same text). */
  readonly urls: readonly string[];
}

export type SourceId =
  | "S1" | "S2" | "S3" | "S4" | "S5" | "S6" | "S7" | "S8" | "S9" | "S10"
  | "S11" | "S12" | "S13" | "S14" | "S15" | "S16" | "S17" | "S18" | "S19" | "S20"
  | "S21" | "S22" | "S23" | "S24" | "S25" | "S26" | "S27" | "S28" | "S29" | "S30"
  | "S31" | "S32" | "S33" | "S34" | "S35" | "S36" | "S37" | "S38" | "S39" | "S40";

const R6_MANUAL = "Avaya IP Office Voicemail Pro Installation and Maintenance 15-601063 Issue 22e, IP Office R6";
const R6_DATE = "2010-05-16 (Issue 22e)";
const VMPRO_12_2 = "Administering Avaya IP Office Voicemail Pro R12.2";
const MANAGER_12_3 = "Administering Avaya IP Office with Manager R12.3";
const WEB_MANAGER_12_3 = "Administering Avaya IP Office with Web Manager R12.3";
const RESILIENCE_12_2 = "Avaya IP Office Resilience Overview R12.2";
const CAPACITY_12_2 = "Avaya IP Office Platform Capacity R12.2";
const MANAGER_R5_HELP = "Avaya IP Office Manager help, R5";
const AVAYA = "Avaya";
const UNDATED_R12_2 = "undated (R12.2 documentation)";
const UNDATED_R12_3 = "undated (R12.3 documentation)";
const UNDATED_R5 = "undated (R5-era help)";
const AVAYA_DOCS = "https://documentation.avaya.com/en-us/home/bundle/ip-office";
const R5_KB = "http://marketingtools.avaya.com/knowledgebase/ipoffice/mergedProjects/manager";

export const sources: readonly Source[] = [
  { id: "S1", title: `${R6_MANUAL}, p52: Centralized Voicemail Pro, SCN voicemail options and licensing`, publisher: AVAYA, date: R6_DATE,
    urls: ["https://homeappliance.manualsonline.com/manuals/mfg/avaya/6_1.html?p=52"] },
  { id: "S2", title: `${R6_MANUAL}, p55, §2.5.3: Backup Voicemail Server Operation`, publisher: AVAYA, date: R6_DATE,
    urls: ["https://homeappliance.manualsonline.com/manuals/mfg/avaya/6_1.html?p=55"] },
  { id: "S3", title: `${R6_MANUAL}, p56, §2.5.4: Distributed Voicemail Servers`, publisher: AVAYA, date: R6_DATE,
    urls: ["https://portablemedia.manualsonline.com/manuals/mfg/avaya/6_1.html?p=56"] },
  { id: "S4", title: `${R6_MANUAL}, p12: What's New, Centralized Voicemail in R6`, publisher: AVAYA, date: R6_DATE,
    urls: ["https://portablemedia.manualsonline.com/manuals/mfg/avaya/6_1.html?p=12"] },
  { id: "S5", title: "Avaya IP Office Voicemail Pro Installation and Maintenance 15-601063 Issue 20l, IP Office R5, p61, §2.6: Centralized Voicemail Pro",
    publisher: AVAYA, date: "2009-03-03 (Issue 20l)", urls: ["https://caraudio.manualsonline.com/manuals/mfg/avaya/15601063.html?p=61"] },
  { id: "S6", title: `${VMPRO_12_2}: Centralized Voicemail Pro`, publisher: AVAYA, date: UNDATED_R12_2,
    urls: [`${AVAYA_DOCS}/IPOfficeVMProAdmin_12_2/advanced-server-configuration/Centralized_Voicemail_Pro.html`] },
  { id: "S7", title: `${VMPRO_12_2}: Distributed Voicemail Servers`, publisher: AVAYA, date: UNDATED_R12_2,
    urls: [`${AVAYA_DOCS}/IPOfficeVMProAdmin_12_2/advanced-server-configuration/Centralized_Voicemail_Pro/Distributed_Voicemail_Servers.html`] },
  { id: "S8", title: `${VMPRO_12_2}: Combined Options`, publisher: AVAYA, date: UNDATED_R12_2,
    urls: [`${AVAYA_DOCS}/IPOfficeVMProAdmin_12_2/advanced-server-configuration/Centralized_Voicemail_Pro/Combined_Options.html`] },
  { id: "S9", title: `${VMPRO_12_2}: 'General' System Preferences`, publisher: AVAYA, date: UNDATED_R12_2,
    urls: [`${AVAYA_DOCS}/IPOfficeVMProAdmin_12_2/server-administration/System_Preferences/General_preferences.html`] },
  { id: "S10", title: `${VMPRO_12_2}: Configuring failback option`, publisher: AVAYA, date: UNDATED_R12_2,
    urls: [`${AVAYA_DOCS}/IPOfficeVMProAdmin_12_2/server-administration/administration/Configuring_failback_option.html`] },
  { id: "S11", title: "Avaya IP Office Knowledgebase, installation help, R8/R9: IP Office Edition Licensing", publisher: AVAYA, date: "undated (R8/R9-era help)",
    urls: ["https://ipofficekb.avaya.com/businesspartner/ipoffice/mergedProjects/installation/ip_office_edition_licensing.htm"] },
  { id: "S12", title: "Avaya IP Office Knowledgebase R11.1, German: Application Server licences and subscriptions", publisher: AVAYA, date: "undated (R11.1 help)",
    urls: ["https://ipofficekb.avaya.com/businesspartner/ipoffice11_1de/mergedProjects/appscard/licenses.htm"] },
  { id: "S13", title: `${CAPACITY_12_2}: Voicemail / Auto-Attendant / IVR`, publisher: AVAYA, date: UNDATED_R12_2,
    urls: [
      `${AVAYA_DOCS}/IPOfficeCapacity_12_2/General_Capacity_Considerations/Voicemail_AutoAttendant_IVR.html`,
      `${AVAYA_DOCS}/IPOfficeCapacity_12_2/IP500_V2_Servers/Voicemail_AutoAttendant_IVR.html`,
    ] },
  { id: "S14", title: `${MANAGER_12_3}: Small Community Networking`, publisher: AVAYA, date: UNDATED_R12_3,
    urls: [`${AVAYA_DOCS}/IPOfficeManager_12_3/small-community-networking/Scn_SCN.html`] },
  { id: "S15", title: "IP Office Manager help, R6 era: SCN capacity by release, reproduced in a Tek-Tips thread", publisher: "Tek-Tips forum", date: "undated (R6-era help)",
    urls: ["http://tek-tips.com/viewthread.cfm?qid=1602209"] },
  { id: "S16", title: `${MANAGER_R5_HELP}: Small Community Networking`, publisher: AVAYA, date: UNDATED_R5, urls: [`${R5_KB}/scn_scn.htm`] },
  { id: "S17", title: `${MANAGER_R5_HELP}: SCN Fallback`, publisher: AVAYA, date: UNDATED_R5, urls: [`${R5_KB}/scn_resilience.htm`] },
  { id: "S18", title: `${MANAGER_12_3}: Small Community Network Fallback`, publisher: AVAYA, date: UNDATED_R12_3,
    urls: [`${AVAYA_DOCS}/IPOfficeManager_12_3/small-community-networking/Scn_SCN/SCN_Resilience.html`] },
  { id: "S19", title: `${MANAGER_R5_HELP}: Supported SCN Features`, publisher: AVAYA, date: UNDATED_R5, urls: [`${R5_KB}/scn_supported_scn_features.htm`] },
  { id: "S20", title: `${WEB_MANAGER_12_3}: System Settings > System > Voicemail`, publisher: AVAYA, date: UNDATED_R12_3,
    urls: [`${AVAYA_DOCS}/IPOfficeWebManagerR12_3/the-system-settingsmenu/SysSettingsSystem/SysSettingsSystemVoicemail.html`] },
  { id: "S21", title: `${WEB_MANAGER_12_3}: IP Office Line > Line`, publisher: AVAYA, date: UNDATED_R12_3,
    urls: [`${AVAYA_DOCS}/IPOfficeWebManagerR12_3/the-system-settingsmenu/SysSettingsLine/SysSettingsLineAddLineIPOffice/SysSettingsLineAddLineIPOfficeLine.html`] },
  { id: "S22", title: `${WEB_MANAGER_12_3}: line channel settings, reserved Outgoing Group IDs`, publisher: AVAYA, date: UNDATED_R12_3,
    urls: [`${AVAYA_DOCS}/IPOfficeWebManagerR12_3/the-system-settingsmenu/SysSettingsLine/SysSettingsLineAddLineT1PRILine/SysSettingsLineAddLineT1ISDNChannels.html`] },
  { id: "S23", title: "Avaya IP Office Voicemail Pro Installation EN-S Issue 01b, about R7: System Preferences, Email, pp. 99 and 101", publisher: AVAYA,
    date: "2011-06-20 (Issue 01b)",
    urls: ["https://azmanual.top/manuals/38028/avaya-ip-office.html?page=99", "http://www.manualsdir.com/manuals/38028/avaya-ip-office.html?page=101"] },
  { id: "S24", title: `${RESILIENCE_12_2}: When does failover occur`, publisher: AVAYA, date: UNDATED_R12_2,
    urls: [`${AVAYA_DOCS}/IPOfficeResilience_12_2/Purpose/When_Does_Failover_Occur.html`] },
  { id: "S25", title: `${RESILIENCE_12_2}: Licensing, Server Edition`, publisher: AVAYA, date: UNDATED_R12_2,
    urls: [`${AVAYA_DOCS}/IPOfficeResilience_12_2/Design_Considerations/Licensing.html`] },
  { id: "S26", title: `${CAPACITY_12_2}: Resilience and Failover`, publisher: AVAYA, date: UNDATED_R12_2,
    urls: [`${AVAYA_DOCS}/IPOfficeCapacity_12_2/IP500_V2_Servers/Resilience_and_Failover.html`] },
  { id: "S27", title: "Avaya IP Office R7.0 Product Description 15-601041, p306: VoiceMail Pro, Resilience and Backup", publisher: AVAYA, date: "2011-03-21 (Issue 22.a)",
    urls: [
      "http://38.142.81.21:8001/manual/broadconnect/3701/specifications-english/page-306.html",
      "http://avaya-ipoffice-help-desk.ca/knowledgebase/productdescription/resilience.htm",
    ] },
  { id: "S28", title: "Centralized Voicemail Avaya IPO: planning and requirements", publisher: "Technical Engine (third party)", date: "undated",
    urls: ["https://technicalengine.com/centralized-voicemail-avaya-ipo/"] },
  { id: "S29", title: `${VMPRO_12_2}: Outcalls, channel limits`, publisher: AVAYA, date: UNDATED_R12_2,
    urls: [`${AVAYA_DOCS}/IPOfficeVMProAdmin_12_2/the-voicemail-proclient/Main_Voicemail_Pro_window/Outcalls.html`] },
  { id: "S30", title: "IP Office Manager help, R7/R8: Supported SCN Features, reproduced in a Tek-Tips thread", publisher: "Tek-Tips forum", date: "undated (R7/R8-era help)",
    urls: ["https://www.tek-tips.com/threads/monitoring-calls-across-an-scn-in-7-0.1669052/post-6777857"] },
  { id: "S31", title: "IP Office Manager help before R5: Small Community Networking, reproduced by Carroll Communications", publisher: "Carroll Communications",
    date: "undated (pre-R5 help)", urls: ["http://www.carrollcommunications.com/manager2/smallcommunitynetworking.html"] },
  { id: "S32", title: `${RESILIENCE_12_2}: Configuring Voicemail Resilience, Server Edition and Select`, publisher: AVAYA, date: UNDATED_R12_2,
    urls: [`${AVAYA_DOCS}/IPOfficeResilience_12_2/Configuring_Voicemail_Resilience.html`] },
  { id: "S33", title: `${WEB_MANAGER_12_3}: H.323 Line > VoIP Line`, publisher: AVAYA, date: UNDATED_R12_3,
    urls: [`${AVAYA_DOCS}/IPOfficeWebManagerR12_3/the-system-settingsmenu/SysSettingsLine/SysSettingsLineAddLineH323/SysSettingsLineAddLineH323VoIP.html`] },
  { id: "S34", title: "Avaya IP Office Security Guidelines: Securing Voicemail Pro", publisher: AVAYA, date: "undated (R12 documentation)",
    urls: [`${AVAYA_DOCS}/IPOfficeSecurity/securing/Securing_IP_Office_Applications/Securing_Voicemail_Pro.html`] },
  { id: "S35", title: `${MANAGER_12_3}: Editing Security Settings`, publisher: AVAYA, date: UNDATED_R12_3,
    urls: [`${AVAYA_DOCS}/IPOfficeManager_12_3/security-configuration/Editing_Security_Settings.html`] },
  { id: "S36", title: "Avaya IP Office Manager help: Editing Configuration Settings, Merge and Reboot", publisher: AVAYA, date: "undated (Manager help)",
    urls: [`${R5_KB}/editing_configuration_settings.htm`] },
  { id: "S37", title: "Application / Feature License: IP Office feature licence keys", publisher: "Planet Communications (Avaya reseller)", date: "undated",
    urls: ["http://www.planetcomms.com.au/Application--Feature-License.aspx"] },
  { id: "S38", title: "Avaya IP Office Configuration Service 15-601473", publisher: AVAYA, date: "undated (copy on pdfslide.us)",
    urls: ["https://pdfslide.us/documents/ipo-configuration-service-en.html"] },
  // Added for the platform-release rule: the earliest document found that shows Voicemail Pro off Windows.
  { id: "S39", title: "Avaya IP Office R9 Product Description, chapter 18: Messaging (Preferred Edition on Windows and Linux)", publisher: "Avaya (copy on Manualzz)",
    date: "undated (R9)", urls: ["http://manualzz.com/doc/o/1928bc/avaya-ipo-r9-av-ip-endpt-5-adi-lic-operating-instructions-messaging"] },
  // Added for invalid-value: build writes a file per device, and scnc runs on Windows.
  { id: "S40", title: "Naming Files, Paths, and Namespaces: Naming Conventions (reserved names CON, PRN, AUX, NUL, COM1–COM9, LPT1–LPT9, also followed by an extension)",
    publisher: "Microsoft (Win32 documentation)", date: "undated (Microsoft Learn)", urls: ["https://learn.microsoft.com/en-us/windows/win32/fileio/naming-a-file"] },
];

const byId = new Map<string, Source>(sources.map((source) => [source.id, source]));

export function isSourceId(id: string): id is SourceId {
  return byId.has(id);
}

export function sourceById(id: SourceId): Source {
  const source = byId.get(id);
  if (!source) throw new Error(`no source ${id} in the catalogue`);
  return source;
}

/** How scnc cites a source in prose: "S14 (Administering Avaya IP Office with Manager R12.3: Small Community Networking)". */
export function citeSource(id: SourceId): string {
  return `${id} (${sourceById(id).title})`;
}

/** Several citations, in the order given, joined with "; ". */
export function citeSources(ids: readonly SourceId[]): string {
  return ids.map(citeSource).join("; ");
}

/** The S-ids a piece of text mentions ("S1", "S14"), each once, in order of first mention. */
export function sourceIdsIn(text: string): SourceId[] {
  const found = new Set<SourceId>();
  for (const match of text.matchAll(/\bS(\d{1,3})\b/g)) {
    const id = `S${match[1]}`;
    if (isSourceId(id)) found.add(id);
  }
  return [...found];
}

/** The ids in catalogue order (S2 before S10), each once. */
export function inCatalogueOrder(ids: Iterable<SourceId>): SourceId[] {
  return [...new Set(ids)].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
}

/** The legend under an output that cites sources by id: "S23: <title>", one per source cited in
 * `text`, in catalogue order, so that every citation is also given by title. */
export function sourceLegend(text: string): string[] {
  return inCatalogueOrder(sourceIdsIn(text)).map((id) => `${id}: ${sourceById(id).title}`);
}
