/** The exercise network: segments (zones) owned by teams, nodes with services, vulnerabilities, sensors, backups. */
import { z } from 'zod';
import { NODE_KINDS, SENSOR_KINDS, ZONES } from '../vocabulary.ts';
import { Duration, Id, LocalText, Probability, TechniqueId } from './common.ts';

export const Sensor = z
  .union([
    z.enum(SENSOR_KINDS),
    z.strictObject({
      kind: z.enum(SENSOR_KINDS),
      quality: Probability.optional().meta({ description: 'Multiplies every detection probability of this sensor (default 1).' }),
      falsePositivesPerHour: z.number().min(0).max(60).optional().meta({ description: 'Mean rate of false alerts this sensor raises (default 0).' }),
    }),
  ])
  .meta({ description: 'A sensor kind (edr, ids, ...) or a sensor with quality and false-positive rate.' });

export const Service = z.strictObject({
  id: Id,
  name: LocalText.optional(),
  port: z.int().min(1).max(65535).optional(),
  availability: Probability.optional().meta({ description: 'Availability target, e.g. 0.99; scoring weighs downtime against it (default 0.95).' }),
  critical: z.boolean().optional().meta({ description: 'A critical service: needless disruption is penalised.' }),
});

export const Vulnerability = z.strictObject({
  id: Id.meta({ description: 'CVE or local id, referenced by red steps through `exploits`.' }),
  cvss: z.number().min(0).max(10).optional(),
  technique: TechniqueId.optional(),
  patched: z.boolean().optional().meta({ description: 'Already patched when the exercise starts.' }),
  patchTime: Duration.optional().meta({ description: 'How long patching this vulnerability takes (default: the catalog patch duration).' }),
});

export const Backup = z.strictObject({
  restoreTime: Duration.meta({ description: 'Time to restore this node from backup.' }),
  offline: z.boolean().optional().meta({ description: 'Offline backups survive encryption and wiping of the network.' }),
  age: Duration.optional().meta({ description: 'Age of the newest backup at T+0, for the report.' }),
});

export const Node = z.strictObject({
  id: Id,
  name: LocalText.optional(),
  segment: Id.meta({ description: "The segment (zone) the node is in; its owner is the node's team." }),
  kind: z.enum(NODE_KINDS),
  os: z.string().min(1).max(80).optional(),
  criticality: z.int().min(1).max(5).meta({ description: '1 (low) to 5 (vital); weighs availability and penalties.' }),
  ip: z.string().max(45).optional(),
  services: z.array(Service).optional(),
  vulnerabilities: z.array(Vulnerability).optional(),
  sensors: z.array(Sensor).optional(),
  backup: Backup.optional(),
  tags: z.array(Id).optional().meta({ description: 'Free tags that red target selectors can match.' }),
});

export const Segment = z.strictObject({
  id: Id,
  name: LocalText.optional(),
  owner: Id.meta({ description: 'The blue team that owns and defends this segment.' }),
  zone: z.enum(ZONES),
  sharedWith: z.array(Id).optional().meta({ description: 'Other blue teams that rely on this shared infrastructure and see its alerts.' }),
  sensors: z.array(Sensor).optional().meta({ description: 'Network sensors (ids, ndr, siem) covering every node of the segment.' }),
  cidr: z.string().max(49).optional(),
});

export const Link = z.strictObject({
  from: Id.meta({ description: 'A segment or node id.' }),
  to: Id.meta({ description: 'A segment or node id.' }),
  kind: z.enum(['lan', 'wan', 'vpn', 'internet', 'serial']).optional(),
  name: LocalText.optional(),
});

export const Network = z.strictObject({
  segments: z.array(Segment).min(1),
  nodes: z.array(Node).min(1),
  links: z.array(Link).optional(),
});

export type NodeT = z.infer<typeof Node>;
export type SegmentT = z.infer<typeof Segment>;
export type SensorT = z.infer<typeof Sensor>;
export type NetworkT = z.infer<typeof Network>;
