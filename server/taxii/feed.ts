/**
 * The TAXII collections of one exercise: one per blue team, holding the STIX 2.1 objects that team
 * has received (interchange's `stixBundle` for the team: the reports it sent or received, their
 * indicators, techniques and relationships, its own sightings, the identities in them, the TLP 2.0
 * marking definitions they use), each with the time it was added. Ids are derived from the exercise's
 * id, not from its commands, so that an object keeps its id from one poll to the next.
 *
 * Date added: an object is added when the team could first see it in this version. Reports at the
 * time they were shared; indicators and their relationships when the last report carrying them
 * arrived (their marking and description follow the reports, so each is a new version, `modified`);
 * sightings at their last alert. Identities, attack patterns and marking definitions at the first
 * object of the collection that names them (the team's own identity at the start). Times are the
 * exercise's wall clock (the scenario's start date plus simulated time), which only moves forward, so
 * `added_after` paging never skips what a later poll finds.
 */
import { pickText } from '../../interchange/index.ts';
import { exerciseClock, parseIsoDateTime, stixBundle, type ExerciseRecord, type StixObject, uuidV5 } from '../../interchange/index.ts';

export interface FeedObject {
  object: StixObject;
  /** Epoch ms the object (this version) was added to the collection. */
  added: number;
  /** The object's version: its `modified`, else `created`. */
  version: string;
}

export interface TeamCollection {
  id: string;
  team: string;
  title: string;
  description: string;
  /** Sorted by date added, then id. */
  objects: FeedObject[];
}

/** Every id an object names (its references), so that a named object is added no later than it. */
function refsOf(o: StixObject): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(o)) {
    if (k.endsWith('_ref') && typeof v === 'string') out.push(v);
    else if (k.endsWith('_refs') && Array.isArray(v)) for (const x of v) if (typeof x === 'string') out.push(x);
  }
  return out;
}

const at = (iso: unknown): number | null => (typeof iso === 'string' ? parseIsoDateTime(iso) : null);

/** The collection of one blue team, or undefined when there is no such team. */
export function teamCollection(x: ExerciseRecord, exerciseId: string, team: string, lang = 'en'): TeamCollection | undefined {
  const bundle = stixBundle(x, { team, lang, idKey: `taxii|${exerciseId}` });
  if (!bundle.ok) return undefined;
  const clock = exerciseClock(x.state.scenario.meta.startDate);
  const start = clock.at(0);
  const added = new Map<string, number>();
  // Objects with their own time: reports, indicators, relationships, sightings.
  for (const o of bundle.bundle.objects) {
    if (o.type === 'report' || o.type === 'indicator' || o.type === 'relationship' || o.type === 'sighting') {
      added.set(o.id, at(o.modified) ?? start);
    }
  }
  // Named objects: at the first object that names them.
  for (const o of bundle.bundle.objects) {
    const t = added.get(o.id);
    if (t === undefined) continue;
    for (const ref of refsOf(o)) {
      const cur = added.get(ref);
      if (cur === undefined || t < cur) added.set(ref, t);
    }
  }
  const objects = bundle.bundle.objects
    .map(
      (object): FeedObject => ({
        object,
        added: added.get(object.id) ?? start,
        version: String(object.modified ?? object.created ?? clock.iso(0)),
      }),
    )
    .sort((a, b) => a.added - b.added || (a.object.id < b.object.id ? -1 : a.object.id > b.object.id ? 1 : 0));
  const ti = x.state.scenario.teamIndex.get(team);
  const def = ti === undefined ? undefined : x.state.scenario.teams[ti];
  const name = def ? pickText(def.name, lang) : team;
  return {
    id: uuidV5(`ramparts-taxii-collection|${exerciseId}|${team}`),
    team,
    title: name,
    description: `What ${name} has received in the exercise ${pickText(x.state.scenario.meta.title, lang)}: shared intelligence reports, their indicators and techniques, and its own sightings (STIX 2.1, TLP 2.0 markings).`,
    objects,
  };
}
