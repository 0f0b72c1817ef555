// biome-ignore-all format: a table, one entry a line so that it reads as one
/**
 * The stress scenario's MSEL (40 injects per nation from templates.ts, plus coalition-wide ones),
 * its moves and its HSEEP capabilities.
 */
import type { CampaignT, CapabilityT, ConditionT, InjectT, MoveT } from './types.ts';

type ExpectedKind = NonNullable<NonNullable<InjectT['evaluation']>['expects']>[number]['action'];
import { formatDuration } from '../../engine/index.ts';
import { IOC, schedule } from './campaigns.ts';
import { NATIONS, type Nation } from './nations.ts';
import { GRID_TEAMS } from './network.ts';
import { TEMPLATES, type Template, type Trigger } from './templates.ts';

const H = 3_600_000;
const d = (ms: number): string => formatDuration(ms);

function fill(text: string, n: Nation, lang: 'en' | 'ar' | 'fr', c2: string): string {
  const p = n.campaign;
  return text.replaceAll('{N}', lang === 'ar' ? n.ar : n.en).replaceAll('{sender}', IOC.sender[p]).replaceAll('{scanner}', IOC.scanner[p]).replaceAll('{c2}', c2);
}

function nationInjects(n: Nation, t: number, detectable: Set<string>): InjectT[] {
  const times = schedule(t, n);
  const c2 = IOC.c2[n.campaign][t % 3] as string;
  const stepId = (key: string) => `${n.id}-${key === 'impact' ? (n.campaign === 'wiper' ? 'wipe' : 'encrypt') : key}`;
  const injId = (key: string) => `${n.id}-${key}`;
  const when = (tr: Trigger): Pick<InjectT, 'at' | 'when' | 'delay'> => {
    if ('at' in tr && !('scoreBelow' in tr)) return { at: d(tr.at) };
    if ('step' in tr) {
      const id = stepId(tr.step);
      // A step no sensor of this team can see becomes an external tip a little later.
      const cond: ConditionT = tr.on === 'detected' && detectable.has(id) ? { stepDetected: id } : { stepSucceeded: id };
      const delay = tr.delay ?? (cond.stepSucceeded !== undefined && tr.on === 'detected' ? '1h' : undefined);
      return { when: cond, ...(delay ? { delay } : {}) };
    }
    if ('notAnswered' in tr) return { when: { notAnswered: { inject: injId(tr.notAnswered), within: tr.within } } };
    if ('notAcknowledged' in tr) return { when: { notAcknowledged: { inject: injId(tr.notAcknowledged), within: tr.within } } };
    if ('scoreBelow' in tr) return { at: d(tr.at), when: { scoreBelow: tr.scoreBelow } };
    if ('nodeState' in tr) return { when: { nodeState: { node: `${n.id}-${tr.nodeState}`, state: tr.state } }, ...(tr.delay ? { delay: tr.delay } : {}) };
    if ('all' in tr) return { when: { all: [{ stepSucceeded: stepId('impact') }, { notAnswered: { inject: injId('minister'), within: '1h' } }] } };
    const seen = tr.any.map(stepId).filter((id) => detectable.has(id));
    return { when: seen.length > 0 ? { any: seen.map((id) => ({ stepDetected: id })) } : { stepSucceeded: stepId(tr.any[0] as string) } };
  };
  return TEMPLATES.map((tp: Template): InjectT => ({
    id: injId(tp.key),
    title: { en: fill(tp.title[0], n, 'en', c2), ar: fill(tp.title[1], n, 'ar', c2), fr: fill(tp.title[2], n, 'fr', c2) },
    ...when(tp.trigger(times)),
    to: [n.id],
    channel: tp.channel,
    from: { name: { en: tp.from[0], ar: tp.from[1] }, organisation: { en: n.en, ar: n.ar } },
    ...(tp.tlp ? { tlp: tp.tlp } : {}),
    ...(tp.priority ? { priority: tp.priority } : {}),
    ...(tp.type ? { type: tp.type } : {}),
    content: { en: fill(tp.content[0], n, 'en', c2), ar: fill(tp.content[1], n, 'ar', c2) },
    evaluation: {
      capability: tp.evaluates[0], task: tp.evaluates[1],
      expects: tp.expects.map(([action, within]) => ({ action: action as ExpectedKind, within })),
    },
  }));
}

