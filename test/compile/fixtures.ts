/** A central office and a member on a distributed server, joined by one link: the smallest
 * network with an office and a server of each kind that changes visibly between builds. */
export const hqAndEast = {
  servers: [
    'server vm-hq { role central address 10.0.0.10 mail-domain "vm-hq.example.com" }',
    'server vm-east { role distributed address 10.2.0.10 mail-domain "vm-east.example.com" }',
  ],
  offices: [
    "office hq { role central address 10.0.0.1 licenses { preferred-edition } }",
    "office east { address 10.2.0.1 voicemail vm-east licenses { preferred-edition } }",
  ],
  links: ["link hq -- east { group-id 101 }"],
  properties: ['voicemail-password env "VM_PW"'],
} as const;
