import { roles } from "../ir/queries.js";
import type { AcceptedFailure, Network } from "../ir/types.js";
import { failedDeviceOf, failureSet, type FailedDevice } from "../simulate/failures.js";
import { simulate } from "../simulate/simulate.js";
import { removeItem } from "./edits.js";
import { defineRule } from "./rule.js";

/** The devices of an accept-failure, or undefined when one of them is not declared (unknown-reference). */
function failedDevices(accepted: AcceptedFailure): FailedDevice[] | undefined {
  const devices: FailedDevice[] = [];
  for (const { target } of accepted.devices) {
    if (!target) return undefined;
    devices.push(failedDeviceOf(target));
  }
  return devices;
}

/** Whether the simulator can run: exactly one central office and one central server. */
function simulable(network: Network): boolean {
  const { centralOffices, centralServers, officeRolesUncertain, serverRolesUncertain } = roles(network);
  return centralOffices.length === 1 && centralServers.length === 1 && !officeRolesUncertain && !serverRolesUncertain && !network.partial;
}

export default defineRule({
  id: "unneeded-accept-failure",
  severity: "warning",
  category: "Servers, mail and secrets",
  summary: "An `accept-failure` names a failure that leaves every office with voicemail answering, message waiting and collection.",
  source: "scnc's own check of `accept-failure`, like unused-suppression; the simulation follows sources S2, S6, S8, S17, S18, S27",
  explain: `\`accept-failure A--B "reason"\` records that the network's owner accepts what that failure does
to voicemail, so that \`scnc simulate --require single-failure\` lists it as accepted instead of
failing. When \`scnc simulate --fail A--B\` shows every office that is up still served (voicemail
answering, message waiting and collection, and no split between the central and the fallback
office), there is nothing to accept. Left in place, the declaration would silently accept the
failure again if a later change made it harmful. Remove it (the quick fix does).

The check runs the same simulation as \`scnc simulate\`; an office that is itself among the failed
devices does not count as harmed, as in the failure matrix. Several devices in one declaration are
simulated failing together.`,
  examples: {
    failing: `network "Example" {
  release 6.0
  voicemail-password env "VM_PASSWORD"
  server vm-hq { role central address 10.0.0.10 mail-domain "vm-hq.example.com" }
  server vm-dr { role backup address 10.0.1.10 mail-domain "vm-dr.example.com" }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
  office branch { address 10.0.1.1 }
  link hq -- branch { group-id 101 }
  accept-failure vm-hq "the backup server takes over"
}
`,
    fixed: `network "Example" {
  release 6.0
  voicemail-password env "VM_PASSWORD"
  server vm-hq { role central address 10.0.0.10 mail-domain "vm-hq.example.com" }
  server vm-dr { role backup address 10.0.1.10 mail-domain "vm-dr.example.com" }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
  office branch { address 10.0.1.1 }
  link hq -- branch { group-id 101 }
  accept-failure vm-hq, vm-dr "both servers down together: voicemail stops until one is back"
}
`,
  },
  check(network, report) {
    if (network.acceptedFailures.length === 0 || !simulable(network)) return;
    for (const accepted of network.acceptedFailures) {
      const devices = failedDevices(accepted);
      if (!devices || devices.length === 0 || !accepted.reason) continue;
      const { offices } = simulate(network, failureSet(devices), { notes: false });
      if (offices.some((outcome) => outcome.status !== "served" && outcome.status !== "down")) continue;
      const first = accepted.devices[0]!;
      const last = accepted.devices[accepted.devices.length - 1]!;
      const names = accepted.devices.map((device) => device.name);
      const when = names.length === 1 ? `${names[0]} fails` : `${names.join(", ")} fail together`;
      report({
        at: { start: first.span.start, end: last.span.end },
        message: `nothing to accept: when ${when}, every office that is up keeps voicemail answering, message waiting and collection; remove this accept-failure`,
        fix: { message: "Remove the accept-failure", edits: [removeItem(network.source.text, accepted.span)] },
      });
    }
  },
});