export const MOVES: MoveT[] = [
  { id: 'm1', title: { en: 'Move 1: warning and intelligence sharing', ar: 'الجولة الأولى: الإنذار وتبادل المعلومات' }, start: '0', module: 'intelligence-sharing',
    questions: [{ en: 'Which indicators have you shared, with whom, and under which TLP?', ar: 'ما المؤشرات التي شاركتموها، ومع من، ووفق أي مستوى من بروتوكول إشارات المرور؟' }] },
  { id: 'm2', title: { en: 'Move 2: response', ar: 'الجولة الثانية: الاستجابة' }, start: '12h', module: 'response',
    questions: [{ en: 'Which hosts will you isolate before the expected detonation, and what will that cost?', ar: 'ما الأجهزة التي ستعزلونها قبل التفجير المتوقع، وما كلفة ذلك؟' }] },
  { id: 'm3', title: { en: 'Move 3: continuity and recovery', ar: 'الجولة الثالثة: الاستمرارية والتعافي' }, start: '1d6h', module: 'continuity-recovery',
    questions: [{ en: 'Which services come back first, from which backups?', ar: 'ما الخدمات التي تعود أولًا، ومن أي نسخ احتياطية؟' }] },
  { id: 'm4', title: { en: 'Move 4: hot wash', ar: 'الجولة الرابعة: المراجعة الفورية' }, start: '1d21h', module: 'hot-wash',
    questions: [{ en: 'What are your three strengths and three areas for improvement?', ar: 'ما أبرز ثلاث نقاط قوة وثلاثة مجالات للتحسين لديكم؟' }] },
];
const moveAt = (ms: number): string => (ms >= 45 * H ? 'm4' : ms >= 30 * H ? 'm3' : ms >= 12 * H ? 'm2' : 'm1');

function coalitionInjects(): InjectT[] {
  const excon = { name: { en: 'Exercise Director', ar: 'مدير التمرين' }, role: 'EXCON' };
  const c4 = { name: { en: 'C4 chair', ar: 'رئيس خلية التنسيق' }, organisation: { en: 'Coalition Cyber Coordination Cell', ar: 'خلية التنسيق السيبراني للتحالف' } };
  const out: InjectT[] = [
    { id: 'startex', title: { en: 'STARTEX', ar: 'بدء التمرين', fr: 'Début de l\'exercice' }, at: '0', to: 'all-blue', channel: 'briefing', from: excon, tlp: 'GREEN', priority: 'priority',
      content: { en: 'Twelve nations defend their networks and two shared segments for 48 hours. Acknowledge this brief.', ar: 'تدافع اثنتا عشرة دولة عن شبكاتها وعن مقطعين مشتركين لمدة 48 ساعة. يُرجى الإقرار باستلام هذه الإحاطة.' },
      evaluation: { capability: 'op-coordination', task: 'opco-activate', expects: [{ action: 'acknowledge', within: '15m' }] }, move: 'm1' },
    { id: 'startex-ack', title: { en: 'Acknowledge STARTEX', ar: 'أقرّوا باستلام إحاطة البدء', fr: 'Accusez réception du début' }, when: { notAcknowledged: { inject: 'startex', within: '20m' } }, to: 'all-blue', channel: 'chat', from: excon,
      type: 'contingency', content: { en: 'Your seat has not acknowledged the STARTEX brief.', ar: 'لم يُقرّ مقعدكم باستلام إحاطة بدء التمرين.' }, evaluation: { expects: [{ action: 'acknowledge', within: '10m' }] } },
  ];
  for (let h = 2; h <= 46; h += 2) {
    out.push({ id: `sync-${String(h).padStart(2, '0')}`, title: { en: `Coalition sync, T+${h}h`, ar: `اجتماع تنسيق التحالف، بعد ${h} ساعة من البدء`, fr: `Point de coordination, T+${h}h` },
      at: d(h * H), to: 'all-blue', channel: 'briefing', from: c4, tlp: 'AMBER', priority: 'routine', move: moveAt(h * H),
      content: { en: 'Report in one minute: what you see, what you contained, what you shared and applied, what help you need.', ar: 'قدّموا في دقيقة واحدة: ما ترونه، وما احتويتموه، وما شاركتموه وطبقتموه، والمساعدة التي تحتاجونها.' },
      evaluation: { capability: 'op-coordination', task: 'opco-sitrep', expects: [{ action: 'sitrep', within: '1h' }] },
      questions: [{ en: 'Which partner detected the campaign\'s indicators first, and have you blocked them?', ar: 'أي شريك رصد مؤشرات الحملة أولًا، وهل حظرتموها؟' }] });
  }
  out.push(
    { id: 'regional-switch-down', title: { en: 'FLASH: regional payment switch down', ar: 'عاجل جدًا: توقف محوّل المدفوعات الإقليمي', fr: 'FLASH : commutateur régional à l\'arrêt' },
      when: { any: [{ stepSucceeded: 'cx-stop' }, { nodeState: { node: 'cx-switch01', state: 'wiped' } }] }, delay: '5m', to: 'all-blue', channel: 'phone',
      from: { name: { en: 'Switch duty manager', ar: 'المدير المناوب للمحوّل' } }, tlp: 'AMBER', priority: 'flash',
      content: { en: 'Card authorisations fail across the coalition. Tell us whether your national gateways are clean.', ar: 'تفشل عمليات تفويض البطاقات في أنحاء التحالف. أبلغونا ما إذا كانت بواباتكم الوطنية سليمة.' },
      evaluation: { capability: 'infrastructure', task: 'infra-continuity', expects: [{ action: 'respond-inject', within: '1h' }, { action: 'grant-assistance', within: '2h' }] } },
    { id: 'grid-interconnect-down', title: { en: 'Regional grid interconnect: SCADA master stopped', ar: 'الربط الكهربائي الإقليمي: توقف نظام سكادا الرئيسي', fr: 'Interconnexion : SCADA maître arrêté' },
      when: { stepSucceeded: 'gi-stop' }, delay: '5m', to: GRID_TEAMS, channel: 'radio', from: { name: { en: 'Interconnect control room', ar: 'غرفة التحكم في الربط الكهربائي' } }, tlp: 'AMBER', priority: 'flash',
      content: { en: 'The interconnect runs without telemetry. Members must agree on manual flow limits.', ar: 'يعمل الربط الكهربائي دون قياسات عن بُعد، وعلى الأعضاء الاتفاق على حدود يدوية لتدفق الطاقة.' },
      evaluation: { capability: 'infrastructure', task: 'infra-continuity', expects: [{ action: 'sitrep', within: '30m' }] } },
    { id: 'exchange-intrusion', title: { en: 'Coalition exchange: intrusion detected', ar: 'منصة التبادل في التحالف: رصد اختراق', fr: 'Plateforme d\'échange : intrusion détectée' },
      when: { any: [{ stepDetected: 'cx-pivot' }, { stepDetected: 'cx-spread' }] }, to: 'all-blue', channel: 'ticket', from: { name: { en: 'Exchange SOC', ar: 'مركز العمليات في منصة التبادل' } }, tlp: 'AMBER+STRICT', priority: 'flash',
      content: { en: 'An attacker is moving inside the shared exchange. Its owner must contain; partners must check their links to it.', ar: 'يتحرك مهاجم داخل منصة التبادل المشتركة. على مالكها الاحتواء، وعلى الشركاء التحقق من وصلاتهم بها.' },
      evaluation: { capability: 'op-coordination', task: 'opco-assist', expects: [{ action: 'share-intel', within: '1h' }] } },
    { id: 'hacktivist-claim', title: { en: 'Hacktivists claim the attacks', ar: 'قراصنة ناشطون يتبنون الهجمات', fr: 'Des hacktivistes revendiquent les attaques' },
      when: { stepSucceeded: 'ht-deface' }, delay: '10m', to: 'all-blue', channel: 'social-media', from: { name: '@SwordOfTheSands' }, tlp: 'CLEAR', priority: 'immediate',
      content: { en: 'Defaced portals and a claim of responsibility circulate on social media.', ar: 'تنتشر على وسائل التواصل الاجتماعي صور البوابات المشوّهة وبيان تبنٍّ للهجمات.' },
      evaluation: { capability: 'public-info', task: 'pio-rumour', expects: [{ action: 'respond-inject', within: '1h' }] } },
    { id: 'ddos', title: { en: 'Public portals flooded', ar: 'إغراق البوابات العامة بالطلبات', fr: 'Portails publics saturés' },
      when: { stepDetected: 'ht-ddos' }, to: 'all-blue', channel: 'ticket', from: { name: { en: 'Network operations centre', ar: 'مركز عمليات الشبكة' } }, tlp: 'GREEN', priority: 'immediate',
      content: { en: 'HTTPS floods steered by **192.0.2.66**. Ask your upstream provider to filter.', ar: 'هجمات إغراق HTTPS يوجّهها العنوان **192.0.2.66**. اطلبوا من مزوّد الخدمة التصفية.' },
      evaluation: { capability: 'cybersecurity', task: 'cyber-contain', expects: [{ action: 'block-indicator', within: '30m' }] } },
    { id: 'endex', title: { en: 'ENDEX', ar: 'انتهاء التمرين', fr: 'Fin de l\'exercice' }, at: '1d23h30m', to: 'all-blue', channel: 'briefing', from: excon, tlp: 'GREEN', move: 'm4',
      content: { en: 'ENDEX. Stop all play.', ar: 'انتهى التمرين. أوقفوا جميع الأنشطة.' }, evaluation: { expects: [{ action: 'acknowledge', within: '10m' }] } },
  );
  return out;
}

/** Every inject: the nations' MSELs first, then the coalition-wide ones. */
export function buildInjects(campaigns: readonly CampaignT[]): InjectT[] {
  const detectable = new Set(campaigns.flatMap((c) => c.steps).filter((s) => Object.values(s.detection ?? {}).some((p) => p > 0)).map((s) => s.id));
  return [...NATIONS.flatMap((n, t) => nationInjects(n, t, detectable)), ...coalitionInjects()];
}

export const CAPABILITIES: CapabilityT[] = [
  { id: 'cybersecurity', name: { en: 'Cybersecurity', ar: 'الأمن السيبراني' }, tasks: [
    { id: 'cyber-detect', name: 'Detect and analyse malicious activity' }, { id: 'cyber-contain', name: 'Contain compromised systems' },
    { id: 'cyber-harden', name: 'Apply emergency patches' }, { id: 'cyber-eradicate', name: 'Eradicate persistence and reset credentials' }] },
  { id: 'intel-sharing', name: { en: 'Intelligence and Information Sharing', ar: 'تبادل المعلومات والاستخبارات' }, tasks: [
    { id: 'iis-share', name: 'Share indicators with partners under TLP' }, { id: 'iis-apply', name: 'Apply partner and ISAC indicators' }] },
  { id: 'op-coordination', name: { en: 'Operational Coordination', ar: 'التنسيق العملياتي' }, tasks: [
    { id: 'opco-activate', name: 'Activate the crisis structure' }, { id: 'opco-sitrep', name: 'Report to leadership and the coalition' }, { id: 'opco-assist', name: 'Request and grant assistance' }] },
  { id: 'public-info', name: { en: 'Public Information and Warning', ar: 'الإعلام العام والإنذار' }, tasks: [
    { id: 'pio-statement', name: 'Deliver accurate public statements' }, { id: 'pio-rumour', name: 'Counter misinformation' }] },
  { id: 'infrastructure', name: { en: 'Infrastructure Systems', ar: 'أنظمة البنية التحتية' }, tasks: [
    { id: 'infra-continuity', name: 'Keep payments and the grid running' }, { id: 'infra-restore', name: 'Restore critical services from backups' }] },
];
